package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A chain that the text's Python code made holds no signed payments: this step refuses it, and says why. */
class PythonNodeTest {

    static String pythonChainJson() throws IOException {
        try (InputStream in = PythonNodeTest.class.getResourceAsStream("/python-chain.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<Block> pythonChain() throws IOException {
        List<Block> chain = new ArrayList<>();
        for (JsonElement block : HttpJson.parse(pythonChainJson())
                .getAsJsonObject().getAsJsonArray("chain")) {
            chain.add(Block.fromJson(block));
        }
        return chain;
    }

    @Test
    @Tag("exercise-8.1")
    @Tag("exercise-9.1")
    @Tag("exercise-15.1")
    void aChainThatThePythonNodeServesIsRefusedAndTheNodeSaysWhy() throws Exception {
        try (TestNode node = new TestNode(); FakePeer fakePythonNode = new FakePeer(FakePeer.answering(200, pythonChainJson()))) {
            String python = fakePythonNode.address();
            node.post("/nodes/register", ConsensusTest.nodes(python));
            com.google.gson.JsonObject reply = node.get("/nodes/resolve").json();
            assertEquals("Our chain is authoritative", reply.get("message").getAsString());
            String reason = reply.getAsJsonObject("unusable_peers").get(python).getAsString();
            assertTrue(reason.contains("a block needs a header with 'target', 'merkle_root' and 'transaction_count'"), reason);
        }
    }
}
