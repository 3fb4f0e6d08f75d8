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
 * A node of this step and the text's own node, in Python with Flask (tools/text-node.py), register each other
 * and follow each other's longer chain, in both directions. This rests on step 01's Python-identical hashing, the
 * text's field names and the text's proof rule.
 */
@ExtendWith(TextNodeTest.FlaskAvailable.class)
class TextNodeTest {

    static final String PYTHON = "/usr/bin/python3";

    /** Runs where Debian's Python has Flask; elsewhere skips, saying why on the console, except in CI, where it must run. */
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
            String reason = "the text's Python node needs Flask; install it with"
                    + " sudo apt-get install python3-flask python3-requests";
            // Maven's summary counts the skipped tests, and says nothing of why: this line does.
            System.out.println(context.getDisplayName() + " is skipped: " + reason);
            return ConditionEvaluationResult.disabled(reason);
        }
    }

    TestNode java;
    Process python;
    String pythonAddress;

    @BeforeEach
    void start() throws Exception {
        java = new TestNode();
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
    @Tag("exercise-5.2")
    void ourNodeFollowsTheTextsNode() {
        pythonGet("/mine");
        pythonGet("/mine");
        java.post("/transactions/new", "{\"sender\": \"alice\", \"recipient\": \"bob\", \"amount\": 5}");
        assertEquals(201, java.post("/nodes/register", ConsensusTest.nodes(pythonAddress)).status());

        TestNode.Reply resolved = java.get("/nodes/resolve");
        assertEquals("Our chain was replaced", resolved.json().get("message").getAsString());
        assertEquals(chainOf(pythonGet("/chain")), chainOf(java.get("/chain")));
        assertEquals(1, java.node.blockchain().currentTransactions().size(), "alice's payment still waits");
    }

    @Test
    void theTextsNodeFollowsOurs() {
        pythonGet("/mine");
        for (int i = 0; i < 3; i++) {
            java.get("/mine");
        }
        TestNode.Reply registered = java.send(HttpRequest.newBuilder(URI.create(pythonAddress + "/nodes/register"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ConsensusTest.nodes(java.address()))));
        assertEquals(201, registered.status(), registered.body());

        TestNode.Reply resolved = pythonGet("/nodes/resolve");
        assertEquals("Our chain was replaced", resolved.json().get("message").getAsString());
        assertEquals(chainOf(java.get("/chain")), chainOf(pythonGet("/chain")));
        assertEquals(4, JsonParser.parseString(pythonGet("/chain").body()).getAsJsonObject().get("length").getAsInt());
    }
}
