#!/usr/bin/env bash
# The compose demo of the complete node (step 16): three nodes in containers, in a line (node1 - node2 - node3, each
# knowing only its neighbours), each mining to its own wallet; blocks and a signed payment travel by gossip alone.
#   ./mvnw -q package -DskipTests && bash tools/compose-demo.sh [HOST]
# 1. makes the wallets (demo-wallets/: the three miners' and bob's) and writes the miners' addresses to .env;
# 2. starts the nodes (docker-compose up -d --build; BASE_IMAGE=clf-jre:17 for a machine without a registry), and
#    shows that each knows only its neighbours;
# 3. node1 mines two blocks, and node3, which only node2 tells, has node1's chain within 10 s (WITHIN=N), with no
#    /nodes/resolve anywhere; node1's miner pays bob 1 coin through node2, signed here by the wallet; a tampered copy
#    of a payment is refused; node2 mines the payment, and the block reaches node1 and node3 in the same way; a light
#    wallet confirms the payment from node3's headers and a Merkle proof (wallet confirm);
# 4. checks that all three nodes serve the same chain and that bob has his coin on every node;
# 5. kills node2 with SIGKILL and starts it again: it serves the same chain, read back from its volume, and the line
#    is whole again: a block mined on node3 reaches node1 through it;
# 6. checks that the block explorer, given node1 alone, found the line of three nodes and shows node1's chain, and
#    prints its address: open it, mine, watch a block travel, tamper.
# The nodes keep their chains in volumes, so a second run goes on from the first one's chains.
# Stop it with: docker-compose down --rmi all --volumes
set -euo pipefail
cd "$(dirname "$0")/.."
host=${1:-localhost}
node1=http://$host:5000 node2=http://$host:5001 node3=http://$host:5002
within=${WITHIN:-10}
jar=step16-merkle-proofs/target/step16-merkle-proofs.jar
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

say "each node knows only its neighbours: node1 - node2 - node3"
for node in $node1 $node2 $node3; do
  printf '%s knows %s\n' "$node" "$(curl -fsS "$node/nodes" | grep -o '"nodes": \[[^]]*\]')"
done
chain() { curl -fsS "$1/chain"; }
# Waits until every node given after the first serves the first one's chain, for at most $within s; says how long it took.
agree() {
  local source=$1 started wanted node same
  shift
  started=$(date +%s%N)
  wanted=$(chain "$source")
  while [ $(($(date +%s%N) - started)) -lt $((within * 1000000000)) ]; do
    same=yes
    for node in "$@"; do [ "$(chain "$node")" = "$wanted" ] || { same=no; break; }; done
    if [ $same = yes ]; then
      echo "$(printf '%s and ' "$@" | sed 's/ and $//') served the chain of $source within $((($(date +%s%N) - started) / 1000000)) ms, with no /nodes/resolve"
      return 0
    fi
    sleep 0.1
  done
  echo "after $within s, $* do not serve the chain of $source:" >&2
  for node in "$source" "$@"; do echo "  $node: $(chain "$node" | grep -o '"length": [0-9]*')" >&2; done
  exit 1
}

say "node1 mines two blocks: its miner earns two coins, and node1 announces each block to node2, which passes it on to node3"
curl -fsS "$node1/mine"; echo
curl -fsS "$node1/mine"; echo
agree $node1 $node3 $node2
bob_before=$(curl -fsS "$node2/balances/$bob" | grep -o '"balanceOf": [0-9]*' | grep -o '[0-9]*$')
say "node1's miner pays bob 1 coin through node2: signed here, by the wallet; the node never sees the key"
wallet send --key demo-wallets/node1-miner.pem --to "$bob" --amount 1 --node "$node2" | tee demo-wallets/sent.txt
payment=$(sed -n 's/^id: //p' demo-wallets/sent.txt)
say "a forgery: a payment from node1's miner to bob that its wallet never signed"
forged='{"sender": "'$(wallet address --key demo-wallets/node1-miner.pem)'", "recipient": "'$bob'", "amount": 2, "nonce": 2, "signature": "'$(printf 'ab%.0s' $(seq 1 64))'"}'
curl -sS -X POST -H "Content-Type: application/json" -d "$forged" "$node2/transactions/new"; echo
say "node2 mines the payment, and its block travels to node1 and node3"
curl -fsS "$node2/mine"; echo
agree $node2 $node1 $node3
say "a light wallet confirms the payment from node3's headers and one Merkle proof, without its chain"
for _ in $(seq 1 $((within * 10))); do
  curl -fs "$node3/transactions/$payment/proof" >/dev/null && break
  sleep 0.1
done
wallet confirm --id "$payment" --node "$node3"
say "what each node serves now"
for node in $node1 $node2 $node3; do
  body=$(chain "$node")
  printf '%s: %s, chain sha256 %s, bob has %s\n' "$node" "$(grep -o '"length": [0-9]*' <<<"$body")" \
    "$(sha256sum <<<"$body" | cut -c1-16)" "$(curl -fsS "$node/balances/$bob" | grep -o '"balanceOf": [0-9]*')"
done
chain1=$(chain "$node1")
if [ "$chain1" = "$(chain "$node2")" ] && [ "$chain1" = "$(chain "$node3")" ]; then
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
if [ "$(chain "$node2")" = "$chain1" ]; then
  echo "node2 serves the same chain after kill -9"
else
  echo "node2 lost its chain in the crash" >&2
  exit 1
fi
say "the line is whole again: node3 mines, and its block reaches node1 through the restarted node2"
curl -fsS "$node3/mine"; echo
agree $node3 $node2 $node1

say "the block explorer, given node1 alone: the network it finds, and every node's chain in one page, live"
explorer=http://$host:8000
for _ in $(seq 1 60); do curl -fs "$explorer/api/nodes" >/dev/null && break; sleep 1; done
network=
for _ in $(seq 1 $((within * 10))); do
  network=$(curl -fsS "$explorer/api/nodes")
  grep -q '"links":\[\[0,1\],\[1,2\]\]' <<<"$network" && break
  sleep 0.1
done
echo "$network" | grep -o '"nodes":\[[^]]*\]'
echo "$network" | grep -o '"links":\[[][0-9,]*\]'
grep -q '"links":\[\[0,1\],\[1,2\]\]' <<<"$network" \
  || { echo "the explorer did not find the line node1 - node2 - node3 within $within s" >&2; exit 1; }
if [ "$(curl -fsS "$explorer/api/0/chain")" = "$(chain "$node1")" ]; then
  echo "open $explorer/ in a browser: the three nodes and their two links; mine on one and watch the block travel"
else
  echo "the explorer at $explorer does not show node1's chain" >&2
  exit 1
fi
