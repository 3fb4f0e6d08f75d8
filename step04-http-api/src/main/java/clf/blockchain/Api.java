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
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;

/** The node's HTTP endpoints ("blockchain as an API", "the mining endpoint"): one small handler per Flask route. */
public final class Api {

    /** One route: an HTTP method, a path, and the handler that answers it. */
    public record Route(String method, String path, HttpHandler handler) {
    }

    static final String TRANSACTION_EXAMPLE = "{\"sender\": \"my-address\", \"recipient\": \"someone-else\", \"amount\": 5}";

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
                new Route("GET", "/mine", this::mine),
                new Route("POST", "/transactions/new", this::newTransaction),
                new Route("POST", "/transaction/new", this::newTransaction),
                new Route("GET", "/chain", this::chain),
                new Route("GET", "/openapi.yaml", this::openapi));
    }

    /** The routes, answered on Undertow's worker threads (a long mine holds up nobody else), 404 and 405 too. */
    public HttpHandler handler() {
        RoutingHandler routing = Handlers.routing();
        for (Route route : routes()) {
            routing.add(route.method(), route.path(), route.handler());
        }
        routing.setFallbackHandler(this::notFound).setInvalidMethodHandler(this::methodNotAllowed);
        return new BlockingHandler(exchange -> answerErrorsAsJson(routing, exchange));
    }

    /** Every refusal becomes its JSON answer; anything else is a bug, logged here and never shown as a trace. */
    private static void answerErrorsAsJson(HttpHandler handler, HttpServerExchange exchange) {
        try {
            handler.handleRequest(exchange);
        } catch (ApiError e) {
            HttpJson.send(exchange, e.status(), e.toJson());
        } catch (Exception e) {
            Node.LOG.log(Level.SEVERE, "failed to answer " + exchange.getRequestMethod() + " " + exchange.getRequestPath(), e);
            if (!exchange.isResponseStarted()) {
                HttpJson.send(exchange, 500, new ApiError(500, "the node failed to answer this request",
                        "this is a bug in the node; its log has the details").toJson());
            }
        }
    }

    /** Runs the proof of work, rewards this node with one coin, and forges the block. */
    void mine(HttpServerExchange exchange) {
        Block block;
        synchronized (miningLock) {
            // exercise 4.1: Find the proof for the last block, add the reward (sender "0", this node, 1 coin), and forge the block.
            // exercise 4.1 begin
            Block lastBlock = blockchain.lastBlock();
            ProofOfWork.Result result = blockchain.proofOfWork(lastBlock);
            // The reward: sender "0" means that the coin is new. The text's code sends the number 0 and its
            // printed chain shows the string "0"; we use the string, which is what the chain shows.
            blockchain.newTransaction("0", nodeIdentifier, 1);
            block = blockchain.newBlock(result.proof(), Blockchain.hash(lastBlock));
            // exercise 4.1 end
            Node.LOG.info("mined block " + block.index() + " with proof " + block.proof());
        }
        JsonObject response = new JsonObject();
        response.addProperty("message", "New Block Forged");
        response.addProperty("index", block.index());
        response.add("transactions", block.transactions());
        response.addProperty("proof", block.proof());
        response.add("previous_hash", block.previousHash());
        HttpJson.send(exchange, 200, response);
    }

    /** Adds a transaction to the list that the next mined block will hold. */
    void newTransaction(HttpServerExchange exchange) throws IOException {
        Fields fields = new Fields(HttpJson.readObject(exchange, TRANSACTION_EXAMPLE), TRANSACTION_EXAMPLE,
                "sender", "recipient", "amount");
        long index = blockchain.newTransaction(fields.string("sender"), fields.string("recipient"),
                fields.positiveInteger("amount"));
        JsonObject response = new JsonObject();
        response.addProperty("message", "Transaction will be added to Block " + index);
        HttpJson.send(exchange, 201, response);
    }

    /** The whole chain and its length, as the text's {@code /chain}. */
    void chain(HttpServerExchange exchange) {
        List<Block> chain = blockchain.chain();
        JsonArray blocks = new JsonArray();
        chain.forEach(block -> blocks.add(block.toJson()));
        JsonObject response = new JsonObject();
        response.add("chain", blocks);
        response.addProperty("length", chain.size());
        HttpJson.send(exchange, 200, response);
    }

    /** This node's OpenAPI description: docs/openapi.yaml cut to the routes of its step when it is built. */
    void openapi(HttpServerExchange exchange) throws IOException {
        try (InputStream yaml = Api.class.getResourceAsStream("/openapi.yaml")) {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/yaml");
            exchange.getResponseSender().send(new String(yaml.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private void notFound(HttpServerExchange exchange) {
        throw new ApiError(404, "there is no " + exchange.getRequestPath() + " here", "the node serves "
                + String.join(", ", routes().stream().map(r -> r.method() + " " + r.path()).toList()));
    }

    private void methodNotAllowed(HttpServerExchange exchange) {
        String path = exchange.getRequestPath();
        List<String> allowed = routes().stream().filter(r -> r.path().equals(path)).map(Route::method).toList();
        exchange.getResponseHeaders().put(Headers.ALLOW, String.join(", ", allowed));
        throw new ApiError(405, exchange.getRequestMethod() + " is not allowed on " + path, "use "
                + String.join(" or ", allowed) + " " + path + (allowed.contains("POST") ? " (curl: -X POST)" : ""));
    }
}
