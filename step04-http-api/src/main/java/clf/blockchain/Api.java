package clf.blockchain;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Logger;

/**
 * The node's HTTP endpoints, from "blockchain as an API" on: one small handler per route, as the text has one small
 * Flask function each.
 */
public final class Api {

    private static final Logger LOG = Logger.getLogger(Api.class.getName());

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

    /** Every route the node serves, the text's other spellings too. */
    public List<Route> routes() {
        return List.of(
                new Route("GET", "/mine", this::mine),
                new Route("POST", "/transactions/new", this::newTransaction),
                new Route("POST", "/transaction/new", this::newTransaction),
                new Route("GET", "/chain", this::chain),
                new Route("GET", "/openapi.yaml", this::openapi));
    }

    void mine(HttpServerExchange exchange) {
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

    void newTransaction(HttpServerExchange exchange) throws IOException {
        Fields fields = new Fields(HttpJson.readObject(exchange, TRANSACTION_EXAMPLE), TRANSACTION_EXAMPLE,
                "sender", "recipient", "amount");
        long index = blockchain.newTransaction(fields.string("sender"), fields.string("recipient"),
                fields.positiveInteger("amount"));
        JsonObject response = new JsonObject();
        response.addProperty("message", "Transaction will be added to Block " + index);
        HttpJson.send(exchange, 201, response);
    }

    void chain(HttpServerExchange exchange) {
        List<Block> chain = blockchain.chain();
        JsonArray blocks = new JsonArray();
        chain.forEach(block -> blocks.add(block.toJson()));
        JsonObject response = new JsonObject();
        response.add("chain", blocks);
        response.addProperty("length", chain.size());
        HttpJson.send(exchange, 200, response);
    }

    void openapi(HttpServerExchange exchange) throws IOException {
        try (InputStream yaml = Api.class.getResourceAsStream("/openapi.yaml")) {
            exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/yaml");
            exchange.getResponseSender().send(new String(yaml.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
