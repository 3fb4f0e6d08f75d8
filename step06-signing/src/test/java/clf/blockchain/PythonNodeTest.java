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
 * The text's node and this step's, in a mixed network (both with --proof-rule text): a chain made here still passes
 * the text's Python valid_chain, so the text's node can follow us; but a chain the Python node made has no
 * signatures and no proper rewards, so we do not follow it, and say why.
 */
class PythonNodeTest {

    static String pythonChainJson() throws IOException {
        try (InputStream in = PythonNodeTest.class.getResourceAsStream("/python-chain.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<Block> pythonChain() throws IOException {
        List<Block> chain = new ArrayList<>();
        for (JsonElement block : StrictJson.parse(pythonChainJson().getBytes(StandardCharsets.UTF_8))
                .getAsJsonObject().getAsJsonArray("chain")) {
            chain.add(Block.fromJson(block));
        }
        return chain;
    }

    @Test
    void aChainThatThePythonNodeServesIsRefusedForItsLedger() throws Exception {
        try (TestNode node = new TestNode(ProofOfWork.Rule.TEXT, ProofOfWork.DEFAULT_DIFFICULTY);
                FakePeer fakePythonNode = new FakePeer(FakePeer.answering(200, pythonChainJson()))) {
            String python = fakePythonNode.address();
            node.post("/nodes/register", ConsensusTest.nodes(python));
            com.google.gson.JsonObject reply = node.get("/nodes/resolve").json();
            assertEquals("Our chain is authoritative", reply.get("message").getAsString());
            assertEquals("its chain is longer but invalid: block 2 does not start with its mining reward (sender"
                    + " \"0\", amount 1, to an address)", reply.getAsJsonObject("unusable_peers").get(python).getAsString());
        }
    }

    @Test
    @Tag("exercise-6.3")
    @Tag("exercise-6.1")
    @Tag("exercise-6.2")
    void aChainMadeHereIsValidForTheTextsPythonCode() throws Exception {
        try (TestNode node = new TestNode(ProofOfWork.Rule.TEXT, ProofOfWork.DEFAULT_DIFFICULTY)) {
            node.mine();
            node.pay(node.miner, Wallet.create().address(), 1);
            node.mine();
            node.mine();
            assertEquals("valid", pythonValidChain(node.get("/chain").body()));
            String tampered = node.get("/chain").body().replace("\"nonce\": 1", "\"nonce\": 2");
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
