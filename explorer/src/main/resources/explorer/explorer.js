// The explorer page: the network the explorer found (its nodes, the links between them, each node's tip), a block
// travelling from node to node, and one column per node, one row per block index, refreshed every 700 ms. Every call
// goes to the explorer's own server, which forwards /api/N/PATH to node N, so the page needs no CORS.
"use strict";

const POLL_MS = 700;
const TRAVEL_ROWS = 8;
const nodes = [];
const hashes = new Map();  // canonical JSON -> its SHA-256, so that each block is hashed once
let network = { nodes: [], network: [], links: [], limit: 0, more: false };
// A new tip's hash -> its index, and when the page first saw it on each node (performance.now(), by node index).
const travel = new Map();
const SVG = "http://www.w3.org/2000/svg";

const $ = (tag, attributes = {}, ...children) => {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "class") element.className = value;
    else if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value);
  }
  element.append(...children);
  return element;
};
const text = (value) => (value instanceof Canonical.Num ? value.text : typeof value === "string" ? value : JSON.stringify(value));
const short = (hash) => (typeof hash === "string" && hash.length > 20 ? hash.slice(0, 16) + "…" : text(hash));

async function call(node, method, path, body) {
  const reply = await fetch(`/api/${node.i}${path}`, {
    method, headers: body ? { "Content-Type": "application/json" } : {}, body: body ? JSON.stringify(body) : undefined,
  });
  const raw = await reply.text();
  let json = null;
  try { json = JSON.parse(raw); } catch (e) { /* not JSON: said below */ }
  return { status: reply.status, ok: reply.ok, json, raw };
}

const words = (reply) => (reply.json && (reply.json.message || reply.json.error)
  ? [reply.json.message, reply.json.error, reply.json.hint].filter(Boolean).join(" — ")
  : `${reply.status} ${reply.raw.slice(0, 200)}`);

function say(node, reply) {
  node.status.textContent = words(reply);
  node.status.className = "status" + (reply.ok ? "" : " error");
}

async function act(node, method, path, body) {
  node.status.textContent = `${method} ${path} …`;
  node.status.className = "status";
  try {
    say(node, await call(node, method, path, body));
  } catch (e) {
    node.status.textContent = `${method} ${path} failed: ${e.message}`;
    node.status.className = "status error";
  }
  await refresh();
}

function column(url, i) {
  const node = { url, i, chainText: null, chain: [], rows: [], edits: new Map(), signed: null };
  node.status = $("div", { class: "status", "data-role": "status" });
  node.length = $("span", { "data-role": "length" });
  node.payment = $("form", { "data-role": "pay", onsubmit: (e) => { e.preventDefault(); pay(node); } });
  node.pending = $("details", { "data-role": "pending" }, $("summary", {}, "pending transactions"));
  node.peers = $("details", { "data-role": "peers" }, $("summary", {}, "registered peers"));
  node.blocks = $("div", { "data-role": "blocks" });
  node.proof = $("div", { class: "proof", "data-role": "proof", hidden: "" });
  const peers = $("input", { name: "peers", placeholder: "http://node2:5000, …", size: 22 });
  node.element = $("section", { class: "node", "data-node": String(i) },
    $("h2", {}, `node ${i}: ${url} `, node.length),
    $("div", { class: "actions" },
      $("button", { "data-action": "mine", onclick: () => act(node, "GET", "/mine") }, "Mine"),
      $("button", { "data-action": "resolve", onclick: () => act(node, "GET", "/nodes/resolve") }, "Resolve")),
    $("form", { class: "register", "data-role": "register", onsubmit: (e) => {
      e.preventDefault();
      act(node, "POST", "/nodes/register", { nodes: peers.value.split(",").map((s) => s.trim()).filter(Boolean) });
    } }, peers, $("button", { "data-action": "register" }, "Register peers")),
    node.payment, node.status, node.proof, node.pending, node.peers, node.blocks);
  document.getElementById("nodes").append(node.element);
  return node;
}

/** The payment form: plain fields for the text's node and steps 04-05, a wallet key for the signed payments of step 06 on. */
function paymentForm(node) {
  const f = node.payment;
  f.replaceChildren();
  if (node.signed) {
    f.append($("textarea", { name: "key", class: "key", placeholder: "-----BEGIN PRIVATE KEY----- (a wallet's .pem, not encrypted; it stays in this page)" }));
  } else {
    f.append($("input", { name: "sender", placeholder: "sender", size: 8 }));
  }
  f.append($("input", { name: "recipient", placeholder: "recipient", size: node.signed ? 20 : 8 }),
    $("input", { name: "amount", placeholder: "amount", size: 5, type: "number", min: "1" }),
    $("button", { "data-action": "pay" }, node.signed ? "Sign and send" : "Send"));
}

function hex(bytes) {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Signs a payment as `wallet send` does: Ed25519 over the canonical JSON of amount, nonce, recipient and sender. */
async function signed(node, pem, recipient, amount) {
  if (/ENCRYPTED/.test(pem)) throw new Error("the key is encrypted; this page takes a key without a passphrase (or use: wallet send)");
  const base64 = pem.replace(/-----[^-]+-----/g, "").replace(/\s+/g, "");
  const der = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const key = await crypto.subtle.importKey("pkcs8", der, { name: "Ed25519" }, true, ["sign"]);
  const jwk = await crypto.subtle.exportKey("jwk", key);
  const sender = hex(Uint8Array.from(atob(jwk.x.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0)));
  const balance = await call(node, "GET", `/balances/${sender}`);
  if (!balance.ok) throw new Error(`cannot read the nonce: ${balance.raw}`);
  const nonce = balance.json.nextNonce;
  const message = Canonical.write({ amount, nonce, recipient, sender });
  const signature = hex(await crypto.subtle.sign("Ed25519", key, new TextEncoder().encode(message)));
  return { sender, recipient, amount, nonce, signature };
}

async function pay(node) {
  const field = (name) => node.payment.elements[name].value.trim();
  const amount = parseInt(field("amount"), 10);
  try {
    const body = node.signed ? await signed(node, field("key"), field("recipient"), amount)
      : { sender: field("sender"), recipient: field("recipient"), amount };
    await act(node, "POST", "/transactions/new", body);
  } catch (e) {
    node.status.textContent = `the payment was not sent: ${e.message}`;
    node.status.className = "status error";
  }
}

/** The blocks a node shows: its chain, with the blocks edited in the page in place of the node's. */
function shown(node) {
  return node.chain.map((block, r) => {
    if (!node.edits.has(r)) return { block, edited: false };
    try {
      return { block: Canonical.parse(node.edits.get(r).value), edited: true };
    } catch (e) {
      return { block, edited: true, problem: e.message };
    }
  });
}

async function hashOf(block) {
  const canonical = Canonical.write(block);
  if (!hashes.has(canonical)) {
    hashes.set(canonical, { hash: await Canonical.hash(block), paid: await Canonical.transactionsMatch(block) });
  }
  return hashes.get(canonical);
}

function card(node, r) {
  const parts = {};
  const tamper = () => {
    if (node.edits.has(r)) return;
    const editor = $("textarea", { "data-role": "editor", spellcheck: "false", oninput: () => render() });
    editor.value = Canonical.pretty(node.chain[r]);
    node.edits.set(r, editor);
    parts.editor.replaceChildren(editor, $("button", { "data-action": "reset", onclick: () => {
      node.edits.delete(r);
      parts.editor.replaceChildren();
      render();
    } }, "Reset"));
    render();
  };
  parts.title = $("span", { class: "title" });
  parts.hash = $("code", { "data-role": "hash" });
  parts.previous = $("code", { "data-role": "previous" });
  parts.link = $("div", { class: "link", "data-role": "link" });
  parts.transactions = $("ul", { class: "transactions" });
  parts.editor = $("div", {});
  parts.element = $("div", { class: "block" }, parts.title, " ",
    $("button", { "data-action": "tamper", title: "edit this block here, in the page only", onclick: tamper }, "tamper"),
    $("div", {}, "hash ", parts.hash), $("div", {}, "previous_hash ", parts.previous), parts.link,
    parts.transactions, parts.editor);
  return parts;
}

async function render() {
  const views = [];
  for (const node of nodes) {
    const blocks = shown(node);
    for (const view of blocks) Object.assign(view, await hashOf(view.block));
    views.push(blocks);
  }
  const rows = Math.max(0, ...views.map((v) => v.length));
  nodes.forEach((node, n) => {
    const blocks = views[n];
    // From step 15 a node says its chain's work: the sum of 2^256 / (target + 1) over its blocks.
    node.length.textContent = `(${node.chain.length} blocks` + (typeof node.work === "string" ? `, work ${node.work})` : ")");
    while (node.rows.length > rows) node.rows.pop().row.remove();
    while (node.rows.length < rows) {
      const row = $("div", { class: "row" });
      node.blocks.append(row);
      node.rows.push({ row, card: null });
    }
    let brokenAt = -1;
    node.rows.forEach((slot, r) => {
      const view = blocks[r];
      if (!view) {
        if (slot.card) { slot.card.element.remove(); slot.card = null; node.edits.delete(r); }
        slot.row.className = "row empty";
        return;
      }
      if (!slot.card) { slot.card = card(node, r); slot.row.append(slot.card.element); }
      const c = slot.card;
      const block = view.block;
      c.title.textContent = `#${text(block.index)} · proof ${text(block.proof)}`
        + (typeof block.target === "string" ? ` · target ${short(block.target)}` : "");
      c.hash.textContent = short(view.hash);
      c.hash.title = view.hash;
      c.previous.textContent = short(block.previous_hash);
      c.previous.title = text(block.previous_hash);
      let link = "genesis: nothing before it";
      let ok = true;
      if (r > 0) {
        ok = typeof block.previous_hash === "string" && block.previous_hash === blocks[r - 1].hash;
        link = ok ? `✓ links to the hash of block ${r}` : `✗ previous_hash is not the hash of block ${r}`;
      }
      if (!view.paid) {
        ok = false;
        link = "✗ its transactions are not those its header names";
      }
      if (brokenAt >= 0 && r > brokenAt) {
        ok = false;
        link = `✗ comes after the broken link at block ${brokenAt + 1}: no longer valid`;
      }
      if (!ok && brokenAt < 0) brokenAt = r;
      c.link.textContent = view.problem ? `not JSON: ${view.problem}` : link;
      c.link.className = "link " + (ok ? "ok" : "broken");
      // The hash link to the block above, drawn between the two: solid when it holds, dashed red when it does not.
      slot.row.className = "row" + (r === 0 ? "" : ok ? " linked" : " unlinked");
      c.link.dataset.link = ok ? "ok" : "broken";
      const others = views.map((v) => (v[r] ? v[r].hash : null));
      const groups = [...new Set(others.filter(Boolean))];
      const shared = others.every((h) => h === view.hash);
      c.element.className = "block " + (shared ? "shared" : `fork-${groups.indexOf(view.hash) % 3}`)
        + (brokenAt >= 0 && r >= brokenAt ? " invalid" : "") + (view.edited ? " tampered" : "");
      c.element.dataset.index = text(block.index);
      c.element.dataset.hash = view.hash;
      const transactions = Array.isArray(block.transactions) ? block.transactions : [];
      const items = transactions.map((t) => `${short(text(t.sender))} → ${short(text(t.recipient))}: ${text(t.amount)}`
        + (t.nonce !== undefined ? ` (nonce ${text(t.nonce)})` : ""));
      const provable = "merkle_root" in block;
      if (c.transactions.dataset.items !== provable + items.join("\n")) {
        c.transactions.replaceChildren(...items.map((item, position) => $("li", {}, item, ...(provable ? [" ",
          $("button", { "data-action": "proof", title: "ask the node for this payment's Merkle proof and check it here",
            onclick: () => prove(node, r, position) }, "proof")] : []))));
        c.transactions.dataset.items = provable + items.join("\n");
      }
    });
  });
}

/**
 * A payment's Merkle proof (step 16): the node sends the path, and the page walks it up the tree from the payment's
 * leaf, with the tree's size from the block's header, to the header's merkle_root.
 */
async function prove(node, r, position) {
  const block = shown(node)[r].block;
  const transaction = block.transactions[position];
  const id = await Canonical.transactionId(transaction);
  const panel = node.proof;
  const title = $("div", { class: "title" }, `proof of payment ${position + 1} of block #${text(block.index)}, id `,
    $("code", { title: id }, short(id)), " ",
    $("button", { "data-action": "close-proof", onclick: () => { panel.hidden = true; panel.replaceChildren(); } }, "close"));
  const verdict = (ok, words) => $("div", { "data-role": "verdict", "data-ok": String(ok), class: ok ? "ok" : "broken" },
    (ok ? "✓ " : "✗ ") + words);
  panel.hidden = false;
  panel.replaceChildren(title, $("div", {}, `GET /transactions/${short(id)}/proof …`));
  const reply = await call(node, "GET", `/transactions/${id}/proof`)
    .catch((e) => ({ ok: false, status: 0, json: null, raw: e.message }));
  if (!reply.ok || !reply.json) {
    panel.replaceChildren(title, verdict(false, `the node gives no proof: ${words(reply)}`));
    return;
  }
  const proof = reply.json;
  const size = block.transaction_count instanceof Canonical.Num ? Number(block.transaction_count.text) : NaN;
  const path = Array.isArray(proof.path) ? proof.path : [];
  const walk = await Canonical.walkProof(transaction, proof.leaf_index, size, path);
  const steps = walk.steps.map((step, level) => $("li", { "data-role": "step", "data-side": step.side },
    `level ${level + 1}: SHA-256(0x01 ‖ `, ...(step.side === "left"
      ? [$("code", { class: "sibling", title: step.sibling }, short(step.sibling)), " ‖ below"]
      : ["below ‖ ", $("code", { class: "sibling", title: step.sibling }, short(step.sibling))]),
    ") = ", $("code", { title: step.hash }, short(step.hash))));
  const notes = [];
  if (proof.block_index !== Number(text(block.index))) notes.push(`the node's proof is for block #${proof.block_index}`);
  if (proof.tree_size !== size) notes.push(`the proof says ${proof.tree_size} leaves, the header ${size}: the header counts`);
  const ok = notes.length === 0 && walk.root !== null && walk.root === block.merkle_root;
  const because = walk.root === null ? `its ${path.length} hashes do not fit leaf ${proof.leaf_index} of a tree of ${size}`
    : walk.root !== block.merkle_root ? `it leads to ${short(walk.root)}, not to the header's merkle_root ${short(text(block.merkle_root))}`
      : `it leads to the header's merkle_root: payment ${proof.leaf_index + 1} of ${size} is in block`
        + ` #${text(block.index)}, shown by ${path.length} hash${path.length === 1 ? "" : "es"}, not ${size} payments`;
  panel.replaceChildren(title,
    $("ol", { "data-role": "path" }, $("li", { "data-role": "leaf" }, `leaf ${proof.leaf_index} (counted from 0): SHA-256(0x00 ‖ payment) = `,
      $("code", { title: walk.leaf }, short(walk.leaf))), ...steps),
    verdict(ok, [...notes, because].join("; ")));
}

async function optional(node, path, list, into, empty) {
  const reply = await call(node, "GET", path).catch(() => null);
  const items = reply && reply.ok && reply.json ? reply.json[list] : null;
  const summary = into.querySelector("summary");
  const lines = items ? (items.length ? items.map((item) => (typeof item === "string" ? item : JSON.stringify(item))) : [empty])
    : [`this node does not list them (no GET ${path})`];
  summary.textContent = `${summary.textContent.replace(/ \(.*\)$/, "")} (${items ? items.length : "?"})`;
  into.replaceChildren(summary, ...lines.map((line) => $("div", {}, line)));
}

/**
 * Reads a node's chain, and says whether it changed. Nodes of steps 05 and 06 send only what is new with
 * /chain?from=N (N: the index of the last block the page has), and the page checks that their block N is the one it
 * has; if it is not (the node adopted another chain), the page reads the whole chain again. The text's node and step
 * 04 do not know the parameter and send their whole chain, which the page then takes as it is.
 */
async function fetchChain(node) {
  const read = async (path) => {
    const reply = await fetch(`/api/${node.i}${path}`);
    const body = await reply.text();
    if (!reply.ok) throw new Error(`${reply.status} ${body.slice(0, 200)}`);
    return body;
  };
  const known = node.chain.length;
  if (known > 1) {
    const part = Canonical.parse(await read(`/chain?from=${known}`).catch(() => "{}"));
    if (part.from instanceof Canonical.Num && Number(part.from.text) === known && Array.isArray(part.chain)
        && part.chain.length > 0 && Canonical.write(part.chain[0]) === Canonical.write(node.chain[known - 1])) {
      node.work = part.work;
      if (part.chain.length === 1) return false;
      node.chain = node.chain.concat(part.chain.slice(1));
      node.chainText = null;
      return true;
    }
    if (part.from === undefined && Array.isArray(part.chain)) return take(node, part.chain);
  }
  const whole = Canonical.parse(await read("/chain"));
  node.work = whole.work;
  return take(node, whole.chain);
}

/** Takes a whole chain; says whether it differs from the one the page had. */
function take(node, chain) {
  const written = Canonical.write(chain);
  if (written === node.chainText) return false;
  node.chain = chain;
  node.chainText = written;
  return true;
}

let refreshing = null;
async function refresh() {
  if (refreshing) return refreshing;
  refreshing = (async () => {
    let changed = false;
    const before = nodes.length;
    await discover().catch(() => null);
    changed = nodes.length !== before;
    for (const node of nodes) {
      try {
        changed = (await fetchChain(node)) || changed;
        await observe(node, performance.now());
      } catch (e) {
        node.status.textContent = `cannot read the chain: ${e.message}`;
        node.status.className = "status error";
        continue;
      }
      if (node.signed === null) {
        // From step 06 on a node serves the ERC-20 view, and its payments are signed. The others take sender, recipient and amount.
        node.signed = (await call(node, "GET", "/token").catch(() => ({ ok: false }))).ok;
        paymentForm(node);
      }
      await optional(node, "/transactions/pending", "transactions", node.pending, "none");
      await optional(node, "/nodes", "nodes", node.peers, "none");
    }
    if (changed) await render();
    drawGraph();
    drawTravel();
  })();
  try { await refreshing; } finally { refreshing = null; }
}

/** The network as the explorer's server found it: a column for each node it did not show yet, and the graph. */
async function discover() {
  const reply = await fetch("/api/nodes");
  if (!reply.ok) return;
  network = await reply.json();
  network.nodes.forEach((url, i) => { if (i >= nodes.length) nodes.push(column(url, i)); });
}

/** Notes the node's tip, and when this page first saw each new tip, and each tip it follows, on this node. */
async function observe(node, at) {
  if (node.chain.length === 0) return;
  const { hash } = await hashOf(node.chain[node.chain.length - 1]);
  const before = node.tip;
  node.tip = { index: node.chain.length, hash };
  // A tip that the first read shows is older than the page: only the tips that come after it are followed.
  if (before && before.hash !== hash && !travel.has(hash)) travel.set(hash, { index: node.chain.length, seen: new Map() });
  for (const [tracked, entry] of travel) {
    const block = node.chain[entry.index - 1];
    if (!entry.seen.has(node.i) && block && (await hashOf(block)).hash === tracked) entry.seen.set(node.i, at);
  }
  const first = (entry) => Math.min(...entry.seen.values());
  while (travel.size > TRAVEL_ROWS) {
    const oldest = [...travel.entries()].reduce((a, b) => (first(a[1]) <= first(b[1]) ? a : b));
    travel.delete(oldest[0]);
  }
}

function clock(at) {
  const date = new Date(performance.timeOrigin + at);
  return `${date.toTimeString().slice(0, 8)}.${String(date.getMilliseconds()).padStart(3, "0")}`;
}

/** The graph: each node on a circle, a line for each link, and each node's tip under it; the same tip, the same colour. */
let drawnGraph = null;
function drawGraph() {
  // Drawn again only when something it shows changed, so that it does not flicker under the pointer.
  const key = JSON.stringify([network, nodes.map((node) => node.tip || null)]);
  if (key === drawnGraph) return;
  drawnGraph = key;
  const svg = document.querySelector("[data-role='graph']");
  const width = 720;
  const height = nodes.length > 2 ? 270 : 130;
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const radius = Math.min(width, height) / 2 - 45;
  const at = nodes.map((node, i) => {
    if (nodes.length === 1) return [width / 2, height / 2 - 10];
    if (nodes.length === 2) return [width / 2 + (i === 0 ? -150 : 150), height / 2 - 10];
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / nodes.length;
    return [width / 2 + 1.8 * radius * Math.cos(angle), height / 2 - 10 + radius * Math.sin(angle)];
  });
  const tips = [...new Set(nodes.map((node) => node.tip && node.tip.hash).filter(Boolean))];
  const shape = (tag, attributes, text) => {
    const element = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    if (text !== undefined) element.textContent = text;
    return element;
  };
  const parts = [];
  for (const [a, b] of network.links) {
    if (!at[a] || !at[b]) continue;
    parts.push(shape("line", { "data-link": `${a}-${b}`, class: "link", x1: at[a][0], y1: at[a][1], x2: at[b][0], y2: at[b][1] }));
  }
  nodes.forEach((node, i) => {
    const known = network.network[i] || {};
    const tip = node.tip ? tips.indexOf(node.tip.hash) : -1;
    const colour = known.problem && !node.tip ? "down" : tips.length === 1 ? "shared" : tip >= 0 ? `fork-${tip % 3}` : "down";
    const group = shape("g", { "data-node": String(i), class: `graph-node ${colour}` });
    group.append(shape("title", {}, `${node.url}${known.problem ? ": " + known.problem : ""}`),
      shape("circle", { cx: at[i][0], cy: at[i][1], r: 18 }),
      shape("text", { x: at[i][0], y: at[i][1] + 5, class: "number" }, String(i)),
      shape("text", { x: at[i][0], y: at[i][1] + 36, class: "label" }, node.url.replace(/^https?:\/\//, "")),
      shape("text", { x: at[i][0], y: at[i][1] + 52, class: "label", "data-role": "tip" },
        node.tip ? `tip #${node.tip.index} ${node.tip.hash.slice(0, 10)}…` : known.problem ? "not answering" : "…"));
    parts.push(group);
  });
  svg.replaceChildren(...parts);
  const note = document.getElementById("network-note");
  note.textContent = `${nodes.length} node${nodes.length === 1 ? "" : "s"} and ${network.links.length} link`
    + `${network.links.length === 1 ? "" : "s"}, found from the node${network.nodes.length > 1 ? "s" : ""} the explorer`
    + ` was given through GET /nodes` + (network.more ? `; there are more, beyond its limit of ${network.limit} (--max-nodes)` : "");
}

/** The table of new tips: a row for each, a column for each node, the time after the first node that had it. */
let drawnTravel = null;
function drawTravel() {
  const key = JSON.stringify([nodes.length, [...travel].map(([hash, entry]) => [hash, [...entry.seen]])]);
  if (key === drawnTravel) return;
  drawnTravel = key;
  const table = document.querySelector("[data-role='travel']");
  const head = $("tr", {}, $("th", {}, "block"), $("th", {}, "first seen"),
    ...nodes.map((node) => $("th", { "data-node": String(node.i) }, `node ${node.i}`)));
  const rows = [...travel.entries()].map(([hash, entry]) => ({ hash, entry, first: Math.min(...entry.seen.values()) }))
    .sort((a, b) => b.first - a.first).map(({ hash, entry, first }) => $("tr", { "data-hash": hash, "data-index": String(entry.index) },
      $("td", {}, `#${entry.index} `, $("code", { title: hash }, short(hash))), $("td", {}, clock(first)),
      ...nodes.map((node) => (entry.seen.has(node.i)
        ? $("td", { "data-node": String(node.i), "data-ms": String(Math.round(entry.seen.get(node.i) - first)) },
          `+${Math.round(entry.seen.get(node.i) - first)} ms`)
        : $("td", { "data-node": String(node.i), class: "not-yet" }, "not yet")))));
  table.tHead.replaceChildren(head);
  table.tBodies[0].replaceChildren(...rows);
  document.getElementById("travel-empty").hidden = rows.length > 0;
}

async function start() {
  if (!window.crypto || !crypto.subtle) {
    const warning = document.getElementById("warning");
    warning.hidden = false;
    warning.textContent = "This page hashes blocks with the browser's WebCrypto, which browsers give only to secure"
      + " pages: open it as http://localhost:PORT/ (or through https), not by another address.";
    return;
  }
  await discover();
  await refresh();
  await render();
  setInterval(refresh, POLL_MS);
}

start();
