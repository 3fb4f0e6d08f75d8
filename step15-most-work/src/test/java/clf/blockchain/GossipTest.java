package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** Gossip: a block or a payment travels from node to node with no resolve, and nothing travels twice. */
// Alone, not beside the other test classes: its limits are in seconds, and a busy CPU is not what they measure.
@Isolated
class GossipTest {

    final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable node : started) {
            node.close();
        }
    }

    TestNode node() {
        TestNode node = new TestNode();
        started.add(node);
        return node;
    }

    static void register(TestNode node, String... peers) {
        assertEquals(201, node.post("/nodes/register", ConsensusTest.nodes(peers)).status());
    }

    /** Waits until the condition holds, for at most {@code millis}; fails saying what it waited for, and what is. */
    static void within(long millis, BooleanSupplier condition, String what, Supplier<String> instead) {
        long until = System.nanoTime() + millis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                fail("wanted within " + millis + " ms: " + what + "\n   got: " + instead.get());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    static HttpRequest.Builder announcement(TestNode to, String json, String from) {
        HttpRequest.Builder request = HttpRequest.newBuilder(to.uri("/blocks/announce"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        return from == null ? request : request.header(PeerClient.NODE_ADDRESS_HEADER, from);
    }

    /** An announcement of {@code block}, the tip of a chain of {@code work}. */
    static String announce(Block block, Object work) {
        return "{\"index\": " + block.index() + ", \"hash\": \"" + Blockchain.hash(block) + "\", \"work\": \"" + work
                + "\"}";
    }

    @Test
    @Tag("exercise-11.1")
    @Tag("exercise-13.1")
    @Tag("exercise-14.2")
    @Tag("exercise-15.2")
    void threeNodesInALineAgreeWithinTwoSecondsOfAMineWithNoResolve() {
        TestNode a = node();
        TestNode b = node();
        TestNode c = node();
        register(a, b.address());
        register(b, c.address());
        a.mine();
        within(2000, () -> c.node.blockchain().chain().equals(a.node.blockchain().chain()), "C has A's chain",
                () -> c.node.blockchain().chain().size() + " blocks on C, " + a.node.blockchain().chain().size() + " on A");
    }

    @Test
    @Tag("exercise-11.1")
    @Tag("exercise-13.1")
    @Tag("exercise-14.2")
    @Tag("exercise-15.2")
    void aPaymentPostedToAIsPendingOnCWithinTwoSeconds() {
        TestNode a = node();
        TestNode b = node();
        TestNode c = node();
        register(a, b.address());
        register(b, c.address());
        a.mine();
        within(2000, () -> c.node.blockchain().chain().size() == 2, "C has A's block", () -> c.get("/chain").body());
        assertEquals(201, a.pay(a.miner, Wallet.create().address(), 1).status());
        within(2000, () -> c.node.blockchain().currentTransactions().size() == 1, "the payment pending on C",
                () -> c.get("/transactions/pending").body());
        assertEquals(a.node.blockchain().currentTransactions(), c.node.blockchain().currentTransactions());
    }

    @Test
    @Tag("exercise-11.1")
    @Tag("exercise-13.1")
    @Tag("exercise-14.2")
    @Tag("exercise-15.2")
    void twoNodesExchangeAtMostTwoAnnouncementsPerBlock() {
        TestNode a = node();
        TestNode b = node();
        register(a, b.address());
        register(b, a.address());
        for (int i = 0; i < 3; i++) {
            a.mine();
            int length = i + 2;
            within(2000, () -> b.node.blockchain().chain().size() == length, "B has block " + length,
                    () -> b.node.blockchain().chain().size() + " blocks");
        }
        b.mine();
        within(2000, () -> a.node.blockchain().chain().size() == 5, "A has B's block", () -> a.get("/chain").body());
        long sent = a.node.announcementsSent() + b.node.announcementsSent();
        assertTrue(sent <= 2 * 4, "wanted at most 8 announcements for 4 blocks, got " + sent);
    }

    /** A block whose chain breaks a rule is refused, passed on to no one, and after three its sender is forgotten. */
    @Test
    @Tag("exercise-11.1")
    @Tag("exercise-13.1")
    @Tag("exercise-14.2")
    @Tag("exercise-15.1")
    void aBlockThatFailsACheckIsNotPassedOnAndItsSenderIsForgotten() throws Exception {
        TestNode b = node();
        List<String> heard = new CopyOnWriteArrayList<>();
        FakePeer c = new FakePeer(exchange -> {
            heard.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            FakePeer.answering(200, "{\"nodes\": []}").handle(exchange);
        });
        started.add(c);
        Block genesis = b.node.blockchain().lastBlock();
        List<Block> forged = new CopyOnWriteArrayList<>();
        FakePeer mallory = new FakePeer(exchange -> {
            Block bad = forged.get(forged.size() - 1);
            FakePeer.serving(List.of(genesis, bad)).handle(exchange);
        });
        started.add(mallory);
        register(b, c.address(), mallory.address());
        for (int proof = 1; proof <= Gossip.STRIKES; proof++) {
            Block bad = Block.of(2, 1.5, new com.google.gson.JsonArray(), proof,
                    new com.google.gson.JsonPrimitive(Blockchain.hash(genesis)), genesis.target());
            forged.add(bad);
            TestNode.Reply reply = b.send(announcement(b, announce(bad, "99999999999"), mallory.address()));
            assertEquals(400, reply.status(), reply.body());
            String error = reply.json().get("error").getAsString();
            assertTrue(error.startsWith("block 2 was refused: its chain claims more work but is invalid: block 2"),
                    "wanted why block 2 was refused, got: " + error);
        }
        assertEquals(1, b.node.blockchain().chain().size(), "nothing was added");
        assertFalse(b.node.blockchain().nodes().contains(URI.create(mallory.address())),
                "after " + Gossip.STRIKES + " refused blocks, their sender is forgotten: " + b.node.blockchain().nodes());
        // B greets C with its tip, genesis, when C is registered; block 2 it passes on to no one.
        assertFalse(heard.stream().anyMatch(request -> request.startsWith("POST /blocks/announce")
                && !request.contains("\"index\": 1,")), "nothing was passed on: " + heard);
    }

    /** A block announced in the name of a peer that lacks it strikes no one, and its real announcer is still heard. */
    @Test
    @Tag("exercise-11.1")
    @Tag("exercise-13.1")
    @Tag("exercise-14.2")
    @Tag("exercise-15.2")
    void aBlockAnnouncedInTheNameOfAPeerThatLacksItStrikesNoOneAndStopsNothing() {
        TestNode a = node();
        TestNode b = node();
        TestNode c = node();
        a.mine();
        Block block = a.node.blockchain().lastBlock();
        register(c, b.address());
        for (int i = 0; i <= Gossip.STRIKES; i++) {
            TestNode.Reply reply = c.send(announcement(c, announce(block, a.node.blockchain().chainWork()), b.address()));
            assertEquals(400, reply.status(), reply.body());
            assertEquals("block 2 was refused: " + b.address() + " does not hold it in its chain",
                    reply.json().get("error").getAsString());
        }
        assertTrue(c.node.blockchain().nodes().contains(URI.create(b.address())),
                "no strike against b: the header is only the sender's word");
        TestNode.Reply real = c.send(announcement(c, announce(block, a.node.blockchain().chainWork()), a.address()));
        assertEquals(201, real.status(), real.body());
        assertEquals(a.node.blockchain().chain(), c.node.blockchain().chain());
    }

    @Test
    @Tag("exercise-11.1")
    @Tag("exercise-13.1")
    @Tag("exercise-15.1")
    void aBlockKnownOrOnAForkOfNoMoreWorkIsNotFetchedNorPassedOn() {
        TestNode a = node();
        TestNode b = node();
        a.mine();
        Block ours = a.node.blockchain().lastBlock();
        TestNode.Reply known = a.send(announcement(a, announce(ours, a.node.blockchain().chainWork()), b.address()));
        assertEquals(200, known.status(), known.body());
        assertEquals("This node has block 2 already", known.json().get("message").getAsString());
        Block fork = Block.of(2, 1.5, new com.google.gson.JsonArray(), 7, ours.previousHash(), ours.target());
        TestNode.Reply fewer = a.send(announcement(a, announce(fork, a.node.blockchain().chainWork()), b.address()));
        assertEquals(200, fewer.status(), fewer.body());
        assertEquals("Block 2 is on a chain of no more work than ours, which stays",
                fewer.json().get("message").getAsString());
        assertEquals(0, a.node.announcementsSent(), "a has no peers to tell");
    }

    @Test
    @Tag("exercise-15.1")
    void anAnnouncementWithoutItsSenderOrWithABadHashIsRefused() {
        TestNode a = node();
        for (String[] bad : new String[][] {
            {"{\"index\": 2, \"hash\": \"" + "ab".repeat(32) + "\", \"work\": \"9\"}", null, "the header X-Node-Address"},
            {"{\"index\": 2, \"hash\": \"AB\", \"work\": \"9\"}", "http://127.0.0.1:1", "64 lower-case hex digits"},
            {"{\"index\": 2, \"hash\": \"" + "ab".repeat(32) + "\", \"work\": 9}", "http://127.0.0.1:1", "'work' must be a string"},
            {"{\"index\": 2, \"hash\": \"" + "ab".repeat(32) + "\", \"work\": \"-9\"}", "http://127.0.0.1:1", "its chain's work"},
            {"{\"index\": 0, \"hash\": \"" + "ab".repeat(32) + "\", \"work\": \"9\"}", "http://127.0.0.1:1", "'index' must be a positive"},
            {"{\"index\": 2, \"hash\": \"" + "ab".repeat(32) + "\", \"work\": \"9\"}", "ftp://x:1", "X-Node-Address it starts with ftp://"},
        }) {
            TestNode.Reply reply = a.send(announcement(a, bad[0], bad[1]));
            assertEquals(400, reply.status(), reply.body());
            String error = reply.json().get("error").getAsString();
            assertTrue(error.contains(bad[2]), "wanted an error with: " + bad[2] + "\n   got: " + error);
        }
        assertEquals(1, a.node.blockchain().chain().size());
    }

    /** A node of an earlier step announces blocks without the work of its chain: refused, with the reason. */
    @Test
    @Tag("exercise-11.1")
    @Tag("exercise-15.1")
    void aBlockOfANodeOfAnEarlierStepIsRefusedWithTheReason() throws Exception {
        TestNode a = node();
        FakePeer old = new FakePeer(FakePeer.answering(200, PythonNodeTest.pythonChainJson()));
        started.add(old);
        TestNode.Reply reply = a.send(announcement(a, "{\"index\": 2, \"hash\": \"" + "ab".repeat(32) + "\"}",
                old.address()));
        assertEquals(400, reply.status(), reply.body());
        String error = reply.json().get("error").getAsString();
        assertEquals("missing: work; the fields are index, hash, work", error);
        assertEquals(1, a.node.blockchain().chain().size());
    }

    static boolean answers(TestNode client, String address) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(address + "/chain"))).status() == 200;
        } catch (IllegalStateException e) {
            return false;
        }
    }
}
