#!/usr/bin/env python3
"""The text's Blockchain, with only the fixes it needs to run, to test that our nodes and the text's agree.

    python3 tools/python-chain.py make > step05-consensus/src/test/resources/python-chain.json
        mines three blocks after genesis as the text's node does (float timestamps, a genesis previous_hash of 1,
        rewards from the number 0 as the text's /mine code sends it, a posted transaction) and prints the
        /chain answer, written as Flask's jsonify writes it.
    python3 tools/python-chain.py validate < chain.json
        reads a /chain answer and runs the text's valid_chain on it; prints "valid" (exit 0) or "invalid" (exit 1).
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from text_blockchain import Blockchain  # noqa: E402


def mine(blockchain, node_identifier):
    """The text's /mine: the proof of work, the reward from the number 0, the new block."""
    last_block = blockchain.last_block
    proof = blockchain.proof_of_work(last_block['proof'])
    blockchain.new_transaction(sender=0, recipient=node_identifier, amount=1)
    return blockchain.new_block(proof, blockchain.hash(last_block))


def make():
    blockchain = Blockchain()
    mine(blockchain, '6a01861c7b3f483eab90727e621b2b96')
    blockchain.new_transaction('d4ee26eee15148ee92c6cd394edd974e', 'recipient-address', 5)
    mine(blockchain, '6a01861c7b3f483eab90727e621b2b96')
    mine(blockchain, '6a01861c7b3f483eab90727e621b2b96')
    print(json.dumps({'chain': blockchain.chain, 'length': len(blockchain.chain)}, separators=(',', ':'), sort_keys=True))


def validate():
    chain = json.load(sys.stdin)['chain']
    valid = Blockchain().valid_chain(chain)
    print('valid' if valid else 'invalid')
    sys.exit(0 if valid else 1)


if __name__ == '__main__':
    {'make': make, 'validate': validate}[sys.argv[1]]()
