#!/usr/bin/python3
"""The tutorial's own node: its Flask app and its Blockchain class, with only the fixes it needs to run.

    /usr/bin/python3 tools/text-node.py PORT        (Debian: apt-get install python3-flask python3-requests)

The fixes, each an erratum of the text (docs/errata.md): `from flask import ...` (not flash), `methods=` (not
method=), POST for new transactions, the response keys (message, transactions, length), `requests` (not request),
`hashlib.sha256(...encode())`, `for node in nodes`, one name for register_node, `jsonify` (not json). The rules
are the text's: its proof rule, its longest-valid-chain rule, its reward from the number 0. The workshop's tests
run it beside a step 05 node to show that the two agree in both directions.
"""
import os
import sys
from uuid import uuid4

from flask import Flask, jsonify, request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from text_blockchain import Blockchain  # noqa: E402


app = Flask(__name__)
node_identifier = str(uuid4()).replace('-', '')
blockchain = Blockchain()


@app.route('/mine', methods=['GET'])
def mine():
    last_block = blockchain.last_block
    proof = blockchain.proof_of_work(last_block['proof'])
    blockchain.new_transaction(sender=0, recipient=node_identifier, amount=1)
    previous_hash = blockchain.hash(last_block)
    block = blockchain.new_block(proof, previous_hash)
    response = {
        'message': 'New Block Forged',
        'index': block['index'],
        'transactions': block['transactions'],
        'proof': block['proof'],
        'previous_hash': block['previous_hash'],
    }
    return jsonify(response), 200


@app.route('/transactions/new', methods=['POST'])
def new_transaction():
    values = request.get_json()
    required = ['sender', 'recipient', 'amount']
    if not all(k in values for k in required):
        return 'Missing values', 400
    index = blockchain.new_transaction(values['sender'], values['recipient'], values['amount'])
    return jsonify({'message': f'Transaction will be added to Block {index}'}), 201


@app.route('/chain', methods=['GET'])
def full_chain():
    return jsonify({'chain': blockchain.chain, 'length': len(blockchain.chain)}), 200


@app.route('/nodes/register', methods=['POST'])
def register_nodes():
    values = request.get_json()
    nodes = values.get('nodes')
    if nodes is None:
        return 'Error: Please supply a valid list of nodes', 400
    for node in nodes:
        blockchain.register_node(node)
    return jsonify({'message': 'New nodes have been added', 'total_nodes': list(blockchain.nodes)}), 201


@app.route('/nodes/resolve', methods=['GET'])
def consensus():
    if blockchain.resolve_conflicts():
        return jsonify({'message': 'Our chain was replaced', 'new_chain': blockchain.chain}), 200
    return jsonify({'message': 'Our chain is authoritative', 'chain': blockchain.chain}), 200


if __name__ == '__main__':
    app.run(host='127.0.0.1', port=int(sys.argv[1]))
