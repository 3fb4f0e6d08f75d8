#!/usr/bin/env bash
# How long `java tools/Workshop.java watch` takes from a save to its verdict, for exercise 3.1 (or the one given):
# in a clone of this repository, it starts the step's exercises, runs watch in the background, then saves the
# solution and the stub in turn, ROUNDS times each, and prints each wait and the median.
#   bash tools/watch-latency.sh [EXERCISE] [ROUNDS]      (default: 3.1 and 5)
set -euo pipefail
exercise=${1:-3.1}
rounds=${2:-5}
# tools/DocCommands.java sets CLF_DOC_SHORT=1 to see that the command works, not to measure.
if [ "${CLF_DOC_SHORT:-}" = 1 ]; then
  rounds=1
  echo "a short run (CLF_DOC_SHORT=1): one round"
fi
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'kill "${watch:-}" 2>/dev/null || true; wait "${watch:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
git clone -q "$repo" "$work/repo"
cd "$work/repo"
cp "$repo/tools/Workshop.java" tools/Workshop.java   # the tool as it is now, committed or not
step=$(java tools/Workshop.java list | awk -v id="$exercise" '$1 == id { print $3 }')
[ -n "$step" ] || { echo "no exercise $exercise" >&2; exit 2; }
file=$(grep -rl "// exercise $exercise begin" "$step/src/main/java")
cp "$file" "$work/solution.java"
java tools/Workshop.java start "$step" > /dev/null
cp "$file" "$work/stub.java"
# The solution of this exercise alone, in the file as start left it.
python3 - "$exercise" "$work/stub.java" "$work/solution.java" "$work/solved.java" <<'EOF'
import re, sys
exercise, stub, solution, out = sys.argv[1:]
region = lambda text: re.search(r'(// exercise ' + re.escape(exercise) + r' begin\n)(.*?)(\n\s*// exercise '
                                + re.escape(exercise) + r' end)', text, re.S)
s, t = open(stub).read(), open(solution).read()
r = region(s)
open(out, 'w').write(s[:r.start(2)] + region(t).group(2) + s[r.end(2):])
EOF
java tools/Workshop.java watch "$exercise" > "$work/watch.log" 2>&1 &
watch=$!
verdicts() { grep -c "waiting for a save" "$work/watch.log" || true; }
wait_for_verdict() {
  local before=$1
  while [ "$(verdicts)" -le "$before" ]; do sleep 0.05; done
}
wait_for_verdict 0   # the first run builds the step with Maven
times=()
for i in $(seq "$rounds"); do
  for version in solved stub; do
    before=$(verdicts)
    start=$(date +%s.%N)
    cp "$work/$version.java" "$file"
    wait_for_verdict "$before"
    took=$(awk -v now="$(date +%s.%N)" -v start="$start" 'BEGIN { printf "%.3f", now - start }')
    verdict=$(grep "waiting for a save" "$work/watch.log" | tail -1 | cut -d, -f1 | tr -d '(')
    printf 'save %-6s -> %s after %.1f s\n' "$version" "$verdict" "$took"
    times+=("$took")
  done
done
printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "median from a save to the verdict: %.1f s (%d saves)\n", (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2), NR }'
