package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Three real nodes on this machine, registering each other and agreeing on the longest valid chain. */
class ConsensusTest {

    TestNode a;
    TestNode b;
    TestNode c;

    /** Nodes that do not gossip, so that their chains part until a resolve; GossipTest has the nodes that do. */
    @BeforeEach
    void start() {
        a = TestNode.quiet();
        b = TestNode.quiet();
        c = TestNode.quiet();
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
        c.close();
    }

    static String nodes(String... addresses) {
        return "{\"nodes\": [\"" + String.join("\", \"", addresses) + "\"]}";
    }

    @Test
    @Tag("exercise-9.1")
    @Tag("exercise-15.1")
    void registerAnswers201WithEveryPeer() {
        TestNode.Reply reply = a.post("/nodes/register", nodes(b.address(), "127.0.0.1:" + c.node.port()));
        assertEquals(201, reply.status(), reply.body());
        assertEquals("New nodes have been added", reply.json().get("message").getAsString());
        JsonArray total = reply.json().getAsJsonArray("total_nodes");
        assertEquals(List.of(b.address(), c.address()), List.of(total.get(0).getAsString(), total.get(1).getAsString()));
        assertEquals(201, a.post("/miner/register", nodes(b.address())).status(), "the text's spelling");
        assertEquals(2, a.node.blockchain().nodes().size(), "registering twice keeps one");
        assertEquals("{\"nodes\": [\"" + b.address() + "\", \"" + c.address() + "\"]}", a.get("/nodes").body(),
                "GET /nodes lists them");
    }

    @Test
    @Tag("exercise-9.1")
    @Tag("exercise-15.1")
    void aBadAddressRegistersNothingAndIsNamed() {
        TestNode.Reply reply = a.post("/nodes/register",
                "{\"nodes\": [\"" + b.address() + "\", \"ftp://x:1\", 5001]}");
        assertEquals(400, reply.status());
        String error = reply.json().get("error").getAsString();
        assertTrue(error.contains("\"ftp://x:1\": it starts with ftp://, but a node speaks plain http://"),
                "wanted the address and its rule, got: " + error);
        assertTrue(error.contains("5001: it is not a string"), error);
        assertEquals(0, a.node.blockchain().nodes().size(), "not even the good one");
        assertEquals(400, a.post("/nodes/register", "{\"nodes\": []}").status());
        assertEquals(400, a.post("/nodes/register", "{\"nodes\": \"" + b.address() + "\"}").status());
        assertEquals(400, a.post("/nodes/register", "{\"nodes\": [\"" + b.address() + "\"],}").status(),
                "the text's own trailing comma");
    }
    @Tag("exercise-9.1")

    @Test
    @Tag("exercise-15.1")
    void anAddressThatCannotBeAPeerIsRefusedWithItsRule() {
        for (String[] bad : new String[][] {
            {"localhost:99999", "its port is 99999, and a port is 1 to 65535"},
            {"http://localhost:0", "its port is 0, and a port is 1 to 65535"},
            {"https://" + b.address().substring("http://".length()), "but a node speaks plain http://"},
            {"not a url", "it is not an address such as http://127.0.0.1:5001"},
        }) {
            TestNode.Reply reply = a.post("/nodes/register", nodes(b.address(), bad[0]));
            assertEquals(400, reply.status(), reply.body());
            String error = reply.json().get("error").getAsString();
            assertTrue(error.startsWith("nothing was registered; bad address: \"" + bad[0] + "\": ") && error.contains(bad[1]),
                    "wanted the address and its rule (" + bad[1] + "), got: " + error);
            assertEquals(0, a.node.blockchain().nodes().size(), "not even the good one");
        }
    }

    /** The text's rule is strictly longer: a peer's valid chain of the same length leaves ours as it is. */
    @Test
    @Tag("exercise-5.2")
    @Tag("exercise-7.1")
    @Tag("exercise-8.1")
    @Tag("exercise-9.1")
    @Tag("exercise-13.1")
    @Tag("exercise-15.1")
    @Tag("exercise-16.1")
    void aChainOfTheSameLengthDoesNotReplaceOurs() {
        a.get("/mine");
        b.get("/mine");
        String ours = a.get("/chain").body();
        assertEquals(201, a.post("/nodes/register", nodes(b.address())).status());
        JsonObject body = a.post("/nodes/resolve", "").json();
        assertEquals("Our chain is authoritative", body.get("message").getAsString(), body.toString());
        assertEquals(ours, a.get("/chain").body());
    }

    @Test
    @Tag("exercise-5.2")
    @Tag("exercise-7.1")
    @Tag("exercise-8.1")
    @Tag("exercise-9.1")
    @Tag("exercise-13.1")
    @Tag("exercise-14.2")
    @Tag("exercise-15.2")
    @Tag("exercise-16.1")
    void theLongestValidChainWinsEverywhere() {
        for (TestNode node : List.of(a, b, c)) {
            for (TestNode peer : List.of(a, b, c)) {
                if (peer != node) {
                    assertEquals(201, node.post("/nodes/register", nodes(peer.address())).status());
                }
            }
        }
        a.mine();
        for (int i = 0; i < 3; i++) {
            b.mine();
        }
        c.mine();
        c.mine();

        JsonObject atA = a.get("/nodes/resolve").json();
        assertEquals("Our chain was replaced", atA.get("message").getAsString());
        assertEquals(4, atA.getAsJsonArray("new_chain").size());
        assertEquals("Our chain was replaced", c.send(java.net.http.HttpRequest.newBuilder(c.uri("/nodes/resolve"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())).json().get("message").getAsString());
        JsonObject atB = b.get("/miner/nodes/resolve").json();
        assertEquals("Our chain is authoritative", atB.get("message").getAsString());
        assertEquals(4, atB.getAsJsonArray("chain").size());
        assertEquals(0, atB.getAsJsonObject("unusable_peers").size());

        String chain = b.get("/chain").body();
        assertEquals(chain, a.get("/chain").body());
        assertEquals(chain, c.get("/chain").body());
    }

    /**
     * b mines a shared history; then p1 goes to both nodes, p2 is mined by a alone, p3 waits at a. When a adopts b's
     * longer chain, which holds p1: p1 is not taken twice, p2 goes back to a's pool, p3 stays, and a's reward for
     * its abandoned block is gone.
     */
    @Test
    @Tag("exercise-5.2")
    @Tag("exercise-6.3")
    @Tag("exercise-7.1")
    @Tag("exercise-8.1")
    @Tag("exercise-9.1")
    @Tag("exercise-13.1")
    @Tag("exercise-14.2")
    @Tag("exercise-15.2")
    @Tag("exercise-16.1")
    void pendingTransactionsAlreadyInTheNewChainLeaveThePoolAndNothingIsLost() {
        a.post("/nodes/register", nodes(b.address()));
        for (int i = 0; i < 3; i++) {
            b.mine();
        }
        assertEquals("Our chain was replaced", a.get("/nodes/resolve").json().get("message").getAsString());
        Wallet payer = b.miner;
        String p1 = CanonicalJson.write(SignedTransaction.sign(payer, Wallet.create().address(), 1, 1).toJson());
        String p2 = CanonicalJson.write(SignedTransaction.sign(payer, Wallet.create().address(), 1, 2).toJson());
        String p3 = CanonicalJson.write(SignedTransaction.sign(payer, Wallet.create().address(), 1, 3).toJson());
        assertEquals(201, a.post("/transactions/new", p1).status());
        assertEquals(201, b.post("/transactions/new", p1).status());
        assertEquals(201, a.post("/transactions/new", p2).status());
        a.mine();
        assertEquals(201, a.post("/transactions/new", p3).status());
        for (int i = 0; i < 3; i++) {
            b.mine();
        }

        assertEquals("Our chain was replaced", a.get("/nodes/resolve").json().get("message").getAsString());
        JsonArray pending = a.node.blockchain().currentTransactions();
        assertEquals(2, pending.size(), pending.toString());
        assertEquals(2, pending.get(0).getAsJsonObject().get("nonce").getAsLong(), "p2 is back in the pool");
        assertEquals(3, pending.get(1).getAsJsonObject().get("nonce").getAsLong(), "p3 is still there");
        assertEquals(0, a.node.blockchain().ledger().balance(a.miner.address()), "a's abandoned reward is gone");
        a.mine();
        assertEquals(3, a.node.blockchain().lastBlock().transactions().size(), "p2, p3 and the reward");
    }

    @Test
    @Tag("exercise-5.2")
    @Tag("exercise-7.1")
    @Tag("exercise-8.1")
    @Tag("exercise-9.1")
    @Tag("exercise-13.1")
    @Tag("exercise-15.1")
    @Tag("exercise-16.1")
    void aPeerWithALongerChainOfEasierBlocksIsNotEvenFetched() {
        try (TestNode easy = new TestNode(1)) {
            for (int i = 0; i < 5; i++) {
                easy.mine();
            }
            a.post("/nodes/register", nodes(easy.address()));
            JsonObject reply = a.get("/nodes/resolve").json();
            assertEquals("Our chain is authoritative", reply.get("message").getAsString());
            assertEquals("96", easy.get("/chain").json().get("work").getAsString(), "6 blocks of 16 guesses");
            assertTrue(reply.getAsJsonObject("unusable_peers").isEmpty(), "less work than our 65536: " + reply);
            assertEquals(1, a.node.blockchain().chain().size());
        }
    }

    @Test
    @Tag("exercise-9.1")
    @Tag("exercise-15.1")
    void aNodeThatFindsItselfAmongItsPeersDropsIt() {
        // Registered under a name that the node cannot see through; the resolve recognises its X-Node-Id.
        assertEquals(201, a.post("/nodes/register", nodes("localhost:" + a.node.port())).status());
        JsonObject reply = a.get("/nodes/resolve").json();
        assertEquals("it is this node itself",
                reply.getAsJsonObject("unusable_peers").get("http://localhost:" + a.node.port()).getAsString());
        assertEquals(0, a.node.blockchain().nodes().size());
    }
}
