package clf.conformance;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A node that breaks one rule of level 16: it forwards every request to a real node of step 16 and changes one thing
 * in the answers, the order of a block's transactions, or one bit of a proof's path.
 */
final class TamperingProxy implements AutoCloseable {

    enum Kind { REORDERS_TRANSACTIONS, FLIPS_A_PATH_BIT }

    private static final Set<String> KEPT = Set.of("content-type", "x-node-id");

    private final Kind kind;
    private final URI node;
    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    TamperingProxy(Kind kind, URI node) throws IOException {
        this.kind = kind;
        this.node = node;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::forward);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private void forward(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(node.resolve(exchange.getRequestURI().toString().substring(1)))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type != null) {
                request.header("Content-Type", type);
            }
            HttpResponse<String> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = answer.statusCode() == 200 ? tamper(exchange.getRequestURI().getPath(), answer.body()) : answer.body();
            answer.headers().map().forEach((name, values) -> {
                if (KEPT.contains(name.toLowerCase())) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.statusCode(), bytes.length == 0 ? -1 : bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private String tamper(String path, String body) {
        if (kind == Kind.REORDERS_TRANSACTIONS && path.equals("/chain")) {
            JsonObject answer = JsonParser.parseString(body).getAsJsonObject();
            for (JsonElement block : answer.getAsJsonArray("chain")) {
                JsonArray transactions = block.getAsJsonObject().getAsJsonArray("transactions");
                JsonArray reversed = new JsonArray();
                for (int i = transactions.size() - 1; i >= 0; i--) {
                    reversed.add(transactions.get(i));
                }
                block.getAsJsonObject().add("transactions", reversed);
            }
            return answer.toString();
        }
        if (kind == Kind.FLIPS_A_PATH_BIT && path.endsWith("/proof")) {
            JsonObject answer = JsonParser.parseString(body).getAsJsonObject();
            JsonArray hashes = answer.getAsJsonArray("path");
            if (!hashes.isEmpty()) {
                String first = hashes.get(0).getAsString();
                char flipped = Character.forDigit(Character.digit(first.charAt(0), 16) ^ 1, 16);
                hashes.set(0, new JsonPrimitive(flipped + first.substring(1)));
            }
            return answer.toString();
        }
        return body;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
