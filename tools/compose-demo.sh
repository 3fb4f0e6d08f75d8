#!/usr/bin/env bash
# The compose demo of the complete node (step 12): three nodes in containers, each mining to its own wallet, and a signed payment.
#   ./mvnw -q package -DskipTests && bash tools/compose-demo.sh [HOST]
# 1. makes the wallets (demo-wallets/: the three miners' and bob's) and writes the miners' addresses to .env;
# 2. starts the nodes (docker-compose up -d --build; BASE_IMAGE=clf-jre:17 for a machine without a registry);
# 3. node1 mines two blocks; node2 follows it; node1's miner pays bob 1 coin through node2, signed here by the
#    wallet; a tampered copy of a payment is refused; node2 mines it; everyone resolves;
# 4. checks that all three nodes serve the same chain and that bob has his coin on every node;
# 5. kills node2 with SIGKILL and starts it again: it serves the same chain, read back from its volume;
# 6. checks that the block explorer shows node1's chain, and prints its address: open it, mine, tamper, resolve.
# The nodes keep their chains in volumes, so a second run goes on from the first one's chains.
# Stop it with: docker-compose down --rmi all --volumes
set -euo pipefail
cd "$(dirname "$0")/.."
host=${1:-localhost}
node1=http://$host:5000 node2=http://$host:5001 node3=http://$host:5002
jar=step12-discovery/target/step12-discovery.jar
[ -f "$jar" ] || { echo "build the jar first: ./mvnw -q package -DskipTests" >&2; exit 1; }
compose=docker-compose
command -v docker-compose >/dev/null || compose="docker compose"
wallet() { java -jar "$jar" wallet "$@"; }
say() { printf '\n== %s\n' "$*"; }

say "wallets (kept in demo-wallets/, private keys readable by you only)"
mkdir -p demo-wallets
for name in node1-miner node2-miner node3-miner bob; do
  [ -f "demo-wallets/$name.pem" ] || wallet new --out "demo-wallets/$name.pem" >/dev/null
  printf '%-12s %s\n' "$name" "$(wallet address --key "demo-wallets/$name.pem")"
done
{
  for n in 1 2 3; do echo "NODE${n}_MINER=$(wallet address --key "demo-wallets/node$n-miner.pem")"; done
} > .env
bob=$(wallet address --key demo-wallets/bob.pem)

say "starting the nodes"
$compose up -d --build
for node in $node1 $node2 $node3; do
  for _ in $(seq 1 60); do curl -fs "$node/chain" >/dev/null && break; sleep 1; done
  curl -fs "$node/chain" >/dev/null || { echo "$node does not answer" >&2; exit 1; }
done

say "node1 mines two blocks: its miner earns two coins"
curl -fsS "$node1/mine"; echo
curl -fsS "$node1/mine"; echo
say "node2 resolves, and follows node1"
curl -fsS "$node2/nodes/resolve" | grep -o '"message": "[^"]*"'
bob_before=$(curl -fsS "$node2/balances/$bob" | grep -o '"balanceOf": [0-9]*' | grep -o '[0-9]*$')
say "node1's miner pays bob 1 coin through node2: signed here, by the wallet; the node never sees the key"
wallet send --key demo-wallets/node1-miner.pem --to "$bob" --amount 1 --node "$node2"
say "a forgery: a payment from node1's miner to bob that its wallet never signed"
forged='{"sender": "'$(wallet address --key demo-wallets/node1-miner.pem)'", "recipient": "'$bob'", "amount": 2, "nonce": 2, "signature": "'$(printf 'ab%.0s' $(seq 1 64))'"}'
curl -sS -X POST -H "Content-Type: application/json" -d "$forged" "$node2/transactions/new"; echo
say "node2 mines the payment; everyone resolves"
curl -fsS "$node2/mine"; echo
for node in $node1 $node2 $node3; do
  printf '%s: ' "$node"
  curl -fsS "$node/nodes/resolve" | grep -o '"message": "[^"]*"'
done
say "what each node serves now"
for node in $node1 $node2 $node3; do
  body=$(curl -fsS "$node/chain")
  printf '%s: %s, chain sha256 %s, bob has %s\n' "$node" "$(grep -o '"length": [0-9]*' <<<"$body")" \
    "$(sha256sum <<<"$body" | cut -c1-16)" "$(curl -fsS "$node/balances/$bob" | grep -o '"balanceOf": [0-9]*')"
done
chain1=$(curl -fsS "$node1/chain")
if [ "$chain1" = "$(curl -fsS "$node2/chain")" ] && [ "$chain1" = "$(curl -fsS "$node3/chain")" ]; then
  for node in $node1 $node2 $node3; do
    curl -fsS "$node/balances/$bob" | grep -q "\"balanceOf\": $((bob_before + 1))," \
      || { echo "bob's coin is missing at $node" >&2; exit 1; }
  done
  echo "all three nodes agree, and bob has his coin on every one"
else
  echo "the nodes do not agree" >&2
  exit 1
fi

say "node2 is killed with SIGKILL, as a crash would, and started again: its chain is read back from its volume"
$compose kill node2 >/dev/null 2>&1
$compose start node2 >/dev/null 2>&1
for _ in $(seq 1 60); do curl -fs "$node2/chain" >/dev/null && break; sleep 1; done
if [ "$(curl -fsS "$node2/chain")" = "$chain1" ]; then
  echo "node2 serves the same chain after kill -9"
else
  echo "node2 lost its chain in the crash" >&2
  exit 1
fi

say "the block explorer: every node's chain in one page, live"
explorer=http://$host:8000
for _ in $(seq 1 60); do curl -fs "$explorer/api/nodes" >/dev/null && break; sleep 1; done
if [ "$(curl -fsS "$explorer/api/0/chain")" = "$(curl -fsS "$node1/chain")" ]; then
  echo "open $explorer/ in a browser: mine, tamper with a block, register peers and resolve from the page"
else
  echo "the explorer at $explorer does not show node1's chain" >&2
  exit 1
fi
