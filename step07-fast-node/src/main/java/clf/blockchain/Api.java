package clf.blockchain;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Logger;

/**
 * The node's HTTP endpoints, from "blockchain as an API" on: one small handler per route, as the text has one small
 * Flask function each.
 */
public final class Api {

    private static final Logger LOG = Logger.getLogger(Api.class.getName());

    /** One route; a quick one answers on the IO thread that read it, a slow one waits on a worker thread. */
    public record Route(String method, String path, HttpHandler handler, boolean slow) {

        static Route quick(String method, String path, HttpHandler handler) {
            return new Route(method, path, handler, false);
        }

        static Route slow(String method, String path, HttpHandler handler) {
            return new Route(method, path, handler, true);
        }
    }

    static final String NODES_EXAMPLE = "{\"nodes\": [\"http://127.0.0.1:5001\"]}";

    private final Blockchain blockchain;
    private final String nodeIdentifier;
    private final Consensus consensus;
    private final PeerClient peers = new PeerClient();
    /** Mines one block at a time, and a resolve waits for it: no chain is replaced under a mine that forges on it. */
    private final Object miningLock = new Object();

    public Api(Blockchain blockchain, String nodeIdentifier) {
        this.blockchain = blockchain;
        this.nodeIdentifier = nodeIdentifier;
        this.consensus = new Consensus(blockchain);
    }

    /** Every route the node serves, the text's other spellings too. */
    public List<Route> routes() {
        return List.of(
                Route.slow("GET", "/mine", this::mine),  // mines for as long as the proof takes
                Route.quick("POST", "/transactions/new", this::newTransaction),
                Route.quick("POST", "/transaction/new", this::newTransaction),
                Route.slow("GET", "/chain", this::chain),  // writes a long chain as fast as the client reads it
                Route.quick("GET", "/transactions/pending", this::pendingTransactions),
                Route.quick("GET", "/nodes", this::nodes),
                Route.quick("POST", "/nodes/register", this::registerNodes),
                Route.quick("POST", "/miner/register", this::registerNodes),
                Route.slow("GET", "/nodes/resolve", this::resolve),  // waits for every peer, 5 s at most
                Route.slow("POST", "/nodes/resolve", this::resolve),  // waits for every peer, 5 s at most
                Route.slow("GET", "/miner/nodes/resolve", this::resolve),  // waits for every peer, 5 s at most
                Route.slow("POST", "/miner/nodes/resolve", this::resolve),  // waits for every peer, 5 s at most
                Route.slow("GET", "/token", this::token),  // copies the ledger, which grows with every account
                Route.slow("GET", "/balances/{address}", this::balance),  // copies the ledger, which grows with every account
                Route.slow("GET", "/openapi.yaml", this::openapi));  // reads the description from the jar
    }

    void mine(HttpServerExchange exchange) {
        if (nodeIdentifier == null) {
            throw new ApiError(409, "this node has no address to pay its mining rewards to", "start it with --miner-key"
                    + " miner.pub.pem, made by: java -jar step07-fast-node.jar wallet new --out miner.pem");
        }
        Block block;
        synchronized (miningLock) {
            // exercise 4.1: Find the proof for the last block, add the reward (sender "0", this node, 1 coin), and forge the block.
            // exercise 4.1 begin
            Block lastBlock = blockchain.lastBlock();
            ProofOfWork.Result result = blockchain.proofOfWork(lastBlock);
            // Sender "0": a new coin; the text's code sends the number 0, its printed chain the string, which we keep.
            blockchain.newTransaction("0", nodeIdentifier, 1);
            block = blockchain.newBlock(result.proof(), Blockchain.hash(lastBlock));
            // exercise 4.1 end
            LOG.info("mined block " + block.index() + " with proof " + block.proof());
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
        SignedTransaction payment = SignedTransaction.fromJson(HttpJson.readObject(exchange, SignedTransaction.EXAMPLE));
        long index;
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

    /** The whole chain and its length, as the text's {@code /chain}, written block by block, never as one string. */
    void chain(HttpServerExchange exchange) throws IOException {
        List<Block> chain = blockchain.chain();
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        // Undertow sends a short answer with its length, and a long one in chunks as it is written.
        try (OutputStream out = exchange.getOutputStream()) {
            writeChain(chain, out);
        }
    }

    /** Writes {"chain": [...], "length": N}: joined, each block's canonical JSON gives the whole's. */
    static void writeChain(List<Block> chain, OutputStream out) throws IOException {
        out.write(ascii("{\"chain\": ["));
        for (int i = 0; i < chain.size(); i++) {
            out.write(ascii((i > 0 ? ", " : "") + chain.get(i).canonicalJson()));
        }
        out.write(ascii("], \"length\": " + chain.size() + "}"));
    }

    /** Canonical JSON escapes everything outside printable ASCII, so its bytes are its characters. */
    private static byte[] ascii(String json) {
        return json.getBytes(StandardCharsets.US_ASCII);
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
            throw new ApiError(400, "that is not an address", "an address is 64 lower-case hex digits, as `wallet"
                    + " address` prints it");
        }
        Ledger pending = blockchain.pendingLedger();
        JsonObject response = new JsonObject();
        response.addProperty("address", address);
        response.addProperty("balanceOf", blockchain.ledger().balance(address));
        response.addProperty("available", pending.balance(address));
        response.addProperty("nextNonce", pending.nextNonce(address));
        HttpJson.send(exchange, 200, response);
    }

    /** The transactions waiting for the next block, which the text shows only once they are mined. */
    void pendingTransactions(HttpServerExchange exchange) {
        JsonArray pending = blockchain.currentTransactions();
        JsonObject response = new JsonObject();
        response.add("transactions", pending);
        response.addProperty("length", pending.size());
        HttpJson.send(exchange, 200, response);
    }

    /** The registered peers, which the text lists only in the answer to a registration. */
    void nodes(HttpServerExchange exchange) {
        JsonObject response = new JsonObject();
        response.add("nodes", addressList(blockchain.nodes()));
        HttpJson.send(exchange, 200, response);
    }

    /** Registers peers: all the addresses in the list, or, if any is bad, none of them. */
    void registerNodes(HttpServerExchange exchange) {
        JsonObject body = HttpJson.readObject(exchange, NODES_EXAMPLE);
        new Fields(body, NODES_EXAMPLE, "nodes");
        if (!body.get("nodes").isJsonArray() || body.getAsJsonArray("nodes").isEmpty()) {
            throw new ApiError(400, "'nodes' must be a list of one or more addresses", "send " + NODES_EXAMPLE);
        }
        List<URI> addresses;
        try {
            addresses = NodeAddress.parseAll(body.getAsJsonArray("nodes"));
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "nothing was registered; " + e.getMessage(), "give each node as \"http://host:port\","
                    + " for example " + NODES_EXAMPLE);
        }
        blockchain.registerNodes(addresses);
        JsonObject response = new JsonObject();
        response.addProperty("message", "New nodes have been added");
        response.add("total_nodes", addressList(blockchain.nodes()));
        HttpJson.send(exchange, 201, response);
    }

    void resolve(HttpServerExchange exchange) {
        Consensus.Resolution resolution;
        synchronized (miningLock) {
            resolution = consensus.resolveConflicts(peers);
        }
        JsonArray chain = new JsonArray();
        blockchain.chain().forEach(block -> chain.add(block.toJson()));
        JsonObject unusable = new JsonObject();
        resolution.unusablePeers().forEach((peer, reason) -> unusable.addProperty(peer.toString(), reason));
        JsonObject response = new JsonObject();
        response.addProperty("message", resolution.replaced() ? "Our chain was replaced" : "Our chain is authoritative");
        response.add(resolution.replaced() ? "new_chain" : "chain", chain);
        response.add("unusable_peers", unusable);
        HttpJson.send(exchange, 200, response);
    }

    private static JsonArray addressList(Iterable<URI> addresses) {
        JsonArray list = new JsonArray();
        addresses.forEach(address -> list.add(address.toString()));
        return list;
    }

    void openapi(HttpServerExchange exchange) throws IOException {
        try (InputStream yaml = Api.class.getResourceAsStream("/openapi.yaml")) {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/yaml");
            exchange.getResponseSender().send(new String(yaml.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
