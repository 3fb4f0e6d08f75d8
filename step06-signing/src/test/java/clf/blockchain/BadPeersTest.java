package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Peers that fail: down, slow, not JSON, the wrong shape, an error, an answer that trickles in. A resolve still
 * finishes within its time limits, uses the good peer, and says what was wrong with each bad one.
 */
// Its time limits are measured: another test class beside it could starve the client past the 2 s connect limit.
@Isolated
class BadPeersTest {

    final List<FakePeer> fakes = new ArrayList<>();

    final List<Socket> held = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        fakes.forEach(FakePeer::close);
        for (Socket socket : held) {
            socket.close();
        }
    }

    /** A fake peer that answers GET /chain with the handler; it stops after the test. */
    String fake(HttpHandler handler) throws IOException {
        FakePeer fake = new FakePeer(handler);
        fakes.add(fake);
        return fake.address();
    }

    /** An address that refuses connections while the test runs: its port is held by a socket that does not listen. */
    String down() throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress("127.0.0.1", 0));
        held.add(socket);
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    @Test
    @Tag("exercise-5.2")
    void aResolveWithBadPeersUsesTheGoodOneAndSaysWhatIsWrongWithTheRest() throws Exception {
        try (TestNode node = new TestNode(); TestNode good = new TestNode()) {
            good.get("/mine");
            good.get("/mine");
            String down = down();
            String slow = fake(FakePeer.slow(30_000));
            String notJson = fake(FakePeer.answering(200, "<html>hello</html>"));
            String wrongShape = fake(FakePeer.answering(200, "{\"blocks\": [], \"length\": 99}"));
            String notBlocks = fake(FakePeer.answering(200, "{\"chain\": [1, 2, 3], \"length\": 3}"));
            String error = fake(FakePeer.answering(500, "{\"error\": \"oops\"}"));
            String trickle = fake(FakePeer::trickling);
            List<String> peers = List.of(good.address(), down, slow, notJson, wrongShape, notBlocks, error, trickle);
            assertEquals(201, node.post("/nodes/register", ConsensusTest.nodes(peers.toArray(String[]::new))).status());

            JsonObject body = node.resolveInTime();
            assertEquals("Our chain was replaced", body.get("message").getAsString());
            assertEquals(good.get("/chain").body(), node.get("/chain").body());
            JsonObject unusable = body.getAsJsonObject("unusable_peers");
            assertEquals(7, unusable.size(), unusable.toString());
            said(unusable, down, "it refused the connection (is it running?)");
            said(unusable, slow, "it did not answer in full within 5 s");
            saidFirst(unusable, notJson, "its answer is not a chain: the body is not valid JSON");
            said(unusable, wrongShape, "its answer is not a chain: it has no \"chain\" list");
            said(unusable, notBlocks, "its answer is not a chain: a block must be a JSON object, not 1");
            said(unusable, error, "it answered 500 to GET /chain");
            said(unusable, trickle, "it did not answer in full within 5 s");
        }
    }

    /** Only a longer chain is judged: a peer whose chain is no longer than ours, even a forged one, is not named. */
    @Test
    @Tag("exercise-5.2")
    void aChainThatIsNotLongerIsNeitherJudgedNorNamed() throws Exception {
        try (TestNode node = new TestNode()) {
            node.get("/mine");
            String before = node.get("/chain").body();
            List<Block> ours = node.node.blockchain().chain();
            Block forged = ValidChainTest.with(ours.get(1), "proof", new JsonPrimitive(1));
            String sameLength = fake(FakePeer.serving(List.of(ours.get(0), forged)));
            String shorter = fake(FakePeer.serving(List.of(forged)));
            assertEquals(201, node.post("/nodes/register", ConsensusTest.nodes(sameLength, shorter)).status());

            JsonObject body = node.resolveInTime();
            assertEquals("Our chain is authoritative", body.get("message").getAsString(), body.toString());
            assertEquals("{}", body.getAsJsonObject("unusable_peers").toString());
            assertEquals(before, node.get("/chain").body());
        }
    }

    /**
     * Our chain may grow while a peer answers: a peer's chain that is then no longer longer than ours replaces
     * nothing, and the resolve does not say that it did.
     */
    @Test
    @Tag("exercise-5.2")
    void aChainThatOursCaughtUpWithDuringTheResolveReplacesNothing() throws Exception {
        try (TestNode node = new TestNode(); TestNode peer = new TestNode()) {
            peer.get("/mine");
            peer.get("/mine");
            String theirs = peer.get("/chain").body();
            Blockchain ours = node.node.blockchain();
            String catchingUp = fake(exchange -> {
                // By now the resolve has noted our length, 1; the peer's 3 blocks are longer than that.
                FakePeer.sleep(500);
                for (int i = 0; i < 2; i++) {
                    ours.newTransaction("0", node.miner.address(), 1);
                    ours.newBlock(ours.proofOfWork(ours.lastBlock()).proof());
                }
                FakePeer.answering(200, theirs).handle(exchange);
            });
            assertEquals(201, node.post("/nodes/register", ConsensusTest.nodes(catchingUp)).status());

            JsonObject body = node.resolveInTime();
            assertEquals("Our chain is authoritative", body.get("message").getAsString(), body.toString());
            assertEquals("{}", body.getAsJsonObject("unusable_peers").toString(), "the peer's chain was valid");
            assertEquals(3, ours.chain().size());
            assertTrue(!node.get("/chain").body().equals(theirs), "our own 3 blocks are kept, not the peer's");
        }
    }

    /** The reason a resolve gave for a peer is exactly the sentence: the cause's words, not a wrapper's. */
    static void said(JsonObject unusable, String peer, String reason) {
        assertEquals(reason, unusable.get(peer).getAsString(), "the reason given for " + peer);
    }

    static void saidFirst(JsonObject unusable, String peer, String start) {
        String reason = unusable.get(peer).getAsString();
        assertTrue(reason.startsWith(start), "wanted a reason that starts with: " + start + "\n   got: " + reason);
    }
}
