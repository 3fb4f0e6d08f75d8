package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A light wallet: a payment confirmed from headers and a Merkle proof alone, and every forged proof refused. */
class LightWalletTest {

    /** The test nodes keep the genesis target: a window longer than any chain here. */
    static final String[] RULES = {"--retarget-every", "1000000"};

    final List<AutoCloseable> started = new ArrayList<>();
    TestNode node;
    String id;

    @BeforeEach
    void aPaymentInBlockThree() {
        node = new TestNode();
        started.add(node);
        node.mine();
        SignedTransaction payment = SignedTransaction.sign(node.miner, Wallet.create().address(), 1, 1);
        assertEquals(201, node.post("/transactions/new", CanonicalJson.write(payment.toJson())).status());
        id = Block.id(payment.toJson());
        node.mine();
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : started) {
            closeable.close();
        }
    }

    WalletCommandTest.Run confirm(String... nodes) {
        List<String> args = new ArrayList<>(List.of("confirm", "--id", id));
        for (String address : nodes) {
            args.addAll(List.of("--node", address));
        }
        args.addAll(List.of(RULES));
        return WalletCommandTest.wallet(args.toArray(String[]::new));
    }

    @Test
    @Tag("exercise-16.1")
    void theNodeServesAProofForATransactionInItsChainAndSaysWhyNotForAnyOther() {
        JsonObject proof = node.get("/transactions/" + id + "/proof").json();
        assertEquals(3, proof.get("block_index").getAsInt());
        assertEquals(2, proof.get("tree_size").getAsInt(), "the payment and the reward");
        assertEquals(0, proof.get("leaf_index").getAsInt());
        assertEquals(1, proof.getAsJsonArray("path").size());
        assertEquals(node.node.blockchain().chain().get(2).merkleRoot(), proof.get("merkle_root"));
        assertEquals(id, Block.id(proof.get("transaction")));

        SignedTransaction waiting = SignedTransaction.sign(node.miner, Wallet.create().address(), 1, 2);
        assertEquals(201, node.post("/transactions/new", CanonicalJson.write(waiting.toJson())).status());
        TestNode.Reply pending = node.get("/transactions/" + Block.id(waiting.toJson()) + "/proof");
        assertEquals(404, pending.status(), pending.body());
        assertTrue(pending.json().get("error").getAsString().endsWith("is pending: no block holds it yet"), pending.body());
        TestNode.Reply unknown = node.get("/transactions/" + "ab".repeat(32) + "/proof");
        assertEquals(404, unknown.status(), unknown.body());
        assertEquals("no block of this node's chain holds transaction " + "ab".repeat(32),
                unknown.json().get("error").getAsString());
        TestNode.Reply bad = node.get("/transactions/xyz/proof");
        assertEquals(400, bad.status(), bad.body());
        assertEquals("'xyz' is not a transaction id", bad.json().get("error").getAsString());
    }

    @Test
    @Tag("exercise-16.1")
    void theNodeServesItsHeadersWithoutTheirTransactions() {
        JsonObject all = node.get("/headers").json();
        assertEquals(3, all.get("length").getAsInt());
        assertEquals(node.node.blockchain().chainWork().toString(), all.get("work").getAsString());
        JsonObject third = all.getAsJsonArray("headers").get(2).getAsJsonObject();
        assertFalse(third.has("transactions"));
        assertEquals(2, third.get("transaction_count").getAsInt());
        assertEquals(Blockchain.hash(node.node.blockchain().chain().get(2)), Blockchain.hash(Block.fromHeader(third)),
                "a header hashes as its block");
    }

    @Test
    @Tag("exercise-16.1")
    void headersFromSendsOnlyTheHeadersFromThatIndexOn() {
        JsonObject all = node.get("/headers").json();
        JsonObject part = node.get("/headers?from=2").json();
        assertEquals(2, part.get("from").getAsInt());
        assertEquals(3, part.get("length").getAsInt());
        assertEquals(all.get("work"), part.get("work"), "the work of the whole chain");
        JsonArray rest = all.getAsJsonArray("headers");
        rest.remove(0);
        assertEquals(rest, part.getAsJsonArray("headers"));
        assertFalse(all.has("from"), "from=1 is the whole answer");
        JsonObject past = node.get("/headers?from=4").json();
        assertEquals(0, past.getAsJsonArray("headers").size(), "nothing past the end");
        assertEquals(3, past.get("length").getAsInt());
        for (String from : List.of("0", "two", "1234567890")) {
            TestNode.Reply bad = node.get("/headers?from=" + from);
            assertEquals(400, bad.status(), from);
            assertTrue(bad.json().get("hint").getAsString().contains("/headers?from=2"), bad.body());
        }
    }

    @Test
    @Tag("exercise-16.2")
    void aPaymentIsConfirmedFromHeadersAloneAndGoesDeeperWithEachBlock() {
        WalletCommandTest.Run confirmed = confirm(node.address());
        assertEquals(0, confirmed.exit(), confirmed.err());
        assertEquals("confirmed in block 3, 1 block deep", confirmed.out().strip());
        node.mine();
        assertEquals("confirmed in block 3, 2 blocks deep", confirm(node.address()).out().strip());
    }

    /** Of two nodes, the headers of more work are followed, and a node that is down is only a note. */
    @Test
    @Tag("exercise-16.2")
    void theChainOfMostWorkAmongTheNodesIsTheOneThatCounts() {
        TestNode other = new TestNode();
        started.add(other);
        other.mine();
        WalletCommandTest.Run confirmed = confirm(other.address(), "http://127.0.0.1:1", node.address());
        assertEquals(0, confirmed.exit(), confirmed.err());
        assertEquals("confirmed in block 3, 1 block deep", confirmed.out().strip());
        assertTrue(confirmed.err().contains("note: http://127.0.0.1:1 was not used: cannot reach the node"), confirmed.err());

        for (int i = 0; i < 3; i++) {
            other.mine();
        }
        WalletCommandTest.Run elsewhere = confirm(node.address(), other.address());
        assertEquals(1, elsewhere.exit(), elsewhere.out());
        assertEquals("error: not confirmed: " + other.address() + ", of the chain of most work, gave no proof: the node"
                + " answered 404: no block of this node's chain holds transaction " + id,
                elsewhere.err().strip());
    }

    @Test
    @Tag("exercise-16.2")
    void sendWithWaitReturnsOnceALightClientConfirmsThePayment(@TempDir Path directory) throws Exception {
        Path key = directory.resolve("miner.pem");
        node.miner.save(key, null);
        Thread miner = new Thread(() -> {
            FakePeer.sleep(1000);
            node.mine();
        });
        miner.start();
        List<String> args = new ArrayList<>(List.of("send", "--key", key.toString(), "--to", Wallet.create().address(),
                "--amount", "1", "--node", node.address(), "--wait"));
        args.addAll(List.of(RULES));
        WalletCommandTest.Run sent = WalletCommandTest.wallet(args.toArray(String[]::new));
        miner.join();
        assertEquals(0, sent.exit(), sent.err());
        List<String> lines = sent.out().lines().toList();
        assertEquals("Transaction will be added to Block 4", lines.get(0));
        assertTrue(lines.get(1).matches("id: [0-9a-f]{64}"), lines.get(1));
        assertEquals("confirmed in block 4, 1 block deep", lines.get(2));
    }

    /** Each forged proof, served with the node's true headers, and headers with a bad proof of work. */
    @Test
    @Tag("exercise-16.2")
    void everyForgedProofAndForgedHeadersAreRefusedWithTheReason() throws Exception {
        JsonObject proof = node.get("/transactions/" + id + "/proof").json();
        JsonObject headers = node.get("/headers").json();
        List<Map.Entry<String, UnaryOperator<JsonObject>>> forgeries = new ArrayList<>();
        forgeries.add(Map.entry("the proof's path does not lead from the transaction to the merkle_root of block 3",
                p -> with(p, "path", flipped(p.getAsJsonArray("path")))));
        forgeries.add(Map.entry("the proof's path does not lead from the transaction to the merkle_root of block 3",
                p -> with(p, "leaf_index", new JsonPrimitive(1))));
        forgeries.add(Map.entry("the proof's tree_size, 4, is not the transaction_count in the header of block 3, 2",
                p -> with(p, "tree_size", new JsonPrimitive(4))));
        forgeries.add(Map.entry("the proof names block 4, which is not in the chain of most work",
                p -> with(p, "block_index", new JsonPrimitive(4))));
        forgeries.add(Map.entry("the proof's merkle_root is not the one in the header of block 3",
                p -> with(p, "merkle_root", new JsonPrimitive("ab".repeat(32)))));
        forgeries.add(Map.entry("the proof is not for transaction " + id,
                p -> with(p, "transaction", new JsonObject())));
        for (Map.Entry<String, UnaryOperator<JsonObject>> forgery : forgeries) {
            try (FakePeer liar = serving(headers, forgery.getValue().apply(proof.deepCopy()))) {
                WalletCommandTest.Run run = confirm(liar.address());
                assertEquals(1, run.exit(), run.out());
                assertTrue(run.err().startsWith("error: not confirmed: " + forgery.getKey()), run.err());
            }
        }
        JsonObject badWork = headers.deepCopy();
        JsonObject second = badWork.getAsJsonArray("headers").get(1).getAsJsonObject();
        second.addProperty("proof", second.get("proof").getAsLong() + 1);
        try (FakePeer liar = serving(badWork, proof)) {
            WalletCommandTest.Run run = confirm(liar.address());
            assertEquals(1, run.exit(), run.out());
            assertEquals("error: not confirmed: no node gave headers that keep every rule", run.err().lines()
                    .filter(line -> line.startsWith("error:")).findFirst().orElse(run.err()));
            assertTrue(run.err().contains("its headers do not keep the rules: block 3 does not link to the hash of block 2")
                    || run.err().contains("its headers do not keep the rules: block 2 has a proof"), run.err());
        }
    }

    FakePeer serving(JsonObject headers, JsonObject proof) throws Exception {
        return new FakePeer(exchange -> FakePeer.answering(200, (exchange.getRequestURI().getPath().equals("/headers")
                ? headers : proof).toString()).handle(exchange));
    }

    static JsonObject with(JsonObject json, String field, JsonElement value) {
        json.add(field, value);
        return json;
    }

    static JsonArray flipped(JsonArray path) {
        JsonArray changed = path.deepCopy();
        String hash = changed.get(0).getAsString();
        changed.set(0, new JsonPrimitive((hash.charAt(0) == '0' ? "1" : "0") + hash.substring(1)));
        return changed;
    }
}
