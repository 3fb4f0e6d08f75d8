package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Peers that fail in every way we know: down, slow, not JSON, the wrong shape, an endless answer, an answer
 * that trickles in. A resolve still finishes within its time limits, uses the good peer, and says what was wrong
 * with each bad one.
 */
class BadPeersTest {

    final List<HttpServer> fakes = new ArrayList<>();

    @AfterEach
    void stop() {
        fakes.forEach(fake -> fake.stop(0));
    }

    /** A fake peer on a free port of this machine that answers GET /chain with the handler. */
    String fake(HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/chain", handler);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        fakes.add(server);
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    static HttpHandler answering(int status, String body) {
        return exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        };
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void endless(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        byte[] chunk = ("{\"chain\": [" + "{\"index\": 1}, ".repeat(1000)).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = exchange.getResponseBody()) {
            while (true) {
                out.write(chunk);
            }
        } catch (IOException e) {
            // The node hung up, as it should.
        }
    }

    static void trickling(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (byte b : "{\"chain\": [], \"length\": 0}".getBytes(StandardCharsets.UTF_8)) {
                out.write(b);
                out.flush();
                sleep(1000);
            }
        } catch (IOException e) {
            // The node hung up, as it should.
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    @Tag("exercise-5.1")
    @Tag("exercise-5.2")
    void aResolveWithBadPeersUsesTheGoodOneAndSaysWhatIsWrongWithTheRest() throws Exception {
        try (TestNode node = new TestNode(); TestNode good = new TestNode()) {
            good.get("/mine");
            good.get("/mine");
            String down = "http://127.0.0.1:" + freePort();
            String slow = fake(exchange -> {
                sleep(30_000);
                answering(200, "{}").handle(exchange);
            });
            String notJson = fake(answering(200, "<html>hello</html>"));
            String wrongShape = fake(answering(200, "{\"blocks\": [], \"length\": 99}"));
            String notBlocks = fake(answering(200, "{\"chain\": [1, 2, 3], \"length\": 3}"));
            String error = fake(answering(500, "{\"error\": \"oops\"}"));
            String endless = fake(BadPeersTest::endless);
            String trickle = fake(BadPeersTest::trickling);
            List<String> peers = List.of(good.address(), down, slow, notJson, wrongShape, notBlocks, error, endless, trickle);
            assertEquals(201, node.post("/nodes/register", ConsensusTest.nodes(peers.toArray(String[]::new))).status());

            long started = System.nanoTime();
            TestNode.Reply reply = node.get("/nodes/resolve");
            double seconds = (System.nanoTime() - started) / 1e9;

            assertEquals(200, reply.status(), reply.body());
            assertTrue(seconds < PeerClient.REPLY_TIMEOUT.toSeconds() + 3, "the resolve took " + seconds + " s");
            JsonObject body = reply.json();
            assertEquals("Our chain was replaced", body.get("message").getAsString());
            assertEquals(good.get("/chain").body(), node.get("/chain").body());
            JsonObject unusable = body.getAsJsonObject("unusable_peers");
            assertEquals(8, unusable.size(), unusable.toString());
            assertTrue(unusable.get(down).getAsString().contains("refused the connection"), unusable.toString());
            assertTrue(unusable.get(slow).getAsString().contains("within 5 s"), unusable.toString());
            assertTrue(unusable.get(notJson).getAsString().contains("not a chain: the body is not valid JSON"), unusable.toString());
            assertTrue(unusable.get(wrongShape).getAsString().contains("no \"chain\" list"), unusable.toString());
            assertTrue(unusable.get(notBlocks).getAsString().contains("a block must be a JSON object"), unusable.toString());
            assertTrue(unusable.get(error).getAsString().contains("answered 500"), unusable.toString());
            assertTrue(unusable.get(endless).getAsString().contains("larger than 64 MiB")
                    || unusable.get(endless).getAsString().contains("within 5 s"), unusable.toString());
            assertTrue(unusable.get(trickle).getAsString().contains("within 5 s"), unusable.toString());
        }
    }
}
