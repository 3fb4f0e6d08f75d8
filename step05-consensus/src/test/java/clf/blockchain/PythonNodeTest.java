package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Wire compatibility with the text's node, both ways: a chain the text's Python code made is adopted here, and a
 * chain made here passes the text's Python valid_chain. Both rest on step 01's Python-identical hashing.
 */
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
    @Tag("exercise-5.2")
    void aChainThatThePythonNodeServesIsAdoptedAndServedInTheSameBytes() throws Exception {
        String python = pythonChainJson();
        try (TestNode node = new TestNode(); FakePeer fakePythonNode = new FakePeer(FakePeer.answering(200, python))) {
            node.post("/nodes/register", ConsensusTest.nodes(fakePythonNode.address()));
            assertEquals("Our chain was replaced", node.get("/nodes/resolve").json().get("message").getAsString());
            assertEquals(pythonChain(), node.node.blockchain().chain());
            List<Block> ours = node.node.blockchain().chain();
            for (int i = 0; i < ours.size(); i++) {
                assertEquals(Blockchain.hash(pythonChain().get(i)), Blockchain.hash(ours.get(i)));
            }
            node.get("/mine");
            assertEquals("valid", pythonValidChain(node.get("/chain").body()),
                    "the Python node accepts the chain we extended");
        }
    }

    @Test
    void aChainMadeHereIsValidForTheTextsPythonCode() throws Exception {
        try (TestNode node = new TestNode()) {
            node.get("/mine");
            node.post("/transactions/new", "{\"sender\": \"Zo\u00eb\", \"recipient\": \"\u65e5\u672c\", \"amount\": 5}");
            node.get("/mine");
            node.get("/mine");
            assertEquals("valid", pythonValidChain(node.get("/chain").body()));
            String tampered = node.get("/chain").body().replace("\"amount\": 5", "\"amount\": 500");
            assertEquals("invalid", pythonValidChain(tampered), "the Python side is really checking");
        }
    }

    /** Runs the text's valid_chain, in Python, on a /chain answer. */
    static String pythonValidChain(String chainJson) throws IOException, InterruptedException {
        Process python = new ProcessBuilder("python3", Path.of("../tools/python-chain.py").toString(), "validate")
                .redirectErrorStream(true).start();
        python.getOutputStream().write(chainJson.getBytes(StandardCharsets.UTF_8));
        python.getOutputStream().close();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        python.waitFor(30, TimeUnit.SECONDS);
        return output;
    }
}
