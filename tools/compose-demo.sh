#!/usr/bin/env bash
# The compose demo: node1 mines two blocks, node2 takes two transactions and mines one, node3 does nothing;
# every node resolves and follows node1; node2 mines its two transactions again; all resolve once more, and the
# script checks that all three serve the same chain, with the two transactions in it.
#   bash tools/compose-demo.sh [HOST]     (default localhost; the nodes are on ports 5000, 5001 and 5002)
set -euo pipefail
host=${1:-localhost}
node1=http://$host:5000 node2=http://$host:5001 node3=http://$host:5002

for node in $node1 $node2 $node3; do
  for _ in $(seq 1 60); do curl -fs "$node/chain" >/dev/null && break; sleep 1; done
  curl -fs "$node/chain" >/dev/null || { echo "$node does not answer; is docker-compose up?" >&2; exit 1; }
done
say() { printf '\n== %s\n' "$*"; }
post() { curl -fsS -X POST -H "Content-Type: application/json" -d "$2" "$1"; echo; }

say "node1 mines two blocks"
curl -fsS "$node1/mine"; echo
curl -fsS "$node1/mine"; echo
say "node2 takes two transactions and mines them"
post "$node2/transactions/new" '{"sender": "alice", "recipient": "bob", "amount": 5}'
post "$node2/transactions/new" '{"sender": "bob", "recipient": "carol", "amount": 2}'
curl -fsS "$node2/mine"; echo
say "every node resolves: node1's chain is the longest"
for node in $node1 $node2 $node3; do
  printf '%s: ' "$node"
  curl -fsS "$node/nodes/resolve" | grep -o '"message": "[^"]*"'
done
say "node2's block lost, but its transactions did not: they went back to its pool, and it mines them again"
curl -fsS "$node2/mine"; echo
for node in $node1 $node3; do
  printf '%s: ' "$node"
  curl -fsS "$node/nodes/resolve" | grep -o '"message": "[^"]*"'
done
say "what each node serves now"
for node in $node1 $node2 $node3; do
  body=$(curl -fsS "$node/chain")
  printf '%s: %s, chain sha256 %s\n' "$node" "$(grep -o '"length": [0-9]*' <<<"$body")" \
    "$(sha256sum <<<"$body" | cut -c1-16)"
done
if [ "$(curl -fsS "$node1/chain")" = "$(curl -fsS "$node2/chain")" ] && \
   [ "$(curl -fsS "$node1/chain")" = "$(curl -fsS "$node3/chain")" ]; then
  curl -fsS "$node3/chain" | grep -q '"sender": "alice"' || { echo "alice's payment was lost" >&2; exit 1; }
  echo "all three nodes agree, and alice's payment is in the chain"
else
  echo "the nodes do not agree" >&2
  exit 1
fi
