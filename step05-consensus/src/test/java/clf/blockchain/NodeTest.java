package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Set;
import java.net.http.HttpRequest;
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
    void aNewNodeServesTheGenesisBlock() {
        TestNode.Reply reply = node.get("/chain");
        assertEquals(200, reply.status());
        assertEquals("application/json", reply.response().headers().firstValue("Content-Type").orElse(""));
        JsonObject body = reply.json();
        assertEquals(1, body.get("length").getAsInt());
        JsonObject genesis = body.getAsJsonArray("chain").get(0).getAsJsonObject();
        assertEquals(Set.of("index", "timestamp", "transactions", "proof", "previous_hash"), genesis.keySet());
        assertEquals("1", genesis.get("previous_hash").toString(), "the number 1, not the string");
        assertEquals(100, genesis.get("proof").getAsLong());
    }

    @Test
    @Tag("exercise-4.1")
    void mineForgesABlockWithTheRewardAndAnswersWithItsFields() {
        TestNode.Reply reply = node.get("/mine");
        assertEquals(200, reply.status());
        JsonObject body = reply.json();
        assertEquals(Set.of("message", "index", "transactions", "proof", "previous_hash"), body.keySet());
        assertEquals("New Block Forged", body.get("message").getAsString());
        assertEquals(2, body.get("index").getAsLong());
        assertEquals(35293, body.get("proof").getAsLong());
        assertEquals(Blockchain.hash(node.node.blockchain().chain().get(0)), body.get("previous_hash").getAsString());
        JsonObject reward = body.getAsJsonArray("transactions").get(0).getAsJsonObject();
        assertEquals("0", reward.get("sender").getAsString());
        assertTrue(reward.get("sender").getAsJsonPrimitive().isString(), "sender \"0\", as the text's chain shows");
        assertEquals("test-node", reward.get("recipient").getAsString());
        assertEquals(1, reward.get("amount").getAsLong());
    }

    @Test
    @Tag("exercise-4.2")
    void newTransactionAnswers201WithTheBlockThatWillHoldIt() {
        TestNode.Reply reply = node.post("/transactions/new",
                "{\"sender\": \"d4ee26eee15148ee92c6cd394edd974e\", \"recipient\": \"recipient-address\", \"amount\": 5}");
        assertEquals(201, reply.status());
        assertEquals("Transaction will be added to Block 2", reply.json().get("message").getAsString());
        assertEquals(1, node.node.blockchain().currentTransactions().size());
    }

    @Test
    @Tag("exercise-4.2")
    void aPendingTransactionHoldsExactlyTheAmountPosted() {
        assertEquals(201, node.post("/transactions/new", "{\"sender\": \"a\", \"recipient\": \"b\", \"amount\": 5}").status());
        assertEquals("[{\"amount\": 5, \"recipient\": \"b\", \"sender\": \"a\"}]",
                CanonicalJson.write(node.node.blockchain().currentTransactions()));
    }

    /** The largest amount is the largest 64-bit integer, 9223372036854775807: it is kept exactly, and one more is refused. */
    @Test
    @Tag("exercise-4.2")
    void theLargestAmountIsAcceptedAndOneMoreIsRefused() {
        TestNode.Reply largest = node.post("/transactions/new",
                "{\"sender\": \"a\", \"recipient\": \"b\", \"amount\": 9223372036854775807}");
        assertEquals(201, largest.status(), largest.body());
        assertEquals("[{\"amount\": 9223372036854775807, \"recipient\": \"b\", \"sender\": \"a\"}]",
                CanonicalJson.write(node.node.blockchain().currentTransactions()));
        TestNode.Reply tooLarge = node.post("/transactions/new",
                "{\"sender\": \"a\", \"recipient\": \"b\", \"amount\": 9223372036854775808}");
        assertEquals(400, tooLarge.status(), tooLarge.body());
        assertEquals("'amount' is too large; the largest is 9223372036854775807", tooLarge.json().get("error").getAsString());
        assertEquals(1, node.node.blockchain().currentTransactions().size(), "the refused one is not kept");
    }

    @Test
    @Tag("exercise-4.2")
    void theTextsOtherSpellingTransactionNewWorksToo() {
        TestNode.Reply reply = node.post("/transaction/new", "{\"sender\": \"a\", \"recipient\": \"b\", \"amount\": 1}");
        assertEquals(201, reply.status());
    }

    @Test
    @Tag("exercise-4.2")
    void aBodySentInChunksIsReadWhole() {
        // Without a length up front (curl -H "Transfer-Encoding: chunked", or a streaming client), the body comes
        // in chunks; the node reads all of them.
        TestNode.Reply reply = node.send(HttpRequest.newBuilder(node.uri("/transactions/new"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers
                        .ofString("{\"sender\": \"a\", \"recipient\": \"b\", \"amount\": 1}"))));
        assertEquals(201, reply.status(), reply.body());
    }

    /** The text's session: genesis, mine, a transaction, mine; the proofs are the text's 35293 and 35089. */
    @Test
    @Tag("exercise-4.2")
    void theTextsSampleSession() {
        node.get("/mine");
        node.post("/transactions/new",
                "{\"sender\": \"d4ee26eee15148ee92c6cd394edd974e\", \"recipient\": \"recipient-address\", \"amount\": 5}");
        node.get("/mine");

        JsonObject body = node.get("/chain").json();
        assertEquals(3, body.get("length").getAsInt());
        JsonArray chain = body.getAsJsonArray("chain");
        assertEquals(35293, chain.get(1).getAsJsonObject().get("proof").getAsLong());
        assertEquals(35089, chain.get(2).getAsJsonObject().get("proof").getAsLong());
        JsonArray third = chain.get(2).getAsJsonObject().getAsJsonArray("transactions");
        assertEquals(2, third.size(), "the posted transaction and the reward");
        assertEquals("recipient-address", third.get(0).getAsJsonObject().get("recipient").getAsString());
        for (int i = 1; i < chain.size(); i++) {
            String previous = Blockchain.hash(Block.fromJson(chain.get(i - 1)));
            assertEquals(previous, chain.get(i).getAsJsonObject().get("previous_hash").getAsString());
        }
    }

    @Test
    @Tag("exercise-4.1")
    void theChainIsServedInTheBytesThatHash() {
        node.get("/mine");
        String body = node.get("/chain").body();
        Block block = node.node.blockchain().lastBlock();
        assertTrue(body.contains(block.canonicalJson()), "blocks are written as Python's json.dumps writes them");
        assertTrue(body.endsWith("], \"length\": 2}"), body);
    }
}
