#!/usr/bin/env bash
# Checks each step's node against its own description (GET /openapi.yaml) with a third-party contract and fuzz
# tester: Portman turns the description into requests with tests, and Newman runs them against the node.
# - Every example request is answered as described: a 2xx whose body is valid by its schema.
# - Every variation that breaks one rule of the description (a required field, header or parameter left out, a
#   number below its minimum or above its maximum, a text shorter or longer than its length) is answered 400 with
#   a JSON error valid by the description.
# It needs the jars (./mvnw -q package -DskipTests) and npx, which fetches Portman once. Under CLF_DOC_SHORT=1
# (tools/DocCommands.java, in CI) a run that names no step checks the first and the last node only.
#   bash tools/contract-fuzz.sh [STEP...]      (a step's folder or number; default: every step from 04 on)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
portman=(npx --yes --package @apideck/portman@1.33.0 --package tslib@2 -- portman)
# The sender of the description's signed example payment: from step 06 on, its node mines the 5 coins it pays.
miner=6e4b2fafbacc627c3521a5f0ad625e3d319f2db1b6e07a986c9afc5671c74016
port=5090
work=$(mktemp -d)
node=
trap '[ -z "$node" ] || kill "$node" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
command -v npx > /dev/null || { echo "npx is missing: install Node.js and npm (sudo apt-get install npm)" >&2; exit 2; }

steps=()
if [ $# -eq 0 ]; then
  set -- $(cd "$repo" && ls -d step0[4-9]-* step[1-9][0-9]-*)
  if [ "${CLF_DOC_SHORT:-}" = 1 ]; then
    echo "a short run (CLF_DOC_SHORT=1): $1 and ${!#} only; with no step named, a full run checks every step from 04 on"
    set -- "$1" "${!#}"
  fi
fi
for name in "$@"; do
  [[ $name =~ ^(step)?0*([0-9]{1,2})(-[a-z0-9-]+)?/?$ ]] || { echo "not a step: $name (give 04, 4 or step04-http-api)" >&2; exit 2; }
  number=${BASH_REMATCH[2]}
  [ "$number" -ge 4 ] || { echo "step $number has no HTTP API: the nodes start at step 04" >&2; exit 2; }
  folder=$(cd "$repo" && ls -d "step$(printf '%02d' "$number")-"* 2> /dev/null) || { echo "there is no step $number" >&2; exit 2; }
  steps+=("$folder")
done

config() {
  # From step 06 on, the second spelling posts the same signed payment again, which must be refused.
  local again=201
  [ "$1" -lt 6 ] || again=400
  cat <<EOF
{
  "version": 1.0,
  "globals": {
    "orderOfOperations": ["POST::/transactions/new", "POST::/transaction/new", "GET::/mine",
      "GET::/transactions/{id}/proof"]
  },
  "tests": {
    "contractTests": [
      { "openApiOperation": "*::/*", "excludeForOperations": ["POST::/transaction/new"],
        "statusSuccess": { "enabled": true }, "contentType": { "enabled": true }, "jsonBody": { "enabled": true },
        "schemaValidation": { "enabled": true } },
      { "openApiOperation": "POST::/transaction/new", "openApiResponse": "$again",
        "statusCode": { "enabled": true, "code": $again }, "contentType": { "enabled": true },
        "jsonBody": { "enabled": true }, "schemaValidation": { "enabled": true } }
    ],
    "variationTests": [
      {
        "openApiOperation": "*::/*",
        "openApiResponse": "400",
        "variations": [
          {
            "name": "breaks a rule",
            "fuzzing": [
              { "requestBody": [$(rules)] },
              { "requestQueryParams": [$(rules)] },
              { "requestHeaders": [$(rules)] }
            ],
            "tests": { "contractTests": [ { "statusCode": { "enabled": true }, "contentType": { "enabled": true },
              "jsonBody": { "enabled": true }, "schemaValidation": { "enabled": true } } ] }
          }
        ]
      }
    ]
  }
}
EOF
}

rules() {
  printf '{ "requiredFields": { "enabled": true }, "minimumNumberFields": { "enabled": true }, '
  printf '"maximumNumberFields": { "enabled": true }, "minLengthFields": { "enabled": true }, '
  printf '"maxLengthFields": { "enabled": true } }'
}

failed=0
for step in "${steps[@]}"; do
  number=$((10#${step:4:2}))
  jar="$repo/$step/target/$step.jar"
  [ -f "$jar" ] || { echo "$step: no $step/target/$step.jar: build the jars first (./mvnw -q package -DskipTests)" >&2; exit 2; }
  options=(--port "$port")
  [ "$number" -lt 6 ] || options+=(--miner-address "$miner")
  java -jar "$jar" "${options[@]}" > "$work/node.log" 2>&1 &
  node=$!
  for _ in $(seq 1 120); do
    curl -s -o /dev/null "http://127.0.0.1:$port/chain" && break
    kill -0 "$node" 2> /dev/null || { echo "$step: the node did not start:" >&2; cat "$work/node.log" >&2; exit 1; }
    sleep 0.5
  done
  curl -s -o /dev/null "http://127.0.0.1:$port/chain" || { echo "$step: the node did not answer within 60 s" >&2; exit 1; }
  if [ "$number" -ge 6 ]; then
    for _ in 1 2 3 4 5; do curl -s -o /dev/null "http://127.0.0.1:$port/mine"; done
  fi
  curl -sf -o "$work/openapi.yaml" "http://127.0.0.1:$port/openapi.yaml"
  config "$number" > "$work/portman-config.json"
  if (cd "$work" && "${portman[@]}" -l openapi.yaml -b "http://127.0.0.1:$port" -c portman-config.json \
      --runNewman > portman.log 2>&1); then
    echo "$step: $(awk '$2 == "requests" { r = $4 } $2 == "assertions" { a = $4 } END { print r " requests, " a " checks, all as described" }' "$work/portman.log")"
  else
    failed=$((failed + 1))
    echo "$step: FAILED, as Newman says:"
    sed -E 's/\x1b\[[0-9;]*m//g; s/ +$//' "$work/portman.log" | sed -n '/# *failure/,/^=====/p' | grep -v '^$' | head -40
  fi
  kill "$node" 2> /dev/null || true
  wait "$node" 2> /dev/null || true
  node=
done
[ "$failed" -eq 0 ] || { echo "$failed step(s) answer otherwise than their description says" >&2; exit 1; }
