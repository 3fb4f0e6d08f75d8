package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A resolve against a peer that shares our history fetches only the blocks after our last one
 * ({@code GET /chain?from=N}), checks that they follow it, and checks nothing before it again.
 */
class IncrementalSyncTest {

    TestNode a;
    TestNode b;
    final PeerClient peers = new PeerClient("incremental-sync-test");

    @BeforeEach
    void start() {
        // Nodes that do not gossip: what a resolve fetches is this test's to see.
        a = new TestNode(new Blockchain(new ProofOfWork(2), java.time.Clock.systemUTC()), false);
        b = new TestNode(new Blockchain(new ProofOfWork(2), java.time.Clock.systemUTC()), false);
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
    }

    static void mine(TestNode node, int blocks) {
        for (int i = 0; i < blocks; i++) {
            assertEquals(200, node.get("/mine").status());
        }
    }

    URI addressOf(TestNode node) {
        return URI.create(node.address());
    }

    @Test
    @Tag("exercise-9.1")
    @Tag("exercise-13.1")
    void chainFromSendsOnlyTheBlocksFromThatIndexOn() {
        mine(a, 4);
        JsonObject part = a.get("/chain?from=3").json();
        assertEquals(3, part.get("from").getAsInt());
        assertEquals(5, part.get("length").getAsInt());
        assertEquals(3, part.getAsJsonArray("chain").size());
        assertEquals(3, part.getAsJsonArray("chain").get(0).getAsJsonObject().get("index").getAsInt());
        assertEquals(a.get("/chain").body(), a.get("/chain?from=1").body(), "from=1 is the text's whole answer");
        assertEquals(0, a.get("/chain?from=6").json().getAsJsonArray("chain").size(), "nothing after the last");
        JsonObject past = a.get("/chain?from=9").json();
        assertEquals(0, past.getAsJsonArray("chain").size(), "nothing past the end either");
        assertEquals(5, past.get("length").getAsInt());
    }

    @Test
    @Tag("exercise-9.1")
    @Tag("exercise-13.1")
    void aBadFromIsRefusedWith400() {
        mine(a, 1);
        for (String from : List.of("0", "-1", "two", "", "1234567890")) {
            TestNode.Reply reply = a.get("/chain?from=" + from);
            assertEquals(400, reply.status(), from);
            assertTrue(reply.json().get("hint").getAsString().contains("a whole number from 1"), reply.body());
        }
    }

    @Test
    @Tag("exercise-8.1")
    @Tag("exercise-9.1")
    @Tag("exercise-13.1")
    void aPeerThatIsBehindIsNotLongerAndNotUnusable() {
        mine(b, 1);
        mine(a, 4);
        a.node.blockchain().registerNodes(List.of(addressOf(b)));
        JsonObject body = a.get("/nodes/resolve").json();
        assertEquals("Our chain is authoritative", body.get("message").getAsString());
        assertEquals(0, body.getAsJsonObject("unusable_peers").size(), body.toString());
    }

    @Test
    @Tag("exercise-8.1")
    @Tag("exercise-9.1")
    @Tag("exercise-13.1")
    void aPeerAheadOnOurHistoryIsFollowedWithOnlyItsNewBlocks() {
        mine(a, 5);
        b.node.blockchain().registerNodes(List.of(addressOf(a)));
        assertTrue(new Consensus(b.node.blockchain()).resolveConflicts(peers).replaced());
        mine(a, 3);
        CheckedChain ours = b.node.blockchain().snapshot();
        ChainValidator.Candidate candidate = new Consensus(b.node.blockchain()).candidate(peers, addressOf(a), ours).join().orElseThrow();
        assertEquals(ours.blocks().size(), candidate.trusted(), "our 6 blocks are not checked again");
        assertEquals(a.node.blockchain().chain(), candidate.blocks());

        assertTrue(new Consensus(b.node.blockchain()).resolveConflicts(peers).replaced());
        assertEquals(a.node.blockchain().chain(), b.node.blockchain().chain());
    }

    @Test
    @Tag("exercise-6.3")
    @Tag("exercise-8.1")
    @Tag("exercise-9.1")
    @Tag("exercise-13.1")
    void theLedgerOfTheNewBlocksIsReplayedOnOurs() {
        mine(a, 2);
        b.node.blockchain().registerNodes(List.of(addressOf(a)));
        new Consensus(b.node.blockchain()).resolveConflicts(peers);
        String bob = Wallet.create().address();
        assertEquals(201, a.pay(a.miner, bob, 2).status());
        mine(a, 1);
        CheckedChain ours = b.node.blockchain().snapshot();
        assertEquals(ours.blocks().size(), new Consensus(b.node.blockchain()).candidate(peers, addressOf(a), ours).join().orElseThrow().trusted());
        assertTrue(new Consensus(b.node.blockchain()).resolveConflicts(peers).replaced());
        assertEquals(2, b.node.blockchain().ledger().balance(bob));
        assertEquals(a.node.blockchain().ledger().balance(a.miner.address()),
                b.node.blockchain().ledger().balance(a.miner.address()));
    }

    @Test
    @Tag("exercise-8.1")
    @Tag("exercise-9.1")
    @Tag("exercise-13.1")
    void aPeerThatForkedBeforeOurLastBlockIsFetchedWhole() {
        mine(a, 2);
        b.node.blockchain().registerNodes(List.of(addressOf(a)));
        new Consensus(b.node.blockchain()).resolveConflicts(peers);
        mine(b, 1);
        mine(a, 3);
        CheckedChain ours = b.node.blockchain().snapshot();
        ChainValidator.Candidate candidate = new Consensus(b.node.blockchain()).candidate(peers, addressOf(a), ours).join().orElseThrow();
        assertEquals(0, candidate.trusted(), "our last block is not the peer's: everything is checked");
        assertTrue(new Consensus(b.node.blockchain()).resolveConflicts(peers).replaced());
        assertEquals(a.node.blockchain().chain(), b.node.blockchain().chain());
    }

    @Test
    @Tag("exercise-8.1")
    @Tag("exercise-9.1")
    @Tag("exercise-13.1")
    void newBlocksThatDoNotFollowOurLastAreRefused() throws Exception {
        mine(a, 3);
        b.node.blockchain().registerNodes(List.of(addressOf(a)));
        new Consensus(b.node.blockchain()).resolveConflicts(peers);
        CheckedChain ours = b.node.blockchain().snapshot();
        // A peer that sends our last block, then a block whose proof is not valid after it.
        Block last = ours.blocks().get(ours.blocks().size() - 1);
        JsonObject forged = a.node.blockchain().lastBlock().toJson();
        forged.addProperty("index", last.index() + 1);
        forged.addProperty("previous_hash", Blockchain.hash(last));
        long badProof = 0;
        while (Block.fromJson(forged).withProof(badProof).validProof()) {
            badProof++;
        }
        forged.addProperty("proof", badProof);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("{\"chain\": [" + last.canonicalJson() + ", " + CanonicalJson.write(forged)
                + "], \"from\": " + last.index() + ", \"length\": " + (last.index() + 1) + "}")
                .getBytes(StandardCharsets.US_ASCII));
        List<String> asked = new ArrayList<>();
        try (FakePeer fake = new FakePeer(exchange -> {
            asked.add(exchange.getRequestURI().toString());
            exchange.sendResponseHeaders(200, body.size());
            exchange.getResponseBody().write(body.toByteArray());
            exchange.close();
        })) {
            Blockchain blockchain = b.node.blockchain();
            blockchain.registerNodes(List.of(URI.create(fake.address())));
            Consensus.Resolution resolution = new Consensus(blockchain).resolveConflicts(peers);
            assertFalse(resolution.replaced());
            assertEquals(ours.blocks(), blockchain.chain());
            assertEquals(List.of("/chain?from=" + last.index()), asked, "only the part after our last block");
            assertTrue(resolution.unusablePeers().values().stream().anyMatch(reason -> reason.equals(
                    "its chain is longer but invalid: block " + (last.index() + 1)
                            + " has a proof that the rule does not accept")), resolution.unusablePeers().toString());
        }
    }
}
