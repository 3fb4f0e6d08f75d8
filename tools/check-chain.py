#!/usr/bin/env python3
"""Checks a running node's chain by the rules of the pages alone, with nothing of the workshop's Java code.

    python3 tools/check-chain.py http://localhost:5000

It reads GET /chain and checks, block by block: the index counts up from 1; previous_hash is the hash of the block
before; transactions_hash is the SHA-256 of the canonical JSON of the transactions; the difficulty is the
genesis block's; and the block's hash has that many leading hex zeros. The hash (docs/step13-header.md):

    hash = SHA-256( SHA-256(canonical JSON of difficulty, index, previous_hash, timestamp, transactions_hash)
                    followed by the proof as 8 big-endian bytes )

It prints one line a block and exits 0 if every block keeps every rule, 1 at the first that does not, saying why.
"""
import hashlib
import json
import sys
import urllib.request


def canonical(value):
    return json.dumps(value, sort_keys=True)


def header_digest(block):
    header = {key: block[key] for key in ('difficulty', 'index', 'previous_hash', 'timestamp', 'transactions_hash')}
    return hashlib.sha256(canonical(header).encode()).digest()


def block_hash(block):
    return hashlib.sha256(header_digest(block) + block['proof'].to_bytes(8, 'big')).hexdigest()


def problems(chain):
    """Yields (block, problem or None) for each block, and stops at the first problem."""
    genesis = chain[0]
    for i, block in enumerate(chain):
        missing = {'index', 'timestamp', 'transactions', 'transactions_hash', 'difficulty', 'proof',
                   'previous_hash'} - block.keys()
        if missing:
            yield block, 'it has no ' + ', '.join(sorted(missing)) + ': a node of a step before 13 made it'
            return
        if block['index'] != i + 1:
            yield block, 'its index is %s, not %d' % (block['index'], i + 1)
            return
        if block['transactions_hash'] != hashlib.sha256(canonical(block['transactions']).encode()).hexdigest():
            yield block, 'its transactions_hash is not the SHA-256 of its transactions'
            return
        if block['difficulty'] != genesis['difficulty']:
            yield block, 'its difficulty is %s, not the genesis block\'s %s' % (block['difficulty'],
                                                                            genesis['difficulty'])
            return
        if i > 0:
            if block['previous_hash'] != block_hash(chain[i - 1]):
                yield block, 'its previous_hash is not the hash of block %d' % i
                return
            if not block_hash(block).startswith('0' * block['difficulty']):
                yield block, 'its hash %s does not start with %d zeros' % (block_hash(block), block['difficulty'])
                return
        yield block, None


def main(node):
    with urllib.request.urlopen(node.rstrip('/') + '/chain', timeout=10) as reply:
        chain = json.load(reply)['chain']
    for block, problem in problems(chain):
        if problem:
            print('block %s: %s' % (block.get('index'), problem))
            return 1
        print('block %d: %s' % (block['index'], block_hash(block)))
    print('%d blocks, every rule kept' % len(chain))
    return 0


if __name__ == '__main__':
    if len(sys.argv) != 2:
        sys.exit('usage: python3 tools/check-chain.py http://localhost:5000')
    sys.exit(main(sys.argv[1]))
