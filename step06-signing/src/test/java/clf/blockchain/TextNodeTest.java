package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A node of this step with the text's proof rule (--proof-rule text) and the text's own node, in Python with Flask
 * (tools/text-node.py): the text's node follows ours, whose chain passes its checks of links and proofs; ours does
 * not follow the text's, whose unsigned transactions break this step's ledger, and says why.
 */
@ExtendWith(TextNodeTest.FlaskAvailable.class)
class TextNodeTest {

    static final String PYTHON = "/usr/bin/python3";

    /** Runs where Debian's Python has Flask; elsewhere skips with a message, except in CI, where it must run. */
    static class FlaskAvailable implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(org.junit.jupiter.api.extension.ExtensionContext context) {
            if ("true".equals(System.getenv("CI"))) {
                return ConditionEvaluationResult.enabled("CI runs it");
            }
            try {
                Process check = new ProcessBuilder(PYTHON, "-c", "import flask, requests").start();
                if (check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0) {
                    return ConditionEvaluationResult.enabled("Flask is installed");
                }
            } catch (IOException | InterruptedException e) {
                // Said below.
            }
            return ConditionEvaluationResult.disabled("The text's Python node needs Flask:"
                    + " apt-get install python3-flask python3-requests (skipped here)");
        }
    }

    TestNode java;
    Process python;
    String pythonAddress;

    @BeforeEach
    void start() throws Exception {
        java = new TestNode(ProofOfWork.Rule.TEXT, ProofOfWork.DEFAULT_DIFFICULTY);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        python = new ProcessBuilder(PYTHON, Path.of("../tools/text-node.py").toString(), Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        pythonAddress = "http://127.0.0.1:" + port;
        for (int i = 0; i < 100 && python.isAlive(); i++) {
            try {
                if (pythonGet("/chain").status() == 200) {
                    return;
                }
            } catch (IllegalStateException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("the text's node did not start");
    }

    @AfterEach
    void stop() {
        java.close();
        python.destroy();
    }

    TestNode.Reply pythonGet(String path) {
        return java.send(HttpRequest.newBuilder(URI.create(pythonAddress + path)).GET());
    }

    /** A chain as a tree: the Python node writes compact JSON, ours Python's json.dumps spacing, same tree. */
    static Object chainOf(TestNode.Reply reply) {
        JsonObject body = JsonParser.parseString(reply.body()).getAsJsonObject();
        return CanonicalJson.write(body.getAsJsonArray(body.has("chain") ? "chain" : "new_chain"));
    }

    @Test
    void ourNodeDoesNotFollowTheTextsUnsignedChain() {
        pythonGet("/mine");
        pythonGet("/mine");
        assertEquals(201, java.post("/nodes/register", ConsensusTest.nodes(pythonAddress)).status());

        JsonObject resolved = java.get("/nodes/resolve").json();
        assertEquals("Our chain is authoritative", resolved.get("message").getAsString());
        assertEquals("its chain is longer but invalid: block 2 does not start with its mining reward (sender"
                + " \"0\", amount 1, to an address)", resolved.getAsJsonObject("unusable_peers").get(pythonAddress).getAsString());
    }

    @Test
    @Tag("exercise-6.3")
    @Tag("exercise-6.1")
    @Tag("exercise-6.2")
    void theTextsNodeFollowsOurs() {
        pythonGet("/mine");
        for (int i = 0; i < 3; i++) {
            java.mine();
        }
        assertEquals(201, java.pay(java.miner, Wallet.create().address(), 1).status());
        java.mine();
        TestNode.Reply registered = java.send(HttpRequest.newBuilder(URI.create(pythonAddress + "/nodes/register"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ConsensusTest.nodes(java.address()))));
        assertEquals(201, registered.status(), registered.body());

        TestNode.Reply resolved = pythonGet("/nodes/resolve");
        assertEquals("Our chain was replaced", resolved.json().get("message").getAsString());
        assertEquals(chainOf(java.get("/chain")), chainOf(pythonGet("/chain")));
        assertEquals(5, JsonParser.parseString(pythonGet("/chain").body()).getAsJsonObject().get("length").getAsInt());
    }
}
