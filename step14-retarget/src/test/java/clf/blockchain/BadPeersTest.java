package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
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
 * Peers that fail in every way we know: down, slow, not JSON, the wrong shape, an error, an endless answer, an
 * answer that trickles in. A resolve still finishes within its time limits, uses the good peer, and says what was
 * wrong with each bad one.
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
    @Tag("exercise-7.1")
    @Tag("exercise-8.1")
    @Tag("exercise-9.1")
    @Tag("exercise-13.1")
    @Tag("exercise-14.2")
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
            String endless = fake(FakePeer::endless);
            String trickle = fake(FakePeer::trickling);
            List<String> peers = List.of(good.address(), down, slow, notJson, wrongShape, notBlocks, error, endless, trickle);
            assertEquals(201, node.post("/nodes/register", ConsensusTest.nodes(peers.toArray(String[]::new))).status());

            JsonObject body = node.resolveInTime();
            assertEquals("Our chain was replaced", body.get("message").getAsString());
            assertEquals(good.get("/chain").body(), node.get("/chain").body());
            JsonObject unusable = body.getAsJsonObject("unusable_peers");
            assertEquals(8, unusable.size(), unusable.toString());
            said(unusable, down, "it refused the connection (is it running?)");
            said(unusable, slow, "it did not answer in full within 5 s");
            saidFirst(unusable, notJson, "its answer is not a chain: the body is not valid JSON");
            said(unusable, wrongShape, "its answer is not a chain: it has no \"chain\" list");
            said(unusable, notBlocks, "its answer is not a chain: a block must be a JSON object, not 1");
            said(unusable, error, "it answered 500 to GET /chain");
            String endlessly = unusable.get(endless).getAsString();
            assertTrue(endlessly.equals("its answer is larger than 64 MiB")
                    || endlessly.equals("it did not answer in full within 5 s"), "got: " + endlessly);
            said(unusable, trickle, "it did not answer in full within 5 s");
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
