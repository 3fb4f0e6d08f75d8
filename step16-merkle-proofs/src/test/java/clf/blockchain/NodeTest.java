package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Clock;
import java.net.http.HttpRequest;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every endpoint of a real node, over HTTP, as the text's curl lines use them. */
class NodeTest {

    TestNode node;

    @BeforeEach
    void start() {
        node = new TestNode();
    }

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    @Tag("exercise-15.1")
    void aNewNodeServesTheGenesisBlock() {
        TestNode.Reply reply = node.get("/chain");
        assertEquals(200, reply.status());
        assertEquals("application/json", reply.response().headers().firstValue("Content-Type").orElse(""));
        JsonObject body = reply.json();
        assertEquals(1, body.get("length").getAsInt());
        JsonObject genesis = body.getAsJsonArray("chain").get(0).getAsJsonObject();
        assertEquals(Set.of("index", "timestamp", "transactions", "proof", "previous_hash", "target",
                "merkle_root", "transaction_count"), genesis.keySet());
        assertEquals("1", genesis.get("previous_hash").toString(), "the number 1, not the string");
        assertEquals(100, genesis.get("proof").getAsLong());
    }

    @Test
    @Tag("exercise-4.1")
    @Tag("exercise-7.1")
    @Tag("exercise-9.1")
    @Tag("exercise-13.1")
    @Tag("exercise-15.1")
    @Tag("exercise-16.1")
    void mineForgesABlockWithTheRewardAndAnswersWithItsFields() {
        TestNode.Reply reply = node.get("/mine");
        assertEquals(200, reply.status());
        JsonObject body = reply.json();
        assertEquals(Set.of("message", "index", "transactions", "proof", "previous_hash", "target", "hash"),
                body.keySet());
        assertEquals("New Block Forged", body.get("message").getAsString());
        assertEquals(2, body.get("index").getAsLong());
        Block mined = node.node.blockchain().lastBlock();
        assertEquals(body.get("proof").getAsLong(), mined.proof());
        assertTrue(mined.validProof());
        assertEquals(Blockchain.hash(mined), body.get("hash").getAsString());
        assertEquals(Target.ofDifficulty(4).hex(), body.get("target").getAsString());
        assertEquals(Blockchain.hash(node.node.blockchain().chain().get(0)), body.get("previous_hash").getAsString());
        JsonArray transactions = body.getAsJsonArray("transactions");
        JsonObject reward = transactions.get(transactions.size() - 1).getAsJsonObject();
        assertEquals("0", reward.get("sender").getAsString());
        assertTrue(reward.get("sender").getAsJsonPrimitive().isString(), "sender \"0\", as the text's chain shows");
        assertEquals(node.miner.address(), reward.get("recipient").getAsString(), "the --miner-key's address");
        assertEquals(1, reward.get("amount").getAsLong());
    }

    @Test
    @Tag("exercise-4.2")
    @Tag("exercise-6.3")
    @Tag("exercise-7.1")
    @Tag("exercise-9.1")
    @Tag("exercise-13.1")
    @Tag("exercise-15.1")
    @Tag("exercise-16.1")
    void newTransactionAnswers201WithTheBlockThatWillHoldIt() {
        node.mine();
        TestNode.Reply reply = node.pay(node.miner, Wallet.create().address(), 1);
        assertEquals(201, reply.status(), reply.body());
        assertEquals("Transaction will be added to Block 3", reply.json().get("message").getAsString());
        assertEquals(1, node.node.blockchain().currentTransactions().size());
    }

    @Test
    @Tag("exercise-4.2")
    @Tag("exercise-6.3")
    @Tag("exercise-7.1")
    @Tag("exercise-9.1")
    @Tag("exercise-13.1")
    @Tag("exercise-15.1")
    @Tag("exercise-16.1")
    void aBodySentInChunksIsReadWhole() {
        // Without a length up front (curl -H "Transfer-Encoding: chunked", or a streaming client), the body comes
        // in chunks; the node reads all of them.
        node.mine();
        SignedTransaction payment = SignedTransaction.sign(node.miner, Wallet.create().address(), 1, 1);
        TestNode.Reply reply = node.send(HttpRequest.newBuilder(node.uri("/transactions/new"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofString(CanonicalJson.write(payment.toJson())))));
        assertEquals(201, reply.status(), reply.body());
    }

    @Test
    @Tag("exercise-4.2")
    @Tag("exercise-6.3")
    @Tag("exercise-7.1")
    @Tag("exercise-9.1")
    @Tag("exercise-13.1")
    @Tag("exercise-15.1")
    @Tag("exercise-16.1")
    void theTextsOtherSpellingTransactionNewWorksToo() {
        node.mine();
        SignedTransaction payment = SignedTransaction.sign(node.miner, Wallet.create().address(), 1, 1);
        TestNode.Reply reply = node.post("/transaction/new", CanonicalJson.write(payment.toJson()));
        assertEquals(201, reply.status(), reply.body());
    }

    @Test
    @Tag("exercise-15.1")
    void aNodeWithoutAMinerAddressDoesNotMine() {
        Node idle = new Node(new Blockchain(Clock.systemUTC()), null).start("127.0.0.1", 0);
        try {
            TestNode.Reply reply = node.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + idle.port() + "/mine")));
            assertEquals(409, reply.status());
            assertTrue(reply.json().get("hint").getAsString().contains("--miner-key miner.pub.pem"), reply.body());
        } finally {
            idle.stop();
        }
    }

    @Test
    @Tag("exercise-6.3")
    @Tag("exercise-7.1")
    @Tag("exercise-9.1")
    @Tag("exercise-13.1")
    @Tag("exercise-15.1")
    @Tag("exercise-16.1")
    void theTokenViewCountsTheCoins() {
        Wallet bob = Wallet.create();
        node.mine();
        node.mine();
        node.pay(node.miner, bob.address(), 2);
        JsonObject token = node.get("/token").json();
        assertEquals("CLF", token.get("symbol").getAsString());
        assertEquals(0, token.get("decimals").getAsInt());
        assertEquals(2, token.get("totalSupply").getAsLong());
        JsonObject miner = node.get("/balances/" + node.miner.address()).json();
        assertEquals(2, miner.get("balanceOf").getAsLong());
        assertEquals(0, miner.get("available").getAsLong(), "the pending payment is counted");
        assertEquals(2, miner.get("nextNonce").getAsLong());
        node.mine();
        assertEquals(2, node.get("/balances/" + bob.address()).json().get("balanceOf").getAsLong());
        assertEquals(3, node.get("/token").json().get("totalSupply").getAsLong());
        assertEquals(400, node.get("/balances/alice").status());
    }

    /**
     * The text's session: genesis, mine, a transaction, mine. Under the text's proof rule the proofs are the text's
     * 35293 and 35089; the transaction is now a signed payment.
     */
    @Test
    @Tag("exercise-4.2")
    @Tag("exercise-6.3")
    @Tag("exercise-7.1")
    @Tag("exercise-9.1")
    @Tag("exercise-13.1")
    @Tag("exercise-15.1")
    @Tag("exercise-16.1")
    void theTextsSampleSession() {
        node.close();
        node = new TestNode(new Blockchain(Clock.systemUTC()));
        node.mine();
        Wallet recipient = Wallet.create();
        assertEquals(201, node.pay(node.miner, recipient.address(), 1).status());
        node.mine();

        JsonObject body = node.get("/chain").json();
        assertEquals(3, body.get("length").getAsInt());
        JsonArray chain = body.getAsJsonArray("chain");
        for (int i = 1; i < chain.size(); i++) {
            assertTrue(Blockchain.hash(Block.fromJson(chain.get(i))).startsWith("0000"), "each hash meets the genesis target of difficulty 4");
        }
        JsonArray third = chain.get(2).getAsJsonObject().getAsJsonArray("transactions");
        assertEquals(2, third.size(), "the posted payment and the reward");
        assertEquals(recipient.address(), third.get(0).getAsJsonObject().get("recipient").getAsString());
        assertEquals("0", third.get(1).getAsJsonObject().get("sender").getAsString());
        for (int i = 1; i < chain.size(); i++) {
            String previous = Blockchain.hash(Block.fromJson(chain.get(i - 1)));
            assertEquals(previous, chain.get(i).getAsJsonObject().get("previous_hash").getAsString());
        }
    }

    @Test
    @Tag("exercise-4.1")
    @Tag("exercise-7.1")
    @Tag("exercise-9.1")
    @Tag("exercise-13.1")
    @Tag("exercise-15.1")
    @Tag("exercise-16.1")
    void theChainIsServedInTheBytesThatHash() {
        node.get("/mine");
        String body = node.get("/chain").body();
        Block block = node.node.blockchain().lastBlock();
        assertTrue(body.contains(block.canonicalJson()), "blocks are written as Python's json.dumps writes them");
        assertTrue(body.endsWith("], \"length\": 2, \"work\": \"131072\"}"), "2 blocks of 2^16 guesses each: " + body);
    }

    @Test
    @Tag("exercise-4.2")
    @Tag("exercise-6.3")
    @Tag("exercise-7.1")
    @Tag("exercise-9.1")
    @Tag("exercise-13.1")
    @Tag("exercise-15.1")
    @Tag("exercise-16.1")
    void thePendingTransactionsAreListedUntilABlockTakesThem() {
        node.mine();
        Wallet bob = Wallet.create();
        assertEquals(201, node.pay(node.miner, bob.address(), 1).status());
        com.google.gson.JsonObject pending = node.get("/transactions/pending").json();
        assertEquals(1, pending.get("length").getAsInt());
        assertEquals(bob.address(), pending.getAsJsonArray("transactions").get(0).getAsJsonObject().get("recipient").getAsString());
        node.mine();
        assertEquals("{\"length\": 0, \"transactions\": []}", node.get("/transactions/pending").body());
    }
}
