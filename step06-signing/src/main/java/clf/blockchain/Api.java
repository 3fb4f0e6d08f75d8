package clf.blockchain;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The node's HTTP endpoints, from the sections "blockchain as an API", "the mining endpoint" and "implementing
 * the consensus algorithm", with the signed payments and the token of "transaction verification" and "smart
 * wallet": each endpoint is one small handler, as the text has one small Flask function per route.
 */
public final class Api {

    /**
     * One route: an HTTP method, a path, the handler that answers it, and whether that handler may take long.
     *
     * <p>Undertow reads requests on a few IO threads, which must never wait. A quick handler answers right there,
     * which saves two thread switches per request; a slow one (mining, writing a long chain) runs on one of
     * Undertow's worker threads, through a {@link BlockingHandler}, so that it holds up no one else.
     */
    public record Route(String method, String path, HttpHandler handler, boolean slow) {

        static Route quick(String method, String path, HttpHandler handler) {
            return new Route(method, path, handler, false);
        }

        static Route slow(String method, String path, HttpHandler handler) {
            return new Route(method, path, handler, true);
        }
    }

    static final String TRANSACTION_EXAMPLE = "{\"sender\": \"<your address>\", \"recipient\": \"<an address>\","
            + " \"amount\": 5, \"nonce\": 1, \"signature\": \"<128 hex digits>\"}, as `wallet send` makes it";
    static final String NODES_EXAMPLE = "{\"nodes\": [\"http://127.0.0.1:5001\"]}";
    private static final Logger LOG = Logger.getLogger("clf.blockchain.node");

    private final Blockchain blockchain;
    private final String nodeIdentifier;
    private final PeerClient peers;
    private final IntSupplier ownPort;
    private final String minerAddress;
    /** Mines one block at a time: two proofs found for the same last block cannot both be forged. */
    private final Object miningLock = new Object();

    /**
     * @param ownPort the port this node listens on, to refuse registering this node as its own peer
     * @param minerAddress the address that this node's mining rewards go to, or null if it does not mine
     */
    public Api(Blockchain blockchain, String nodeIdentifier, IntSupplier ownPort, String minerAddress) {
        this.blockchain = blockchain;
        this.nodeIdentifier = nodeIdentifier;
        this.peers = new PeerClient(nodeIdentifier);
        this.ownPort = ownPort;
        this.minerAddress = minerAddress;
    }

    /** Every route the node serves, including the text's other spellings. */
    public List<Route> routes() {
        return List.of(
                Route.slow("GET", "/mine", this::mine),
                transactionRoute("/transactions/new"),
                transactionRoute("/transaction/new"),
                Route.slow("GET", "/chain", this::chain),
                Route.quick("GET", "/transactions/pending", this::pendingTransactions),
                Route.quick("GET", "/nodes", this::nodes),
                Route.slow("POST", "/nodes/register", this::registerNodes),
                Route.slow("POST", "/miner/register", this::registerNodes),
                Route.slow("GET", "/nodes/resolve", this::resolve),
                Route.slow("POST", "/nodes/resolve", this::resolve),
                Route.slow("GET", "/miner/nodes/resolve", this::resolve),
                Route.slow("POST", "/miner/nodes/resolve", this::resolve),
                Route.slow("GET", "/token", this::token),
                Route.slow("GET", "/balances/{address}", this::balance));
    }

    /**
     * New payments are quick, unless the node keeps a data directory: then each waits for the disk before it is
     * acknowledged, and that wait belongs on a worker thread.
     */
    private Route transactionRoute(String path) {
        return new Route("POST", path, this::newTransaction, blockchain.keepsData());
    }

    /**
     * The routes as one Undertow handler, with JSON answers for an unknown path (404) and a wrong method (405).
     * The request body must have been read already, by {@link HttpJson#readBodyFirst}.
     */
    public RoutingHandler handler() {
        RoutingHandler routing = Handlers.routing();
        for (Route route : routes()) {
            HttpHandler handler = answerErrorsAsJson(route.handler());
            routing.add(route.method(), route.path(), route.slow() ? new BlockingHandler(handler) : handler);
        }
        return routing.setFallbackHandler(answerErrorsAsJson(this::notFound))
                .setInvalidMethodHandler(answerErrorsAsJson(this::methodNotAllowed));
    }

    /** Every refusal becomes its JSON answer; anything else is a bug, logged here and never shown as a trace. */
    private static HttpHandler answerErrorsAsJson(HttpHandler handler) {
        return exchange -> {
            try {
                handler.handleRequest(exchange);
            } catch (ApiError e) {
                HttpJson.send(exchange, e.status(), e.toJson());
            } catch (UncheckedIOException e) {
                LOG.log(Level.SEVERE, "the data directory failed", e);
                HttpJson.send(exchange, 503, new ApiError(503, e.getMessage(), "nothing was acknowledged;"
                        + " free the disk or fix the directory, restart the node, and send this request again").toJson());
            } catch (Exception e) {
                LOG.log(Level.SEVERE, "failed to answer " + exchange.getRequestMethod() + " " + exchange.getRequestPath(), e);
                if (!exchange.isResponseStarted()) {
                    HttpJson.send(exchange, 500, new ApiError(500, "the node failed to answer this request",
                            "this is a bug in the node; its log has the details").toJson());
                }
            }
        };
    }

    /** Runs the proof of work, rewards this node with one coin, and forges the block. */
    void mine(HttpServerExchange exchange) {
        if (minerAddress == null) {
            throw new ApiError(409, "this node has no address to pay its mining rewards to",
                    "start it with --miner-address ADDRESS; make an address with: java -jar step06-signing.jar"
                            + " wallet new --out miner.pem");
        }
        Block block = null;
        synchronized (miningLock) {
            while (block == null) {
                Block lastBlock = blockchain.lastBlock();
                ProofOfWork.Result result = blockchain.proofOfWork(lastBlock);
                // A resolve may have replaced our chain during the search; then the proof is for a block that is
                // gone, and we mine again on the new last block. Holding the chain's lock makes the check, the
                // reward and the new block one step.
                synchronized (blockchain) {
                    if (blockchain.lastBlock() == lastBlock) {
                        // The reward, sender "0", stands first in the block and pays the miner's address.
                        block = blockchain.newBlock(result.proof(), Blockchain.hash(lastBlock), minerAddress);
                        long index = block.index();
                        LOG.info(() -> "mined block " + index + ": " + result);
                    } else {
                        LOG.info("the chain was replaced during the search; mining again on its last block");
                    }
                }
            }
        }
        JsonObject response = new JsonObject();
        response.addProperty("message", "New Block Forged");
        response.addProperty("index", block.index());
        response.add("transactions", block.transactions());
        response.addProperty("proof", block.proof());
        response.add("previous_hash", block.previousHash());
        HttpJson.send(exchange, 200, response);
    }

    /** Adds a signed payment to the list that the next mined block will hold, if the ledger allows it. */
    void newTransaction(HttpServerExchange exchange) {
        JsonObject body = HttpJson.readObject(exchange, TRANSACTION_EXAMPLE);
        SignedTransaction payment;
        long index;
        try {
            payment = SignedTransaction.fromJson(body);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, e.getMessage(), "send a signed payment such as " + TRANSACTION_EXAMPLE);
        }
        try {
            index = blockchain.newTransaction(payment);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "the payment was refused: " + e.getMessage(),
                    "check the balance and the next nonce with GET /balances/" + payment.sender());
        }
        JsonObject response = new JsonObject();
        response.addProperty("message", "Transaction will be added to Block " + index);
        HttpJson.send(exchange, 201, response);
    }

    /** The ERC-20 view of the coin: its name, symbol, decimals and total supply. */
    void token(HttpServerExchange exchange) {
        JsonObject response = new JsonObject();
        response.addProperty("name", "clf coin");
        response.addProperty("symbol", "CLF");
        response.addProperty("decimals", 0);
        response.addProperty("totalSupply", blockchain.ledger().totalSupply());
        HttpJson.send(exchange, 200, response);
    }

    /** ERC-20's balanceOf, with what a wallet needs to pay: the coins still free and the next nonce. */
    void balance(HttpServerExchange exchange) {
        String address = exchange.getQueryParameters().get("address").getFirst();
        if (!SignedTransaction.isAddress(address)) {
            throw new ApiError(400, "'" + (address.length() > 80 ? address.substring(0, 80) + "..." : address)
                    + "' is not an address", "an address is 64 lower-case hex digits, as `wallet address` prints it");
        }
        Ledger pending = blockchain.pendingLedger();
        JsonObject response = new JsonObject();
        response.addProperty("address", address);
        response.addProperty("balanceOf", blockchain.ledger().balance(address));
        response.addProperty("available", pending.balance(address));
        response.addProperty("nextNonce", pending.nextNonce(address));
        HttpJson.send(exchange, 200, response);
    }

    /**
     * The transactions waiting for the next block, and how many: not in the text, which only shows them inside a
     * mined block; the block explorer shows them as they arrive.
     */
    void pendingTransactions(HttpServerExchange exchange) {
        JsonArray pending = blockchain.currentTransactions();
        JsonObject response = new JsonObject();
        response.add("transactions", pending);
        response.addProperty("length", pending.size());
        HttpJson.send(exchange, 200, response);
    }

    /** The registered peers: not in the text, which only lists them in the answer to a registration. */
    void nodes(HttpServerExchange exchange) {
        JsonArray nodes = new JsonArray();
        blockchain.nodes().forEach(node -> nodes.add(node.toString()));
        JsonObject response = new JsonObject();
        response.add("nodes", nodes);
        HttpJson.send(exchange, 200, response);
    }

    /**
     * The whole chain and its length, as the text's {@code /chain}, written to the connection block by block: a
     * chain of 100,000 blocks is some 35 MB of JSON, which is never built as one string.
     *
     * <p>{@code /chain?from=N} sends only the blocks from index N on, with {@code "from": N}: a peer that shares our
     * history up to block N needs nothing before it. The text's node does not know the parameter and sends it all.
     */
    void chain(HttpServerExchange exchange) throws IOException {
        List<Block> chain = blockchain.chain();
        int from = from(exchange, chain.size());
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        // Undertow sends a short answer with its length, and a long one in chunks as it is written.
        try (OutputStream out = exchange.getOutputStream()) {
            writeChain(chain, from, out);
        }
    }

    /** The {@code from} parameter: a block index from 1 to one past the last block; 1 when it is not given. */
    private static int from(HttpServerExchange exchange, int length) {
        String from = exchange.getQueryParameters().containsKey("from")
                ? exchange.getQueryParameters().get("from").getFirst() : "1";
        try {
            int index = Integer.parseInt(from);
            if (index >= 1 && index <= length + 1) {
                return index;
            }
        } catch (NumberFormatException e) {
            // Said below.
        }
        throw new ApiError(400, "from=" + from + " is not a block index of this chain", "give a whole number from 1 to "
                + (length + 1) + " (the index after the last block), as in /chain?from=2");
    }

    /** Writes the whole chain: {"chain": [...], "length": N}, the text's answer. */
    static void writeChain(List<Block> chain, OutputStream out) throws IOException {
        writeChain(chain, 1, out);
    }

    /**
     * Writes the blocks from index {@code from} on, as {"chain": [...], "from": F, "length": N}, and without
     * {@code from} when it is 1. Each block keeps its canonical JSON, so joining those texts gives the very bytes
     * CanonicalJson would write for the whole, without writing every block again on every request.
     */
    static void writeChain(List<Block> chain, int from, OutputStream out) throws IOException {
        out.write(ascii("{\"chain\": ["));
        for (int i = from - 1; i < chain.size(); i++) {
            if (i > from - 1) {
                out.write(ascii(", "));
            }
            out.write(ascii(chain.get(i).canonicalJson()));
        }
        out.write(ascii("], " + (from == 1 ? "" : "\"from\": " + from + ", ") + "\"length\": " + chain.size() + "}"));
    }

    /** Canonical JSON escapes everything outside printable ASCII, so its bytes are its characters. */
    private static byte[] ascii(String json) {
        return json.getBytes(StandardCharsets.US_ASCII);
    }

    /** Registers peers: all the addresses in the list, or, if any is bad, none of them. */
    void registerNodes(HttpServerExchange exchange) {
        JsonObject body = HttpJson.readObject(exchange, NODES_EXAMPLE);
        new Fields(body, NODES_EXAMPLE, "nodes");
        JsonElement nodes = body.get("nodes");
        if (!nodes.isJsonArray() || nodes.getAsJsonArray().isEmpty()) {
            throw new ApiError(400, "'nodes' must be a list of one or more addresses", "send " + NODES_EXAMPLE);
        }
        List<URI> addresses = new ArrayList<>();
        Map<String, String> bad = new LinkedHashMap<>();
        for (JsonElement node : nodes.getAsJsonArray()) {
            String entry = CanonicalJson.write(node);
            try {
                if (!node.isJsonPrimitive() || !node.getAsJsonPrimitive().isString()) {
                    throw new IllegalArgumentException("it is not a string in double quotes");
                }
                URI address = NodeAddress.parse(node.getAsString());
                if (isThisNode(address)) {
                    throw new IllegalArgumentException("it is this node itself");
                }
                addresses.add(address);
            } catch (IllegalArgumentException e) {
                bad.put(entry.length() > 80 ? entry.substring(0, 80) + "..." : entry, e.getMessage());
            }
        }
        if (!bad.isEmpty()) {
            List<String> reasons = new ArrayList<>();
            bad.forEach((entry, reason) -> reasons.add(entry + ": " + reason));
            throw new ApiError(400, "nothing was registered; bad address" + (bad.size() > 1 ? "es: " : ": ")
                    + String.join("; ", reasons), "give each node as \"http://host:port\", for example " + NODES_EXAMPLE);
        }
        try {
            blockchain.registerNodes(addresses);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "nothing was registered: " + e.getMessage(), "register fewer nodes");
        }
        JsonObject response = new JsonObject();
        response.addProperty("message", "New nodes have been added");
        response.add("total_nodes", addressList(blockchain.nodes()));
        HttpJson.send(exchange, 201, response);
    }

    /** An address on this machine with our own port is this node. */
    private boolean isThisNode(URI address) {
        if (address.getPort() != ownPort.getAsInt()) {
            return false;
        }
        try {
            InetAddress host = InetAddress.getByName(address.getHost());
            return host.isLoopbackAddress() || host.isAnyLocalAddress()
                    || host.equals(InetAddress.getLocalHost());
        } catch (UnknownHostException e) {
            // A name we cannot look up now may be a peer that is not up yet; the resolve will tell.
            return false;
        }
    }

    /** The consensus algorithm: adopts the longest valid chain among the peers', if it is longer than ours. */
    void resolve(HttpServerExchange exchange) {
        Blockchain.Resolution resolution = blockchain.resolveConflicts(peers);
        JsonObject unusable = new JsonObject();
        resolution.unusablePeers().forEach((peer, reason) -> {
            unusable.addProperty(peer.toString(), reason);
            if (reason.equals("it is this node itself")) {
                blockchain.forgetNode(peer);
            }
        });
        JsonObject response = new JsonObject();
        JsonArray chain = new JsonArray();
        blockchain.chain().forEach(block -> chain.add(block.toJson()));
        if (resolution.replaced()) {
            response.addProperty("message", "Our chain was replaced");
            response.add("new_chain", chain);
        } else {
            response.addProperty("message", "Our chain is authoritative");
            response.add("chain", chain);
        }
        response.add("unusable_peers", unusable);
        HttpJson.send(exchange, 200, response);
    }

    private static JsonArray addressList(Iterable<URI> addresses) {
        JsonArray list = new JsonArray();
        addresses.forEach(address -> list.add(address.toString()));
        return list;
    }

    private void notFound(HttpServerExchange exchange) {
        throw new ApiError(404, "there is no " + exchange.getRequestPath() + " here",
                "the node serves " + routes().stream().map(r -> r.method() + " " + r.path())
                        .collect(Collectors.joining(", ")));
    }

    private void methodNotAllowed(HttpServerExchange exchange) {
        String path = exchange.getRequestPath();
        List<String> allowed = new ArrayList<>();
        for (Route route : routes()) {
            if (route.path().equals(path)) {
                allowed.add(route.method());
            }
        }
        exchange.getResponseHeaders().put(Headers.ALLOW, String.join(", ", allowed));
        throw new ApiError(405, exchange.getRequestMethod() + " is not allowed on " + path,
                "use " + String.join(" or ", allowed) + " " + path
                        + (allowed.contains("POST") ? " (curl: -X POST)" : ""));
    }
}
