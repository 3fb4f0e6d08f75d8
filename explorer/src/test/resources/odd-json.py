# Prints a JSON document full of what canonical JSON gets wrong most easily, and Python's canonical form of it:
# floats of every size (Python switches to exponents at 1e16 and 1e-4, JavaScript at 1e21 and 1e-6), 5.0 against 5,
# -0.0, text outside ASCII, DEL, U+2028, astral characters, and keys that sort differently by code point than by
# UTF-16 unit. ExplorerIT checks that the page writes the same canonical form.
import json
import random
import struct

random.seed(7)
values = []
for _ in range(2000):
    kind = random.random()
    if kind < 0.3:
        x = random.uniform(-1e20, 1e20)
    elif kind < 0.6:
        x = struct.unpack('d', struct.pack('Q', random.getrandbits(64)))[0]
    else:
        x = random.choice([1e16, 1e15, 0.0001, 0.00001, 1.5e-7, 123456789012345678.0, 5.0, -0.0, 0.1, 1 / 3, 1e22,
                           1e-300, 2.5e-5]) * random.choice([1, -1, 10, 0.1])
    if x == x and x not in (float('inf'), float('-inf')):
        values.append(x)
document = {"floats": values, "ints": [0, -1, 5, 10 ** 30],
            "texts": ["caf\u00e9", "\U0001F600", "\x7f", "\u2028", "a\"b\\c\n\t\x01", "/"],
            "keys": {"\U0001F600": 1, "\uffff": 2, "b": 3, "B": 4, "": 5}}
print(json.dumps({"text": json.dumps(document), "canonical": json.dumps(document, sort_keys=True)}))
