#!/usr/bin/env bash
# The mutation check of the exercises: a wrong solution must fail the step's tests. For each step, PIT (the parent
# pom's `mutation` profile) mutates the classes that hold an exercise and runs the tests that cover each mutant;
# tools/MutationReport.java keeps the mutants whose line is inside an exercise region (between its begin and end
# markers), prints them per exercise, and the check fails on any survivor that tools/mutation-allowed.txt does not
# allow (only timing and logging, each with its reason).
#   bash tools/mutation-check.sh                 steps 01 to 06
#   bash tools/mutation-check.sh 04 step05-consensus
# MVN=... sets the Maven command (default: ./mvnw -B -q; add -o to stay offline once PIT is in ~/.m2). Under
# CLF_DOC_SHORT=1 (tools/DocCommands.java, in CI) a run that names no step checks step 01 alone, in a minute.
set -euo pipefail
cd "$(dirname "$0")/.."
read -r -a mvn <<< "${MVN:-./mvnw -B -q}"
args=("$@")
if [ ${#args[@]} -eq 0 ] && [ "${CLF_DOC_SHORT:-}" = 1 ]; then
  echo "a short run (CLF_DOC_SHORT=1): step 01 only; with no step named, a full run checks steps 01 to 06"
  args=(01)
fi
[ ${#args[@]} -gt 0 ] || args=(01 02 03 04 05 06)
steps=()
for arg in "${args[@]}"; do
  arg=${arg%/}
  if [ -d "$arg" ] && [[ $arg == step[0-9][0-9]-* ]]; then
    steps+=("$arg")
  else
    # 3, 03 or step03: the step's folder.
    n=$(printf '%02d' "$((10#${arg#step}))" 2>/dev/null) || { echo "error: no step $arg" >&2; exit 2; }
    found=(step"$n"-*/)
    [ -d "${found[0]}" ] || { echo "error: no step $arg" >&2; exit 2; }
    steps+=("${found[0]%/}")
  fi
done
started=$SECONDS
failed=() total=0 killed=0 survived=0 allowed=0
for step in "${steps[@]}"; do
  echo "== $step"
  rm -rf "$step/target/pit-reports"
  log=$(mktemp)
  step_started=$SECONDS
  # PIT reads the build; the classes that hold a region are its targets, and their methods that hold none are left
  # out (PIT's excludedMethods), which spares it most of the mutants the report would throw away.
  if ! "${mvn[@]}" -pl "$step" test-compile > "$log" 2>&1 || ! targets=$(java tools/MutationReport.java targets "$step" 2>&1); then
    tail -40 "$log"
    echo "${targets:-}"
    echo "$step: the build failed (its log above)"
    failed+=("$step")
    rm -f "$log"
    continue
  fi
  if [ -z "$targets" ]; then
    echo "$step: no exercise region"
    rm -f "$log"
    continue
  fi
  { read -r classes; read -r methods; } <<< "$targets"
  if ! "${mvn[@]}" -Pmutation -pl "$step" org.pitest:pitest-maven:mutationCoverage \
      "-DtargetClasses=$classes" "-DexcludedMethods=$methods" > "$log" 2>&1; then
    tail -40 "$log"
    echo "$step: PIT failed (its log above)"
    failed+=("$step")
    rm -f "$log"
    continue
  fi
  rm -f "$log"
  set +e
  report=$(java tools/MutationReport.java report "$step" $((SECONDS - step_started)))
  status=$?
  set -e
  grep -v '^TOTALS ' <<< "$report"
  read -r _ t k s a <<< "$(grep '^TOTALS ' <<< "$report")"
  total=$((total + ${t:-0})) killed=$((killed + ${k:-0})) survived=$((survived + ${s:-0})) allowed=$((allowed + ${a:-0}))
  [ $status -eq 0 ] || failed+=("$step")
done
elapsed=$((SECONDS - started))
echo "== $total mutants in the exercise regions of ${#steps[@]} step(s): $killed killed, $survived survived" \
  "($allowed of them allowed by tools/mutation-allowed.txt); took $((elapsed / 60)) min $((elapsed % 60)) s"
if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED: ${failed[*]} (a survivor is a wrong solution that the tests pass: add a test that kills it)"
  exit 1
fi
echo "every mutant in an exercise region is killed by the tests, or allowed"
