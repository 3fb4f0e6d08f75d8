#!/usr/bin/env python3
"""Checks a running node's chain by the rules of the pages alone, with nothing of the workshop's Java code.

    python3 tools/check-chain.py http://localhost:5000 [--every 10] [--block-time 10]

It reads GET /chain and checks, block by block: the index counts up from 1; previous_hash is the hash of the block
before; transactions_hash is the SHA-256 of the canonical JSON of the transactions; and the block's hash meets its
difficulty. The hash (docs/step13-header.md):

    hash = SHA-256( SHA-256(canonical JSON of the header) followed by the proof as 8 big-endian bytes )

where the header is index, previous_hash, timestamp, transactions_hash and difficulty or target. A block of step 13 holds its difficulty, a count of
hex zeros that is the genesis block's; from step 14 on it holds a target, which the hash as a number must not
exceed, and which moves every --every blocks by the retarget rule of docs/step14-retarget.md; its timestamp must
be later than the median of the 11 blocks before it, at most 60 s ahead of this machine's clock, and at the start
of a window no more than one block time before the block before it.

It prints one line a block, and for a chain with targets its work, the sum over its blocks of 2^256 / (target + 1)
(docs/step15-most-work.md); it exits 0 if every block keeps every rule, 1 at the first that does not, saying why.
"""
import argparse
import hashlib
import json
import math
import time
import urllib.request

FUTURE_LIMIT = 60
MEDIAN_OF = 11


def canonical(value):
    return json.dumps(value, sort_keys=True)


def block_hash(block):
    header = {key: block[key] for key in ('difficulty', 'target', 'index', 'previous_hash', 'timestamp',
                                          'transactions_hash', 'merkle_root', 'transaction_count') if key in block}
    digest = hashlib.sha256(canonical(header).encode()).digest()
    return hashlib.sha256(digest + block['proof'].to_bytes(8, 'big')).hexdigest()


def merkle_root(leaves):
    """RFC 6962: a leaf is SHA-256(0x00 + data), a node SHA-256(0x01 + left + right), split at the largest power of 2 below n."""
    if not leaves:
        return hashlib.sha256(b'').digest()
    if len(leaves) == 1:
        return leaves[0]
    k = 1
    while k * 2 < len(leaves):
        k *= 2
    return hashlib.sha256(b'\x01' + merkle_root(leaves[:k]) + merkle_root(leaves[k:])).digest()


def payments_problem(block):
    """Whether the header names the block's transactions: by their digest (steps 13-15) or their Merkle root (16)."""
    if 'merkle_root' in block:
        leaves = [hashlib.sha256(b'\x00' + canonical(t).encode()).digest() for t in block['transactions']]
        if block['merkle_root'] != merkle_root(leaves).hex() or block['transaction_count'] != len(leaves):
            return 'its merkle_root and transaction_count are not those of its transactions'
    elif block['transactions_hash'] != hashlib.sha256(canonical(block['transactions']).encode()).hexdigest():
        return 'its transactions_hash is not the SHA-256 of its transactions'
    return None


def expected_target(chain, height, every, block_time):
    """The target of the block at this height (genesis is 0), from the blocks before it."""
    last = int(chain[height - 1]['target'], 16)
    if height <= every or (height - 1) % every != 0:
        return last
    actual = math.floor(chain[height - 1]['timestamp'] * 1000) - math.floor(chain[height - 1 - every]['timestamp'] * 1000)
    intended = round(every * block_time * 1000)
    actual = max(intended // 4, min(intended * 4, actual))
    return max(1, min(int(chain[0]['target'], 16), last * actual // intended))


def timestamp_problem(chain, height, every, block_time):
    timestamp = chain[height]['timestamp']
    median = sorted(block['timestamp'] for block in chain[max(0, height - MEDIAN_OF):height])[min(height, MEDIAN_OF) // 2]
    if timestamp <= median:
        return 'its timestamp %r is not after %r, the median of the blocks before it' % (timestamp, median)
    if timestamp > time.time() + FUTURE_LIMIT:
        return 'its timestamp %r is more than %d s ahead of this clock' % (timestamp, FUTURE_LIMIT)
    if height > every and (height - 1) % every == 0 and timestamp < chain[height - 1]['timestamp'] - block_time:
        return 'it starts a window more than %s s before the block before it' % block_time
    return None


def problems(chain, every, block_time):
    """Yields (block, problem or None) for each block, and stops at the first problem."""
    rule = 'target' if 'target' in chain[0] else 'difficulty'
    for height, block in enumerate(chain):
        payments = {'merkle_root', 'transaction_count'} if 'merkle_root' in chain[0] else {'transactions_hash'}
        missing = ({'index', 'timestamp', 'transactions', rule, 'proof', 'previous_hash'} | payments) - block.keys()
        if missing:
            yield block, 'it has no ' + ', '.join(sorted(missing)) + ': a node of another step made it'
            return
        problem = None
        if block['index'] != height + 1:
            problem = 'its index is %s, not %d' % (block['index'], height + 1)
        elif payments_problem(block):
            problem = payments_problem(block)
        elif height > 0 and block['previous_hash'] != block_hash(chain[height - 1]):
            problem = 'its previous_hash is not the hash of block %d' % height
        elif rule == 'difficulty' and block['difficulty'] != chain[0]['difficulty']:
            problem = 'its difficulty is %s, not the genesis block\'s %s' % (block['difficulty'], chain[0]['difficulty'])
        elif rule == 'difficulty' and height > 0 and not block_hash(block).startswith('0' * block['difficulty']):
            problem = 'its hash %s does not start with %d zeros' % (block_hash(block), block['difficulty'])
        elif rule == 'target' and height > 0:
            expected = expected_target(chain, height, every, block_time)
            if int(block['target'], 16) != expected:
                problem = 'its target is %s, not %064x, which the retarget gives it' % (block['target'], expected)
            elif int(block_hash(block), 16) > expected:
                problem = 'its hash %s is above its target' % block_hash(block)
            else:
                problem = timestamp_problem(chain, height, every, block_time)
        yield block, problem
        if problem:
            return


def main():
    parser = argparse.ArgumentParser(description='Checks a node\'s chain by the rules of the pages alone.')
    parser.add_argument('node', help='the node, such as http://localhost:5000')
    parser.add_argument('--every', type=int, default=10, help='blocks between two moves of the target (10)')
    parser.add_argument('--block-time', type=float, default=10, help='the seconds a block should take (10)')
    args = parser.parse_args()
    with urllib.request.urlopen(args.node.rstrip('/') + '/chain', timeout=10) as reply:
        chain = json.load(reply)['chain']
    for block, problem in problems(chain, args.every, args.block_time):
        if problem:
            print('block %s: %s' % (block.get('index'), problem))
            return 1
        print('block %d: %s' % (block['index'], block_hash(block)))
    if 'target' in chain[0]:
        # A block's work is the guesses it takes on average; the chain with the most work wins (step 15).
        print('work: %d' % sum(2 ** 256 // (int(block['target'], 16) + 1) for block in chain))
    print('%d blocks, every rule kept' % len(chain))
    return 0


if __name__ == '__main__':
    raise SystemExit(main())
