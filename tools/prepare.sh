#!/usr/bin/env bash
# Before the workshop day, on each machine (or once, on the machine that makes a USB stick of ~/.m2): download
# every dependency and plugin the day needs, build every step, and build the container images, so that the day
# works on a weak venue network, or none.
#   bash tools/prepare.sh
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== Maven, through ./mvnw: every dependency and plugin (tests are run once for step 01, to fetch the test runner)"
./mvnw -B -q package -DskipTests
./mvnw -B -q dependency:go-offline
./mvnw -B -q -pl step01-block test
echo "== the workshop command compiles, and its watch finds the dependency plugin (cached by go-offline)"
java tools/Workshop.java list > /dev/null
if command -v docker >/dev/null && docker info >/dev/null 2>&1; then
  echo "== container images"
  if docker pull -q eclipse-temurin:17-jre >/dev/null 2>&1; then
    base=eclipse-temurin:17-jre
  else
    echo "no registry reachable: building the base image here"
    bash tools/jre-image.sh clf-jre:17
    base=clf-jre:17
  fi
  BASE_IMAGE=$base docker-compose build 2>/dev/null || BASE_IMAGE=$base docker compose build
  echo "images ready; the compose demo starts with: BASE_IMAGE=$base bash tools/compose-demo.sh"
else
  echo "Docker is not running: skipped the images (only the container tests and the compose demo need them)"
fi
java tools/Workshop.java doctor || true
echo "ready: the day can run offline (./mvnw -o ...)"
