#!/usr/bin/env python3
"""Writes the test vectors that tie the Java hashing to the tutorial's Python hashing.

    python3 tools/hash-vectors.py blocks > step01-block/src/test/resources/hash-vectors.jsonl
    python3 tools/hash-vectors.py floats > step01-block/src/test/resources/float-repr.txt
    python3 tools/hash-vectors.py headers 13 > step13-header/src/test/resources/header-vectors.jsonl
    python3 tools/hash-vectors.py headers 14 > step14-retarget/src/test/resources/header-vectors.jsonl
    python3 tools/hash-vectors.py headers 16 > step16-merkle-proofs/src/test/resources/header-vectors.jsonl
    python3 tools/hash-vectors.py merkle > step16-merkle-proofs/src/test/resources/merkle-vectors.jsonl

The blocks are hashed exactly as the tutorial hashes them, json.dumps(block, sort_keys=True), with the one
fix the text needs in Python 3: the string is encoded to bytes before hashlib sees it.
Every step module keeps a copy of these files, because every step keeps step01's tests.
"""
import hashlib
import json
import random
import struct
import sys


def text_hash(block):
    return hashlib.sha256(json.dumps(block, sort_keys=True).encode()).hexdigest()


def block(index, timestamp, transactions, proof, previous_hash):
    # The text's field order, deliberately not sorted: the Java side must sort.
    return {'index': index, 'timestamp': timestamp, 'transactions': transactions,
            'proof': proof, 'previous_hash': previous_hash}


def tx(sender, recipient, amount):
    return {'sender': sender, 'recipient': recipient, 'amount': amount}


BLOCKS = [
    ('the text genesis: previous_hash is the number 1',
     block(1, 1506280650.770839, [], 100, 1)),
    ('the text block 2: reward with sender "0"',
     block(2, 1506280664.717925, [tx('0', '8bbcb347e0631231...e152b', 1)], 35293, 'c099bc...bfb7')),
    ('the same block with sender 0, as the text /mine code sends it',
     block(2, 1506280664.717925, [tx(0, '8bbcb347e0631231...e152b', 1)], 35293, 'c099bc...bfb7')),
    ('the text block 3: a timestamp with 17 significant digits',
     block(3, 1506280666.1086972, [tx('0', '9e2e234e12e0631231...e152b', 1)], 35089, 'eff91a...10f2')),
    ('the text example block: a whole timestamp that is an int',
     block(1, 1506092455, [tx('852714982as982341a4b27ee00', 'a77f5cdfa2934hv25c7c7da5df1f', 5)],
           323454734020, '2cf24dba5fb0a3202h2025c25e7304249898')),
    ('a whole timestamp that is a float',
     block(1, 1506092455.0, [], 100, 1)),
    ('a timestamp after 2286 and a tiny one',
     block(4, 9999999999.999998, [tx('a', 'b', 0.1)], 7, 'ab')),
    ('unicode, quotes, backslashes and control characters',
     block(5, 1700000000.5, [tx('Zo\u00eb', '\u65e5\u672c \U0001fa99', 3),
                             tx('"quoted" \\ back/slash', 'line\nbreak\ttab\u0001\u007f\u2028', 4)], 42, 'x')),
    ('big integers: beyond 64 bits, the largest long, negative',
     block(6, 1700000001.25, [tx('big', 'bigger', 2 ** 64 + 1), tx('huge', 'hugest', 10 ** 30),
                              tx('neg', 'ative', -5)], 9223372036854775807, 'y')),
    ('nested transactions with objects, lists, booleans and null',
     block(7, 1700000002.0, [{'sender': 's', 'recipient': 'r', 'amount': 1,
                              'data': {'memo': {'z': [1, 2.5, {'b': None, 'a': True, 'c': False}]},
                                       'list': [], 'empty': {}}}], 8, 'z')),
    ('keys sorted by code point, beyond the BMP too',
     block(8, 1700000003.125, [{'\ue000': 1, '\U0001f600': 2, 'a': 3, 'B': 4, '_': 5, '': 6}], 9, 'k')),
    ('floats that Python writes with an exponent',
     block(9, 1e16, [tx('f', 'g', 5e-324), tx('h', 'i', 1e-05), tx('j', 'k', 0.0001),
                     tx('l', 'm', -0.0), tx('n', 'o', 1.2345678901234568e+17),
                     tx('p', 'q', 1.7976931348623157e308), tx('r', 's', 123456789012345.6)], 10, 'e')),
]


def blocks():
    print('# Blocks and their hashes as the tutorial computes them (Python ' + sys.version.split()[0] + ').')
    print('# Made by: python3 tools/hash-vectors.py blocks > step01-block/src/test/resources/hash-vectors.jsonl')
    print('# One JSON object a line: name, block (keys in the text order), canonical (json.dumps(block,')
    print('# sort_keys=True)) and sha256 (hashlib.sha256(canonical.encode()).hexdigest()).')
    for name, b in BLOCKS:
        record = {'name': name, 'block': b, 'canonical': json.dumps(b, sort_keys=True), 'sha256': text_hash(b)}
        print(json.dumps(record, ensure_ascii=False))


def header_hash(b):
    """Step 13's rule: the SHA-256 of the header's digest followed by the proof as 8 big-endian bytes."""
    header = {key: b[key] for key in ('difficulty', 'target', 'index', 'previous_hash', 'timestamp',
                                      'transactions_hash', 'merkle_root', 'transaction_count') if key in b}
    digest = hashlib.sha256(json.dumps(header, sort_keys=True).encode()).digest()
    return digest.hex(), hashlib.sha256(digest + b['proof'].to_bytes(8, 'big')).hexdigest()


def leaf_hash(transaction):
    return hashlib.sha256(b'\x00' + json.dumps(transaction, sort_keys=True).encode()).digest()


def merkle_root(leaves):
    """RFC 6962, section 2.1: split at the largest power of two smaller than n, and duplicate nothing."""
    if not leaves:
        return hashlib.sha256(b'').digest()
    if len(leaves) == 1:
        return leaves[0]
    k = 1
    while k * 2 < len(leaves):
        k *= 2
    return hashlib.sha256(b'\x01' + merkle_root(leaves[:k]) + merkle_root(leaves[k:])).digest()


def merkle():
    print('# Merkle roots of RFC 6962 over lists of 0 to 70 payments (Python ' + sys.version.split()[0] + ').')
    print('# Made by: python3 tools/hash-vectors.py merkle > step16-merkle-proofs/src/test/resources/merkle-vectors.jsonl')
    print('# One JSON object a line: transactions, and merkle_root, the hex root of their leaves, each leaf')
    print('# SHA-256(0x00 + json.dumps(transaction, sort_keys=True)).')
    for n in list(range(0, 18)) + [31, 32, 33, 63, 64, 65, 70]:
        transactions = [tx('alice', 'bob', i + 1) for i in range(n)]
        print(json.dumps({'transactions': transactions,
                          'merkle_root': merkle_root([leaf_hash(t) for t in transactions]).hex()}))


def headers(step='13'):
    """Step 13's header holds the difficulty, 4; step 14's the target of 4 hex zeros; step 16's a Merkle root."""
    directory, field = {'13': ('step13-header', 'difficulty 4'), '14': ('step14-retarget', 'target 0000ff...ff'),
                        '16': ('step16-merkle-proofs', 'target 0000ff...ff')}[step]
    print('# The same blocks with step ' + step + '\'s header, and their hashes (Python ' + sys.version.split()[0] + ').')
    print('# Made by: python3 tools/hash-vectors.py headers ' + step + ' > ' + directory
          + '/src/test/resources/header-vectors.jsonl')
    if step == '16':
        print('# One JSON object a line: name, block (with ' + field + ', merkle_root, the RFC 6962 root of its')
        print('# transactions, and transaction_count), header_digest and hash.')
    else:
        print('# One JSON object a line: name, block (with ' + field + ' and transactions_hash, the SHA-256 of')
        print('# json.dumps(transactions, sort_keys=True)), header_digest and hash.')
    for name, b in BLOCKS:
        rule = {'difficulty': 4} if step == '13' else {'target': '0000' + 'f' * 60}
        if step == '16':
            b = dict(b, **rule, merkle_root=merkle_root([leaf_hash(t) for t in b['transactions']]).hex(),
                     transaction_count=len(b['transactions']))
        else:
            b = dict(b, **rule, transactions_hash=hashlib.sha256(
                json.dumps(b['transactions'], sort_keys=True).encode()).hexdigest())
        digest, block_hash = header_hash(b)
        print(json.dumps({'name': name, 'block': b, 'header_digest': digest, 'hash': block_hash}, ensure_ascii=False))


def floats():
    print('# Doubles and their Python repr(), which json.dumps writes for floats (Python ' + sys.version.split()[0] + ').')
    print('# Made by: python3 tools/hash-vectors.py floats > step01-block/src/test/resources/float-repr.txt')
    print('# One double a line: its IEEE 754 bits in hex, a space, repr(value).')
    rng = random.Random(2017)
    values = [0.0, -0.0, 1.0, 0.1, 0.5, 1e16, 1e15, 1e-4, 1e-5, 5e-324, 2.2250738585072014e-308,
              1.7976931348623157e308, 1506280650.770839, 1506280666.1086972, 9007199254740993.0]
    values += [2.0 ** e for e in range(-1074, 1024, 7)]
    values += [rng.uniform(1.5e9, 1.8e9) for _ in range(600)]  # timestamps, the floats a chain really has
    values += [round(rng.uniform(1.5e9, 1.8e9), 6) for _ in range(300)]  # timestamps with microseconds
    while len(values) < 3000:
        value = struct.unpack('<d', rng.getrandbits(64).to_bytes(8, 'little'))[0]
        if value == value and abs(value) != float('inf'):
            values.append(value)
    for value in values:
        print(struct.pack('>d', value).hex() + ' ' + repr(value))


if __name__ == '__main__':
    {'blocks': blocks, 'floats': floats, 'headers': headers, 'merkle': merkle}[sys.argv[1]](*sys.argv[2:])
