package clf.conformance;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The strict check "a register with one bad address registers none of the list", against two small nodes: one that
 * checks the whole list first, and one that registers each good address as it reads it, as the text's loop does.
 */
class AllOrNothingTest {

    private static final Check CHECK = Level5.checks(Dialect.STRICT).stream()
            .filter(check -> check.name().equals("a register with one bad address registers none of the list"))
            .findFirst().orElseThrow();

    @Test
    void aNodeThatChecksTheWholeListFirstPasses() throws Exception {
        try (Node node = new Node(true); Context context = node.context()) {
            assertDoesNotThrow(() -> CHECK.body().run(context));
        }
    }

    @Test
    void aNodeThatKeepsTheGoodAddressesOfARefusedListFails() throws Exception {
        try (Node node = new Node(false); Context context = node.context()) {
            Failure failure = assertThrows(Failure.class, () -> CHECK.body().run(context));
            assertTrue(failure.getMessage().endsWith("was registered from a list that was refused"), failure.getMessage());
            assertTrue(failure.details().contains("expected: total_nodes without 127.0.0.1:1"), failure.details());
        }
    }

    /** Just POST /nodes/register, in the strict dialect's words. */
    private static final class Node implements AutoCloseable {
        private final HttpServer server;
        private final JsonArray nodes = new JsonArray();

        Node(boolean checksFirst) throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/nodes/register", exchange -> register(exchange, checksFirst));
            server.start();
        }

        private synchronized void register(HttpExchange exchange, boolean checksFirst) throws IOException {
            JsonArray list = JsonParser.parseString(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8)).getAsJsonObject().getAsJsonArray("nodes");
            boolean bad = false;
            for (JsonElement node : list) {
                bad |= !node.getAsString().startsWith("http://");
            }
            for (JsonElement node : list) {
                if (node.getAsString().startsWith("http://") && !(checksFirst && bad) && !nodes.contains(node)) {
                    nodes.add(node);
                }
            }
            JsonObject answer = new JsonObject();
            if (bad) {
                answer.addProperty("error", "a bad address");
                answer.addProperty("hint", "give each node as \"http://host:port\"");
            } else {
                answer.addProperty("message", "New nodes have been added");
                answer.add("total_nodes", nodes);
            }
            byte[] body = answer.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(bad ? 400 : 201, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }

        Context context() {
            return new Context(new NodeClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/")),
                    Dialect.STRICT, 5, "127.0.0.1");
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
