package clf.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The explorer's server: the page's files, and calls forwarded to the listed nodes only. */
class ExplorerTest {

    HttpServer node;
    Explorer explorer;
    final List<String> seen = new ArrayList<>();
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
        assertEquals(List.of("POST /transactions/new application/json {\"sender\": \"a\"}", "GET /chain?from=2 null "), seen);
    }

    @Test
    void aNodeThatIsDownOrUnknownIsAJsonError() throws Exception {
        HttpResponse<String> down = send("GET", "/api/1/chain", null);
        assertEquals(502, down.statusCode());
        JsonObject error = JsonParser.parseString(down.body()).getAsJsonObject();
        assertTrue(error.get("error").getAsString().startsWith("node 1 (http://127.0.0.1:" + downPort + ") cannot be reached"), down.body());
        assertTrue(error.get("hint").getAsString().contains("is it running?"), down.body());

        for (String path : List.of("/api/2/chain", "/api/x/chain", "/api/0", "/api/")) {
            HttpResponse<String> unknown = send("GET", path, null);
            assertEquals(404, unknown.statusCode(), path);
            assertTrue(unknown.body().contains("GET /api/nodes lists them"), unknown.body());
        }
        assertEquals(405, send("DELETE", "/api/0/chain", null).statusCode());
        assertEquals(List.of(), seen, "nothing reached the node");
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
                new String[] {"--port", "five"}, new String[] {"--colour"})) {
            StringWriter err = new StringWriter();
            int exit = new CommandLine(new Explorer.Options()).setErr(new PrintWriter(err)).execute(args);
            assertEquals(2, exit, String.join(" ", args));
            assertTrue(err.toString().lines().findFirst().orElseThrow().contains(args[0]), err.toString());
            assertTrue(err.toString().contains("Usage: java -jar explorer.jar"), err.toString());
        }
    }
}
