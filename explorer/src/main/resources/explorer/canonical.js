// Canonical JSON and SHA-256 in the browser, exactly as the nodes compute a block's hash: the text's
// hashlib.sha256(json.dumps(block, sort_keys=True).encode()).hexdigest(). JSON.parse would lose what the hash
// depends on (5 and 5.0 are different texts to Python), so the page parses JSON itself and keeps each number's text.
"use strict";

const Canonical = (() => {
  /** A JSON number, kept as its text. */
  class Num {
    constructor(text) { this.text = text; }
    get value() { return Number(this.text); }
    get isFloat() { return /[.eE]/.test(this.text); }
  }

  function parse(text) {
    let at = 0;
    const fail = (what) => { throw new SyntaxError(`${what} at character ${at}`); };
    const space = () => { while (at < text.length && " \t\n\r".includes(text[at])) at++; };
    function value() {
      space();
      const c = text[at];
      if (c === "{") return object();
      if (c === "[") return array();
      if (c === '"') return string();
      if (c === "-" || (c >= "0" && c <= "9")) return number();
      for (const [word, result] of [["true", true], ["false", false], ["null", null]]) {
        if (text.startsWith(word, at)) { at += word.length; return result; }
      }
      return fail("a value was expected");
    }
    function object() {
      const result = Object.create(null);
      at++; space();
      if (text[at] === "}") { at++; return result; }
      for (;;) {
        space();
        if (text[at] !== '"') fail("a key was expected");
        const key = string();
        space();
        if (text[at++] !== ":") fail("':' was expected");
        result[key] = value();
        space();
        const c = text[at++];
        if (c === "}") return result;
        if (c !== ",") fail("',' or '}' was expected");
      }
    }
    function array() {
      const result = [];
      at++; space();
      if (text[at] === "]") { at++; return result; }
      for (;;) {
        result.push(value());
        space();
        const c = text[at++];
        if (c === "]") return result;
        if (c !== ",") fail("',' or ']' was expected");
      }
    }
    function string() {
      let result = "";
      at++;
      for (;;) {
        if (at >= text.length) fail("the string does not end");
        const c = text[at++];
        if (c === '"') return result;
        if (c !== "\\") { result += c; continue; }
        const e = text[at++];
        const simple = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
        if (e in simple) { result += simple[e]; continue; }
        if (e !== "u" || !/^[0-9a-fA-F]{4}$/.test(text.substr(at, 4))) fail("a bad escape");
        result += String.fromCharCode(parseInt(text.substr(at, 4), 16));
        at += 4;
      }
    }
    function number() {
      const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at));
      if (!match) fail("a number was expected");
      at += match[0].length;
      return new Num(match[0]);
    }
    const result = value();
    space();
    if (at !== text.length) fail("there is more after the JSON value");
    return result;
  }

  /** Python's repr of a float: the shortest digits that read back, laid out as Python lays them out. */
  function pythonFloat(x) {
    if (Number.isNaN(x)) return "NaN";
    if (!Number.isFinite(x)) return x > 0 ? "Infinity" : "-Infinity";
    if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
    const sign = x < 0 ? "-" : "";
    const [mantissa, exponent] = Math.abs(x).toExponential().split("e");
    const digits = mantissa.replace(".", "");
    const e = parseInt(exponent, 10);
    if (e < -4 || e >= 16) {
      const m = digits[0] + (digits.length > 1 ? "." + digits.slice(1) : "");
      return sign + m + "e" + (e < 0 ? "-" : "+") + String(Math.abs(e)).padStart(2, "0");
    }
    if (e < 0) return sign + "0." + "0".repeat(-e - 1) + digits;
    if (digits.length <= e + 1) return sign + digits + "0".repeat(e + 1 - digits.length) + ".0";
    return sign + digits.slice(0, e + 1) + "." + digits.slice(e + 1);
  }

  /** A string as json.dumps writes it, with ensure_ascii: everything outside space to tilde is escaped. */
  function quote(s) {
    const short = { '"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f" };
    let out = '"';
    for (let i = 0; i < s.length; i++) {
      const ch = s[i];
      const code = s.charCodeAt(i);
      if (ch in short) out += short[ch];
      else if (code < 0x20 || code > 0x7e) out += "\\u" + code.toString(16).padStart(4, "0");
      else out += ch;
    }
    return out + '"';
  }

  /** Python sorts keys by code point; JavaScript's sort compares UTF-16 units, which differs above U+FFFF. */
  function byCodePoint(a, b) {
    const x = Array.from(a, (c) => c.codePointAt(0));
    const y = Array.from(b, (c) => c.codePointAt(0));
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      if (x[i] !== y[i]) return x[i] - y[i];
    }
    return x.length - y.length;
  }

  function write(value) {
    if (value === null) return "null";
    if (value === true) return "true";
    if (value === false) return "false";
    if (value instanceof Num) return value.isFloat ? pythonFloat(value.value) : BigInt(value.text).toString();
    if (typeof value === "number") return Number.isInteger(value) ? String(value) : pythonFloat(value);
    if (typeof value === "string") return quote(value);
    if (Array.isArray(value)) return "[" + value.map(write).join(", ") + "]";
    const keys = Object.keys(value).sort(byCodePoint);
    return "{" + keys.map((key) => quote(key) + ": " + write(value[key])).join(", ") + "}";
  }

  /** The same, over several lines, for a person to edit: it reads back to the very same canonical JSON. */
  function pretty(value, depth = 0) {
    const pad = "  ".repeat(depth + 1);
    const end = "  ".repeat(depth);
    if (Array.isArray(value)) {
      return value.length ? "[\n" + value.map((v) => pad + pretty(v, depth + 1)).join(",\n") + "\n" + end + "]" : "[]";
    }
    if (value !== null && typeof value === "object" && !(value instanceof Num)) {
      const keys = Object.keys(value).sort(byCodePoint);
      return keys.length ? "{\n" + keys.map((key) => pad + quote(key) + ": " + pretty(value[key], depth + 1)).join(",\n")
        + "\n" + end + "}" : "{}";
    }
    return write(value);
  }

  async function sha256Hex(text) {
    return hex(await sha256(new TextEncoder().encode(text)));
  }

  // The header a block's proof covers (step 16, steps 14 and 15, step 13): found by the field only that header has.
  const HEADERS = [
    ["merkle_root", ["index", "merkle_root", "previous_hash", "target", "timestamp", "transaction_count"]],
    ["target", ["index", "previous_hash", "target", "timestamp", "transactions_hash"]],
    ["transactions_hash", ["difficulty", "index", "previous_hash", "timestamp", "transactions_hash"]],
  ];

  function hex(bytes) {
    return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join("");
  }

  /**
   * The hash of a block, as a node computes it: with a header, SHA-256 of the header's digest and the proof as 8
   * bytes, most significant first; without one, the text's SHA-256 of the whole block's canonical JSON.
   */
  async function hash(block) {
    const rule = block && typeof block === "object" ? HEADERS.find(([field]) => field in block) : undefined;
    if (!rule) return sha256Hex(write(block));
    const header = {};
    for (const field of rule[1]) header[field] = block[field] === undefined ? null : block[field];
    const message = new Uint8Array(40);
    message.set(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(write(header)))));
    let proof = BigInt.asUintN(64, BigInt(block.proof instanceof Num && !block.proof.isFloat ? block.proof.text : 0));
    for (let i = 0; i < 8; i++, proof >>= 8n) message[39 - i] = Number(proof & 0xffn);
    return hex(await crypto.subtle.digest("SHA-256", message));
  }

  async function sha256(...parts) {
    const bytes = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
    parts.reduce((at, part) => (bytes.set(part, at), at + part.length), 0);
    return new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  }

  /** RFC 6962's root of leaf hashes: split at the largest power of two below n, nothing duplicated (step 16). */
  async function merkleRoot(leaves) {
    if (leaves.length === 0) return sha256();
    if (leaves.length === 1) return leaves[0];
    let k = 1;
    while (k * 2 < leaves.length) k *= 2;
    return sha256([1], await merkleRoot(leaves.slice(0, k)), await merkleRoot(leaves.slice(k)));
  }

  /** A transaction's id, as `wallet send` prints it: the hex SHA-256 of its canonical JSON (step 16). */
  async function transactionId(transaction) {
    return sha256Hex(write(transaction));
  }

  /**
   * Walks a proof up the tree, as RFC 9162, 2.1.3.2 checks it: from the transaction's leaf, each hash of the path
   * joins on the left or on the right, and gives the node above. The root is null when the path does not fit the tree.
   */
  async function walkProof(transaction, index, size, path) {
    let r = await sha256([0], new TextEncoder().encode(write(transaction)));
    const walk = { leaf: hex(r), steps: [], root: null };
    if (!(Number.isInteger(index) && Number.isInteger(size) && index >= 0 && index < size)) return walk;
    let fn = index;
    let sn = size - 1;
    for (const sibling of path) {
      if (sn === 0 || typeof sibling !== "string" || !/^[0-9a-f]{64}$/.test(sibling)) return walk;
      const p = Uint8Array.from(sibling.match(/../g), (b) => parseInt(b, 16));
      const left = fn % 2 === 1 || fn === sn;
      r = left ? await sha256([1], p, r) : await sha256([1], r, p);
      walk.steps.push({ sibling, side: left ? "left" : "right", hash: hex(r) });
      if (left) {
        while (fn % 2 === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); }
      }
      fn = Math.floor(fn / 2);
      sn = Math.floor(sn / 2);
    }
    if (sn === 0) walk.root = hex(r);
    return walk;
  }

  /** Whether a block's transactions are those its header names; true for a block without a header. */
  async function transactionsMatch(block) {
    if (!block || typeof block !== "object") return true;
    const transactions = Array.isArray(block.transactions) ? block.transactions : [];
    if ("merkle_root" in block) {
      const leaves = [];
      for (const t of transactions) leaves.push(await sha256([0], new TextEncoder().encode(write(t))));
      return block.merkle_root === hex(await merkleRoot(leaves)) && block.transaction_count instanceof Num
        && Number(block.transaction_count.text) === transactions.length;
    }
    if (!("transactions_hash" in block)) return true;
    return block.transactions_hash === await sha256Hex(write(block.transactions === undefined ? null : block.transactions));
  }

  return { Num, parse, write, pretty, sha256Hex, hash, transactionsMatch, transactionId, walkProof };
})();
