package clf.explorer;

import com.google.gson.JsonObject;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Forwards the page's calls to the nodes: {@code GET /api/nodes} lists them and the links between them, and
 * {@code /api/N/PATH} is {@code PATH} on node N, with the same method, query, content type and body. Only the nodes of
 * the {@link Network} are reached: those given, and those found from them, so the explorer is no open proxy. A node
 * that cannot be reached is a 502 with a JSON error, as every other refusal.
 */
final class Forwarder implements HttpHandler {

    /** Mining at the text's difficulty takes seconds; on a slow machine, longer. */
    static final Duration TIMEOUT = Duration.ofSeconds(120);
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final Network network;
    /** HTTP/1.1, as the nodes speak it: no h2c upgrade, which some servers stall on when the request has a body. */
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    Forwarder(Network network) {
        this.network = network;
    }

    /** Reads "http://localhost:5000,localhost:5001" as node addresses. */
    static List<URI> nodes(String value) {
        List<URI> nodes = new ArrayList<>();
        for (String address : value.split(",")) {
            try {
                nodes.add(node(address));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--nodes: " + e.getMessage());
            }
        }
        return nodes;
    }

    /** Reads one node's address, "http://localhost:5000" or "localhost:5000", as http(s)://host:port. */
    static URI node(String address) {
        String text = address.strip();
        try {
            URI uri = new URI(text.contains("://") ? text : "http://" + text);
            if (!List.of("http", "https").contains(uri.getScheme()) || uri.getHost() == null
                    || !(uri.getPath().isEmpty() || uri.getPath().equals("/"))) {
                throw new URISyntaxException(text, "a node is http(s)://host:port");
            }
            return URI.create(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not a node address, such as http://localhost:5000");
        }
    }

    /** Why a node could not be reached, in a sentence. */
    static String reason(IOException failure) {
        if (failure instanceof HttpConnectTimeoutException) {
            return "it did not accept a connection within 2 s";
        }
        if (failure instanceof HttpTimeoutException) {
            return "it did not answer in time";
        }
        if (failure instanceof ConnectException) {
            return failure.getCause() instanceof UnresolvedAddressException
                    ? "its host name is not known" : "it refused the connection";
        }
        return "the connection failed (" + (failure.getMessage() == null ? "no answer" : failure.getMessage()) + ")";
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String path = exchange.getRelativePath();
        if (path.equals("/nodes")) {
            send(exchange, 200, network.toJson().toString());
            return;
        }
        List<Network.Known> nodes = network.nodes();
        String[] parts = path.split("/", 3);
        int index;
        try {
            index = Integer.parseInt(parts[1]);
        } catch (RuntimeException e) {
            index = -1;
        }
        if (index < 0 || index >= nodes.size() || parts.length < 3) {
            send(exchange, 404, error("there is no " + path + " here", "the explorer forwards /api/N/PATH to node N,"
                    + " from 0 to " + (nodes.size() - 1) + "; GET /api/nodes lists them"));
            return;
        }
        String method = exchange.getRequestMethod().toString();
        if (!method.equals("GET") && !method.equals("POST")) {
            send(exchange, 405, error("the explorer forwards GET and POST only", "use GET or POST"));
            return;
        }
        exchange.startBlocking();
        byte[] body = exchange.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            send(exchange, 413, error("the body is larger than 64 KiB", "send a smaller body"));
            return;
        }
        URI node = nodes.get(index).address();
        String query = exchange.getQueryString().isEmpty() ? "" : "?" + exchange.getQueryString();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node + "/" + parts[2] + query)).timeout(TIMEOUT);
        String contentType = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<byte[]> reply;
        try {
            reply = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            send(exchange, 502, error("node " + index + " (" + node + ") cannot be reached: " + reason(e),
                    "is it running? The explorer shows the nodes it was started with (--nodes) and those they list"));
            return;
        }
        exchange.setStatusCode(reply.statusCode());
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE,
                reply.headers().firstValue("Content-Type").orElse("application/json"));
        exchange.getResponseSender().send(ByteBuffer.wrap(reply.body()));
    }

    static String error(String error, String hint) {
        JsonObject body = new JsonObject();
        body.addProperty("error", error);
        body.addProperty("hint", hint);
        return body.toString();
    }

    private static void send(HttpServerExchange exchange, int status, String json) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseSender().send(json, StandardCharsets.UTF_8);
    }
}
