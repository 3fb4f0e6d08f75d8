#!/usr/bin/python3
"""The text's own node (tools/text-node.py) with one rule broken, for the kit's own tests.

    /usr/bin/python3 broken-node.py KIND PORT

KIND is adopts-unlinked-chain (resolve takes a longer chain whose blocks do not link), crashes-on-missing-field
(a transaction without a field gets 500), or other-hash (blocks hash without sort_keys).
"""
import hashlib
import importlib.util
import json
import os
import sys

from flask import request

kind, port = sys.argv[1], int(sys.argv[2])
tools = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', '..', 'tools')
spec = importlib.util.spec_from_file_location('text_node', os.path.join(tools, 'text-node.py'))
text_node = importlib.util.module_from_spec(spec)
spec.loader.exec_module(text_node)
Blockchain = type(text_node.blockchain)

if kind == 'adopts-unlinked-chain':
    def valid_chain(self, chain):
        return all(self.valid_proof(chain[i - 1]['proof'], chain[i]['proof']) for i in range(1, len(chain)))
    Blockchain.valid_chain = valid_chain
elif kind == 'crashes-on-missing-field':
    def new_transaction():
        values = request.get_json()
        index = text_node.blockchain.new_transaction(values['sender'], values['recipient'], values['amount'])
        return text_node.jsonify({'message': f'Transaction will be added to Block {index}'}), 201
    text_node.app.view_functions['new_transaction'] = new_transaction
elif kind == 'other-hash':
    Blockchain.hash = staticmethod(lambda block: hashlib.sha256(json.dumps(block).encode()).hexdigest())
else:
    sys.exit(f'unknown kind: {kind}')

text_node.app.run(host='127.0.0.1', port=port)
