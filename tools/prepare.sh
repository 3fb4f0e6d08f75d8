#!/usr/bin/env bash
# Before the workshop day, on each machine (or once, on the machine that makes a USB stick of ~/.m2): download
# every dependency and plugin the day needs, build every step, and build the container images, so that the day
# works on a weak venue network, or none.
#   bash tools/prepare.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# tools/DocCommands.java sets CLF_DOC_SHORT=1: its earlier pages built the tree, ran tests and built the images, so
# the short form checks the offline cache and builds nothing again.
short=${CLF_DOC_SHORT:-}
echo "== Maven, through ./mvnw: every dependency and plugin (tests are run once for step 01, to fetch the test runner)"
if [ "$short" = 1 ] && [ -f step10-crash-safety/target/step10-crash-safety.jar ]; then
  echo "a short run (CLF_DOC_SHORT=1): the steps are built and tested already; only the offline cache is completed"
  ./mvnw -B -q dependency:go-offline
else
  ./mvnw -B -q package -DskipTests
  ./mvnw -B -q dependency:go-offline
  ./mvnw -B -q -pl step01-block test
fi
echo "== the workshop command compiles, and its watch finds the dependency plugin (cached by go-offline)"
java tools/Workshop.java list > /dev/null
if command -v docker >/dev/null && docker info >/dev/null 2>&1; then
  echo "== container images"
  if [ "$short" = 1 ] && docker image inspect clf-jre:17 >/dev/null 2>&1; then
    echo "a short run (CLF_DOC_SHORT=1): the base image clf-jre:17 is here; the node images are the compose demo's"
    base=clf-jre:17
  elif docker pull -q eclipse-temurin:17-jre >/dev/null 2>&1; then
    base=eclipse-temurin:17-jre
  else
    echo "no registry reachable: building the base image here"
    bash tools/jre-image.sh clf-jre:17
    base=clf-jre:17
  fi
  if [ "$short" != 1 ]; then
    BASE_IMAGE=$base docker-compose build 2>/dev/null || BASE_IMAGE=$base docker compose build
    echo "images ready"
  fi
  echo "the compose demo starts with: BASE_IMAGE=$base bash tools/compose-demo.sh"
else
  echo "Docker is not running: skipped the images (only the container tests and the compose demo need them)"
fi
java tools/Workshop.java doctor || true
echo "ready: the day can run offline (./mvnw -o ...)"
