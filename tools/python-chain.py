#!/usr/bin/env python3
"""The text's Blockchain, with only the fixes it needs to run, to test that our nodes and the text's agree.

    python3 tools/python-chain.py make > step05-consensus/src/test/resources/python-chain.json
        mines three blocks after genesis as the text's node does (float timestamps, a genesis previous_hash of 1,
        rewards from the number 0 as the text's /mine code sends it, a posted transaction) and prints the
        /chain answer, written as Flask's jsonify writes it.
    python3 tools/python-chain.py validate < chain.json
        reads a /chain answer and runs the text's valid_chain on it; prints "valid" (exit 0) or "invalid" (exit 1).
"""
import hashlib
import json
import sys
from time import time


class Blockchain(object):
    def __init__(self):
        self.chain = []
        self.current_transactions = []
        self.new_block(previous_hash=1, proof=100)

    @staticmethod
    def hash(block):
        block_string = json.dumps(block, sort_keys=True).encode()
        return hashlib.sha256(block_string).hexdigest()

    def new_block(self, proof, previous_hash=None):
        block = {
            'index': len(self.chain) + 1,
            'timestamp': time(),
            'transactions': self.current_transactions,
            'proof': proof,
            'previous_hash': previous_hash or self.hash(self.chain[-1]),
        }
        self.current_transactions = []
        self.chain.append(block)
        return block

    @property
    def last_block(self):
        return self.chain[-1]

    def new_transaction(self, sender, recipient, amount):
        self.current_transactions.append({'sender': sender, 'recipient': recipient, 'amount': amount})
        return self.last_block['index'] + 1

    def proof_of_work(self, last_proof):
        proof = 0
        while self.valid_proof(last_proof, proof) is False:
            proof += 1
        return proof

    @staticmethod
    def valid_proof(last_proof, proof):
        guess = f'{last_proof}{proof}'.encode()
        return hashlib.sha256(guess).hexdigest()[:4] == '0000'

    def valid_chain(self, chain):
        last_block = chain[0]
        current_index = 1
        while current_index < len(chain):
            block = chain[current_index]
            if block['previous_hash'] != self.hash(last_block):
                return False
            if not self.valid_proof(last_block['proof'], block['proof']):
                return False
            last_block = block
            current_index += 1
        return True

    def mine(self, node_identifier):
        last_block = self.last_block
        proof = self.proof_of_work(last_block['proof'])
        self.new_transaction(sender=0, recipient=node_identifier, amount=1)
        return self.new_block(proof, self.hash(last_block))


def make():
    blockchain = Blockchain()
    blockchain.mine('6a01861c7b3f483eab90727e621b2b96')
    blockchain.new_transaction('d4ee26eee15148ee92c6cd394edd974e', 'recipient-address', 5)
    blockchain.mine('6a01861c7b3f483eab90727e621b2b96')
    blockchain.mine('6a01861c7b3f483eab90727e621b2b96')
    print(json.dumps({'chain': blockchain.chain, 'length': len(blockchain.chain)}, separators=(',', ':'), sort_keys=True))


def validate():
    chain = json.load(sys.stdin)['chain']
    valid = Blockchain().valid_chain(chain)
    print('valid' if valid else 'invalid')
    sys.exit(0 if valid else 1)


if __name__ == '__main__':
    {'make': make, 'validate': validate}[sys.argv[1]]()
