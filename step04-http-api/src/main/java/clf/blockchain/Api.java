package clf.blockchain;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.undertow.Handlers;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The node's HTTP endpoints, from the sections "blockchain as an API" and "the mining endpoint": each endpoint is
 * one small handler, as the text has one small Flask function per route.
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

    static final String TRANSACTION_EXAMPLE = "{\"sender\": \"my-address\", \"recipient\": \"someone-else\", \"amount\": 5}";
    private static final Logger LOG = Logger.getLogger("clf.blockchain.node");

    private final Blockchain blockchain;
    private final String nodeIdentifier;
    /** Mines one block at a time: two proofs found for the same last block cannot both be forged. */
    private final Object miningLock = new Object();

    public Api(Blockchain blockchain, String nodeIdentifier) {
        this.blockchain = blockchain;
        this.nodeIdentifier = nodeIdentifier;
    }

    /** Every route the node serves, including the text's other spelling of {@code /transactions/new}. */
    public List<Route> routes() {
        return List.of(
                Route.slow("GET", "/mine", this::mine),
                Route.quick("POST", "/transactions/new", this::newTransaction),
                Route.quick("POST", "/transaction/new", this::newTransaction),
                Route.slow("GET", "/chain", this::chain),
                Route.quick("GET", "/transactions/pending", this::pendingTransactions));
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
        // exercise 4.1: Find the proof for the last block, add the reward (sender "0", this node, 1 coin), forge the block, and answer 200 with its fields.
        // exercise 4.1 begin
        Block block;
        synchronized (miningLock) {
            Block lastBlock = blockchain.lastBlock();
            ProofOfWork.Result result = blockchain.proofOfWork(lastBlock);
            // The reward: sender "0" means that the coin is new. The text's code sends the number 0 and its
            // printed chain shows the string "0"; we use the string, which is what the chain shows.
            blockchain.newTransaction("0", nodeIdentifier, 1);
            block = blockchain.newBlock(result.proof(), Blockchain.hash(lastBlock));
            LOG.info(() -> "mined block " + block.index() + ": " + result);
        }
        JsonObject response = new JsonObject();
        response.addProperty("message", "New Block Forged");
        response.addProperty("index", block.index());
        response.add("transactions", block.transactions());
        response.addProperty("proof", block.proof());
        response.add("previous_hash", block.previousHash());
        HttpJson.send(exchange, 200, response);
        // exercise 4.1 end
    }

    /** Adds a transaction to the list that the next mined block will hold. */
    void newTransaction(HttpServerExchange exchange) {
        Fields fields = new Fields(HttpJson.readObject(exchange, TRANSACTION_EXAMPLE), TRANSACTION_EXAMPLE,
                "sender", "recipient", "amount");
        String sender = fields.string("sender");
        String recipient = fields.string("recipient");
        long amount = fields.positiveInteger("amount");
        long index = blockchain.newTransaction(sender, recipient, amount);
        JsonObject response = new JsonObject();
        response.addProperty("message", "Transaction will be added to Block " + index);
        HttpJson.send(exchange, 201, response);
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

    /**
     * The whole chain and its length, as the text's {@code /chain}, written to the connection block by block: a
     * chain of 100,000 blocks is some 35 MB of JSON, which is never built as one string.
     */
    void chain(HttpServerExchange exchange) throws IOException {
        List<Block> chain = blockchain.chain();
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        // Undertow sends a short answer with its length, and a long one in chunks as it is written.
        try (OutputStream out = exchange.getOutputStream()) {
            writeChain(chain, out);
        }
    }

    /**
     * Writes {"chain": [...], "length": N}. Each block keeps its canonical JSON, so joining those texts gives the
     * very bytes CanonicalJson would write for the whole, without writing every block again on every request.
     */
    static void writeChain(List<Block> chain, OutputStream out) throws IOException {
        out.write(ascii("{\"chain\": ["));
        for (int i = 0; i < chain.size(); i++) {
            if (i > 0) {
                out.write(ascii(", "));
            }
            out.write(ascii(chain.get(i).canonicalJson()));
        }
        out.write(ascii("], \"length\": " + chain.size() + "}"));
    }

    /** Canonical JSON escapes everything outside printable ASCII, so its bytes are its characters. */
    private static byte[] ascii(String json) {
        return json.getBytes(StandardCharsets.US_ASCII);
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
