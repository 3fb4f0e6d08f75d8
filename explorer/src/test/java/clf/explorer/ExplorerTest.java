package clf.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The explorer's server: the page's files, calls forwarded to the nodes of its network only, and the network it finds. */
class ExplorerTest {

    HttpServer node;
    Explorer explorer;
    final List<String> seen = new CopyOnWriteArrayList<>();
    final List<HttpServer> fakes = new ArrayList<>();
    final HttpClient client = HttpClient.newHttpClient();
    int downPort;

    @BeforeEach
    void start() throws Exception {
        node = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        node.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " " + body);
            byte[] reply = "{\"message\": \"Transaction will be added to Block 2\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        node.start();
        try (ServerSocket socket = new ServerSocket(0)) {
            downPort = socket.getLocalPort();
        }
        explorer = new Explorer(Forwarder.nodes("http://127.0.0.1:" + node.getAddress().getPort() + ",127.0.0.1:" + downPort))
                .start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        explorer.stop();
        node.stop(0);
        fakes.forEach(fake -> fake.stop(0));
    }

    /** What reached the node but the explorer's own GET /nodes, by which it finds the network. */
    List<String> forwarded() {
        return seen.stream().filter(request -> !request.startsWith("GET /nodes null")).toList();
    }

    /** A node that answers GET /nodes only, naming itself {@code id} in X-Node-Id, with the peers it lists now. */
    String fake(String id, List<String> peers) throws Exception {
        HttpServer fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fake.createContext("/nodes", exchange -> {
            JsonArray list = new JsonArray();
            peers.forEach(list::add);
            JsonObject body = new JsonObject();
            body.add("nodes", list);
            byte[] reply = body.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Node-Id", id);
            exchange.sendResponseHeaders(200, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        fake.start();
        fakes.add(fake);
        return "http://127.0.0.1:" + fake.getAddress().getPort();
    }

    static List<String> addresses(Network network) {
        return network.nodes().stream().map(node -> node.address().toString()).toList();
    }

    HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + explorer.port() + path));
        request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePageAndItsScriptsAreServed() throws Exception {
        HttpResponse<String> page = send("GET", "/", null);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<script src=\"canonical.js\"></script>"), page.body());
        assertEquals(200, send("GET", "/canonical.js", null).statusCode());
        assertEquals(200, send("GET", "/explorer.js", null).statusCode());
        assertEquals(404, send("GET", "/nothing.js", null).statusCode());
    }

    @Test
    void theNodesAreListedAndCallsGoToTheOneNamed() throws Exception {
        JsonObject nodes = JsonParser.parseString(send("GET", "/api/nodes", null).body()).getAsJsonObject();
        assertEquals("[\"http://127.0.0.1:" + node.getAddress().getPort() + "\",\"http://127.0.0.1:" + downPort + "\"]",
                nodes.get("nodes").toString());

        HttpResponse<String> reply = send("POST", "/api/0/transactions/new", "{\"sender\": \"a\"}");
        assertEquals(201, reply.statusCode(), "the node's status");
        assertEquals("{\"message\": \"Transaction will be added to Block 2\"}", reply.body(), "and its body");
        send("GET", "/api/0/chain?from=2", null);
        assertEquals(List.of("POST /transactions/new application/json {\"sender\": \"a\"}", "GET /chain?from=2 null "), forwarded());
    }

    @Test
    void aNodeThatIsDownOrUnknownIsAJsonError() throws Exception {
        HttpResponse<String> down = send("GET", "/api/1/chain", null);
        assertEquals(502, down.statusCode());
        JsonObject error = JsonParser.parseString(down.body()).getAsJsonObject();
        assertTrue(error.get("error").getAsString().startsWith("node 1 (http://127.0.0.1:" + downPort + ") cannot be reached"), down.body());
        assertTrue(error.get("hint").getAsString().contains("is it running?"), down.body());
        assertFalse(down.body().contains("java."), "a sentence, not a Java class name: " + down.body());

        for (String path : List.of("/api/2/chain", "/api/x/chain", "/api/0", "/api/")) {
            HttpResponse<String> unknown = send("GET", path, null);
            assertEquals(404, unknown.statusCode(), path);
            assertTrue(unknown.body().contains("GET /api/nodes lists them"), unknown.body());
        }
        assertEquals(405, send("DELETE", "/api/0/chain", null).statusCode());
        assertEquals(List.of(), forwarded(), "nothing reached the node");
    }

    @Test
    void nodeAddressesAreCheckedAtStart() {
        assertEquals(List.of(URI.create("http://localhost:5000"), URI.create("https://example.org")),
                Forwarder.nodes("localhost:5000, https://example.org"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Forwarder.nodes("ftp://x:1"));
        assertEquals("--nodes: \"ftp://x:1\" is not a node address, such as http://localhost:5000", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Forwarder.nodes("http://x:5000/chain"));
    }

    @Test
    void aBadCommandLineIsRefusedWithASentenceAndExitCode2() {
        for (String[] args : List.of(new String[] {"--nodes", "ftp://x:1"}, new String[] {"--port", "70000"},
                new String[] {"--port", "five"}, new String[] {"--max-nodes", "0"}, new String[] {"--colour"})) {
            StringWriter err = new StringWriter();
            int exit = new CommandLine(new Explorer.Options()).setErr(new PrintWriter(err)).execute(args);
            assertEquals(2, exit, String.join(" ", args));
            assertTrue(err.toString().lines().findFirst().orElseThrow().contains(args[0]), err.toString());
            assertTrue(err.toString().contains("Usage: java -jar explorer.jar"), err.toString());
        }
    }

    /**
     * Three nodes in a line, A - B - C, and the explorer given A alone: it finds B from A, C from B, and takes
     * B's name for A (another address, the same X-Node-Id) for A, not for a fourth node.
     */
    @Test
    void oneAddressIsEnoughTheRestIsFoundThroughGetNodes() throws Exception {
        List<String> ofA = new CopyOnWriteArrayList<>();
        List<String> ofB = new CopyOnWriteArrayList<>();
        String a = fake("node-a", ofA);
        String b = fake("node-b", ofB);
        String c = fake("node-c", List.of(b));
        ofA.add(b);
        ofB.addAll(List.of(a.replace("127.0.0.1", "localhost"), c, "ftp://not-a-node:1"));
        Network network = new Network(Forwarder.nodes(a), Network.DEFAULT_LIMIT);
        network.crawl();
        assertEquals(List.of(a, b, c), addresses(network));
        assertEquals("[[0,1],[1,2]]", network.toJson().get("links").toString());
        assertEquals(List.of(URI.create(c)), network.nodes().get(1).peers().subList(1, 2));

        // A fourth node joins, listed by C: the next round shows it, and the first three keep their places.
        String d = fake("node-d", List.of(c));
        List<String> ofC = new CopyOnWriteArrayList<>(List.of(b, d));
        fakes.get(2).removeContext("/nodes");
        fakes.get(2).createContext("/nodes", exchange -> {
            byte[] reply = ("{\"nodes\": [\"" + String.join("\", \"", ofC) + "\"]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("X-Node-Id", "node-c");
            exchange.sendResponseHeaders(200, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        network.crawl();
        assertEquals(List.of(a, b, c, d), addresses(network));
        assertEquals("[[0,1],[1,2],[2,3]]", network.toJson().get("links").toString());
    }

    @Test
    void anAddressThatDoesNotAnswerAsANodeIsNotShownAndTheLimitHolds() throws Exception {
        int dead;
        try (ServerSocket socket = new ServerSocket(0)) {
            dead = socket.getLocalPort();
        }
        String notANode = "http://127.0.0.1:" + node.getAddress().getPort();
        String b = fake("node-b", List.of());
        String c = fake("node-c", List.of());
        String a = fake("node-a", List.of("http://127.0.0.1:" + dead, notANode, b, c));
        Network network = new Network(Forwarder.nodes(a), 2);
        network.crawl();
        assertEquals(List.of(a, b), addresses(network), "the dead address and the server that is no node are left out");
        JsonObject json = network.toJson();
        assertTrue(json.get("more").getAsBoolean(), "C is beyond the limit of 2: " + json);
        assertEquals(2, json.get("limit").getAsInt());
    }

    @Test
    void theApiListsTheNetworkThatTheExplorerFinds() throws Exception {
        List<String> ofA = new CopyOnWriteArrayList<>();
        String a = fake("node-a", ofA);
        String b = fake("node-b", List.of(a));
        ofA.add(b);
        Explorer found = new Explorer(Forwarder.nodes(a)).start("127.0.0.1", 0);
        try {
            JsonObject nodes = null;
            for (int i = 0; i < 100; i++) {
                HttpResponse<String> reply = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + found.port()
                        + "/api/nodes")).build(), HttpResponse.BodyHandlers.ofString());
                nodes = JsonParser.parseString(reply.body()).getAsJsonObject();
                if (nodes.getAsJsonArray("nodes").size() == 2) {
                    break;
                }
                Thread.sleep(50);
            }
            assertEquals("[\"" + a + "\",\"" + b + "\"]", nodes.get("nodes").toString(), nodes.toString());
            assertEquals("[[0,1]]", nodes.get("links").toString());
            assertEquals("[\"" + a + "\"]", nodes.getAsJsonArray("network").get(1).getAsJsonObject().get("peers").toString());
        } finally {
            found.stop();
        }
    }
}
