package clf.blockchain;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


/** A real node on a free port of this machine, and a client that speaks HTTP to it. */
final class TestNode implements AutoCloseable {

    /** The last stub that a node ran into, from its log: a red run then names the exercise, not only a 500. */
    private static final AtomicReference<String> STUB = new AtomicReference<>();
    private static final Logger NODE_LOG = Logger.getLogger("clf.blockchain");

    static {
        NODE_LOG.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                for (Throwable thrown = record.getThrown(); thrown != null; thrown = thrown.getCause()) {
                    if (thrown.getMessage() != null && thrown.getMessage().matches("(?s)Exercise \\d+\\.\\d+: .*")) {
                        STUB.set(thrown.getMessage());
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    final Node node;
    /** The wallet that this node's mining rewards go to. */
    final Wallet miner = Wallet.create();
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    TestNode(Blockchain blockchain) {
        this(blockchain, true);
    }

    /** A node that {@code gossip}s, or not, as the nodes of the steps before, whose peers a resolve must ask. */
    TestNode(Blockchain blockchain, boolean gossip) {
        node = new Node(blockchain, miner.address(), null, gossip).start("127.0.0.1", 0);
    }

    static TestNode quiet() {
        return new TestNode(new Blockchain(new ProofOfWork(ProofOfWork.Rule.LINKED, 4), Clock.systemUTC()), false);
    }

    /** A node as step 06 runs it: the linked rule. */
    TestNode(int difficulty) {
        this(new Blockchain(new ProofOfWork(ProofOfWork.Rule.LINKED, difficulty), Clock.systemUTC()));
    }

    TestNode() {
        this(4);
    }

    /** The status, headers and body of one exchange. */
    record Reply(int status, String body, HttpResponse<String> response) {
        JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }
    }

    String address() {
        return "http://127.0.0.1:" + node.port();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + node.port() + path);
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Reply post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Signs a payment with the sender's next nonce, as `wallet send` does, and posts it. */
    Reply pay(Wallet from, String to, long amount) {
        long nonce = get("/balances/" + from.address()).json().get("nextNonce").getAsLong();
        return post("/transactions/new", CanonicalJson.write(SignedTransaction.sign(from, to, amount, nonce).toJson()));
    }

    /** Mines a block, and says so if it fails. */
    void mine() {
        Reply mined = get("/mine");
        if (mined.status() != 200) {
            throw new IllegalStateException("mining failed: " + mined.body());
        }
    }

    /**
     * Resolves, and checks that the answer is a 200 that came in less than two peers' time limits: one peer after
     * another, the slow ones would cost a limit each, and other tests may share the machine.
     */
    JsonObject resolveInTime() {
        long started = System.nanoTime();
        Reply reply = get("/nodes/resolve");
        double seconds = (System.nanoTime() - started) / 1e9;
        assertEquals(200, reply.status(), reply.body());
        long limit = PeerClient.REPLY_TIMEOUT.toSeconds() * 2;
        assertTrue(seconds < limit, String.format("the resolve took %.2f s; it must take less than %d s, two peers' time"
                + " limits: ask every peer at once, not one after another", seconds, limit));
        return reply.json();
    }

    Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String stub = STUB.get();
            if (response.statusCode() == 500 && stub != null) {
                throw new AssertionError(stub + "; the node answered 500: " + response.body());
            }
            return new Reply(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What a refused request must leave alone: the chain and the pending list, as canonical JSON. */
    String state() {
        Blockchain blockchain = node.blockchain();
        return blockchain.chain() + " " + CanonicalJson.write(blockchain.currentTransactions());
    }

    @Override
    public void close() {
        node.stop();
    }
}
