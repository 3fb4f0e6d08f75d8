package clf.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The checks of levels 11 and 12 fail a node that breaks their rule, and say which: small nodes that each break one,
 * a node that tells a block back to the peer that announced it, one that passes a block on before it checks it, one
 * that lists itself at GET /nodes, and one that adds itself when a peer lists it. (That the workshop's nodes of steps
 * 11 and 12 pass them is WorkshopNodesIT; that one that announces nothing fails, BrokenNodesIT.)
 */
class GossipChecksTest {

    static Check check(List<Check> checks, String startsWith) {
        return checks.stream().filter(check -> check.name().startsWith(startsWith)).findFirst().orElseThrow();
    }

    static Failure fails(Fake node, Check check) throws Exception {
        try (Context context = node.context()) {
            return assertThrows(Failure.class, () -> check.body().run(context), check.name());
        }
    }

    @Test
    void aNodeThatTellsABlockBackToItsSenderFails() throws Exception {
        try (Fake node = new Fake(Fake.Kind.TELLS_THE_SENDER)) {
            Failure failure = fails(node, check(Level11.checks(), "a valid block announced by a peer"));
            assertEquals("the node announced block 2 back to its sender", failure.getMessage());
            assertTrue(failure.details().contains("sent:     POST /blocks/announce {\"index\": 2, \"hash\": \""),
                    failure.details());
            assertTrue(failure.details().contains("(X-Node-Address: http://127.0.0.1:"), failure.details());
        }
    }

    @Test
    void aNodeThatPassesABlockOnBeforeItChecksItFails() throws Exception {
        try (Fake node = new Fake(Fake.Kind.PASSES_ON_UNCHECKED)) {
            Failure failure = fails(node, check(Level11.checks(), "an invalid block announced by a peer"));
            assertEquals("the node passed block 2, which breaks a rule, on to its other peer", failure.getMessage());
            assertTrue(failure.details().contains("got:      HTTP 400"), failure.details());
        }
    }

    @Test
    void aNodeThatListsItselfFails() throws Exception {
        try (Fake node = new Fake(Fake.Kind.LISTS_ITSELF)) {
            Failure failure = fails(node, check(Level12.checks(), "GET /nodes lists the peers"));
            assertEquals("'nodes' holds the node itself, 127.0.0.1:" + node.port(), failure.getMessage());
        }
    }

    @Test
    void aNodeThatAddsItselfWhenAPeerListsItFails() throws Exception {
        try (Fake node = new Fake(Fake.Kind.ADDS_ITSELF)) {
            Failure failure = fails(node, check(Level12.checks(), "the node adds the peers"));
            assertEquals("the node added itself, 127.0.0.1:" + node.port() + ", which its peer listed", failure.getMessage());
        }
    }

    /** A node of the strict dialect with just what the checks use, and one rule broken. */
    static final class Fake implements AutoCloseable {

        enum Kind { TELLS_THE_SENDER, PASSES_ON_UNCHECKED, LISTS_ITSELF, ADDS_ITSELF }

        private final Kind kind;
        private final HttpServer server;
        private final HttpClient client = HttpClient.newHttpClient();
        private final List<String> peers = new CopyOnWriteArrayList<>();
        private volatile JsonArray chain = JsonParser.parseString("[{\"index\": 1, \"previous_hash\": 1, \"proof\": 100,"
                + " \"timestamp\": 1700000000.123, \"transactions\": []}]").getAsJsonArray();

        Fake(Kind kind) throws IOException {
            this.kind = kind;
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", this::handle);
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        String self() {
            return "http://127.0.0.1:" + port();
        }

        Context context() {
            return new Context(new NodeClient(URI.create(self() + "/")), Dialect.STRICT, 12, "127.0.0.1");
        }

        private void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                if (path.equals("/nodes/register")) {
                    for (JsonElement peer : JsonParser.parseString(body).getAsJsonObject().getAsJsonArray("nodes")) {
                        if (!peers.contains(peer.getAsString())) {
                            peers.add(peer.getAsString());
                        }
                    }
                    JsonObject answer = message("New nodes have been added");
                    answer.add("total_nodes", list(peers));
                    send(exchange, 201, answer);
                } else if (path.equals("/nodes")) {
                    if (kind == Kind.ADDS_ITSELF) {
                        for (String peer : List.copyOf(peers)) {
                            for (JsonElement theirs : get(peer, "/nodes").getAsJsonArray("nodes")) {
                                if (!peers.contains(theirs.getAsString())) {
                                    peers.add(theirs.getAsString());
                                }
                            }
                        }
                    }
                    List<String> listed = new CopyOnWriteArrayList<>(peers);
                    if (kind == Kind.LISTS_ITSELF) {
                        listed.add(self());
                    }
                    JsonObject answer = new JsonObject();
                    answer.add("nodes", list(listed));
                    send(exchange, 200, answer);
                } else if (path.equals("/chain")) {
                    String query = exchange.getRequestURI().getQuery();
                    int from = query == null ? 1 : Integer.parseInt(query.replace("from=", ""));
                    JsonArray part = new JsonArray();
                    for (int i = from - 1; i < chain.size(); i++) {
                        part.add(chain.get(i));
                    }
                    JsonObject answer = new JsonObject();
                    answer.add("chain", part);
                    if (from != 1) {
                        answer.addProperty("from", from);
                    }
                    answer.addProperty("length", chain.size());
                    send(exchange, 200, answer);
                } else if (path.equals("/blocks/announce")) {
                    String sender = exchange.getRequestHeaders().getFirst("X-Node-Address");
                    // Passed on to every peer, the sender too, and before any check.
                    for (String peer : peers) {
                        if (kind == Kind.TELLS_THE_SENDER || !peer.equals(sender)) {
                            client.send(HttpRequest.newBuilder(URI.create(peer + "/blocks/announce"))
                                    .header("X-Node-Address", self()).POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(), HttpResponse.BodyHandlers.discarding());
                        }
                    }
                    if (kind == Kind.PASSES_ON_UNCHECKED) {
                        JsonObject refused = new JsonObject();
                        refused.addProperty("error", "the block was refused, after it was passed on");
                        refused.addProperty("hint", "check a block first");
                        send(exchange, 400, refused);
                    } else {
                        chain = get(sender, "/chain").getAsJsonArray("chain");
                        send(exchange, 201, message("Block added"));
                    }
                } else {
                    send(exchange, 404, message("not here"));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                send(exchange, 500, message("interrupted"));
            }
        }

        private JsonObject get(String peer, String path) throws IOException, InterruptedException {
            return JsonParser.parseString(client.send(HttpRequest.newBuilder(URI.create(peer + path)).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).getAsJsonObject();
        }

        private static JsonArray list(List<String> items) {
            JsonArray list = new JsonArray();
            items.forEach(list::add);
            return list;
        }

        private static JsonObject message(String text) {
            JsonObject body = new JsonObject();
            body.addProperty("message", text);
            return body;
        }

        private static void send(HttpExchange exchange, int status, JsonObject body) throws IOException {
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
