package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A node of this step and the text's own node, in Python with Flask (tools/text-node.py): with signed payments and
 * the linked rule, neither follows the other any more, and ours says why.
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

    /** The text's node has no header: this step leaves its network, and says why. */
    @Test
    @Tag("exercise-8.1")
    @Tag("exercise-9.1")
    @Tag("exercise-15.1")
    void ourNodeDoesNotFollowTheTextsUnsignedChain() {
        pythonGet("/mine");
        pythonGet("/mine");
        assertEquals(201, java.post("/nodes/register", ConsensusTest.nodes(pythonAddress)).status());

        JsonObject resolved = java.get("/nodes/resolve").json();
        assertEquals("Our chain is authoritative", resolved.get("message").getAsString());
        assertEquals("its answer is not a chain: a block needs a header with 'target', 'merkle_root' and"
                + " 'transaction_count', which blocks of the steps before 16 do not have: run every node at step 16"
                + " or later",
                resolved.getAsJsonObject("unusable_peers").get(pythonAddress).getAsString());
    }

    @Test
    @Tag("exercise-7.1")
    @Tag("exercise-9.1")
    @Tag("exercise-13.1")
    @Tag("exercise-15.1")
    @Tag("exercise-16.1")
    void theTextsNodeDoesNotFollowOursEither() {
        for (int i = 0; i < 3; i++) {
            java.mine();
        }
        TestNode.Reply registered = java.send(HttpRequest.newBuilder(URI.create(pythonAddress + "/nodes/register"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ConsensusTest.nodes(java.address()))));
        assertEquals(201, registered.status(), registered.body());
        assertEquals("Our chain is authoritative", pythonGet("/nodes/resolve").json().get("message").getAsString(),
                "the text's valid_chain refuses proofs made under the header's rule");
    }
}
