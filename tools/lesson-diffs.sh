#!/usr/bin/env bash
# The lesson of each step, as diffs:
#   docs/diffs/STEP.diff        what STEP's sources add to the step before's: main code, tests and solutions
#   docs/diffs/STEP.main.diff   its main code only, as a learner has it after `java tools/Workshop.java start STEP`:
#                               each of STEP's own exercises is its TODO and its stub, written by Workshop.java itself
#   bash tools/lesson-diffs.sh            writes them
#   bash tools/lesson-diffs.sh --check    fails if one is stale (CI runs this): a change to an early step must
#                                         be carried into the later steps, or visibly change a lesson
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
steps=($(ls -d step[0-9][0-9]-*/ | tr -d /))
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# The stub writer is Workshop.java's start, compiled once and run on a copy of each pair of steps.
javac -d "$out/classes" tools/Workshop.java
for ((i = 1; i < ${#steps[@]}; i++)); do
  before=${steps[i - 1]} step=${steps[i]}
  # git diff --no-index prints no timestamps, so the same sources always give the same diff; it exits 1 when
  # the trees differ, which is the point here.
  git diff --no-index --no-color --stat=120 --patch "$before/src" "$step/src" > "$out/$step.diff" || [ $? -eq 1 ]
  copy=$out/copy/$step
  mkdir -p "$copy/step01-block" "$copy/$before/src" "$copy/$step/src"
  cp -R "$before/src/main" "$copy/$before/src/"
  cp -R "$step/src/main" "$copy/$step/src/"
  if grep -rqE "// exercise $((10#${step:4:2}))\.[0-9]+ begin" "$step/src/main"; then
    (cd "$copy" && java -cp "$out/classes" Workshop start "$step" > /dev/null)
  fi
  (cd "$copy" && git diff --no-index --no-color --stat=120 --patch "$before/src/main" "$step/src/main") \
    > "$out/$step.main.diff" || [ $? -eq 1 ]
done
rm -rf "$out/classes" "$out/copy"
if [ "${1:-}" = "--check" ]; then
  stale=0
  for diff in "$out"/*.diff; do
    name=docs/diffs/$(basename "$diff")
    if ! cmp -s "$diff" "$name"; then
      echo "stale: $name (run: bash tools/lesson-diffs.sh, and read what changed in the lesson)" >&2
      stale=1
    fi
  done
  [ $stale -eq 0 ] && echo "the lesson diffs are up to date (${#steps[@]} steps)"
  exit $stale
fi
mkdir -p docs/diffs
cp "$out"/*.diff docs/diffs/
ls docs/diffs
