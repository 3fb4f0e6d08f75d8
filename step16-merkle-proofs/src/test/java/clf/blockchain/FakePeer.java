package clf.blockchain;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A scriptable fake peer: a server on a free port of this machine that answers {@code GET /chain}, and any other
 * request, with whatever its handler says, a forged chain as well as bytes that are not a chain at all.
 */
final class FakePeer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    FakePeer(HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", handler);
        server.setExecutor(threads);
        server.start();
    }

    String address() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    /** Serves these blocks as a node serves its chain. */
    static HttpHandler serving(List<Block> blocks) {
        JsonArray chain = new JsonArray();
        blocks.forEach(block -> chain.add(block.toJson()));
        JsonObject body = new JsonObject();
        body.add("chain", chain);
        body.addProperty("length", blocks.size());
        body.addProperty("work", Chains.workOf(blocks));
        return answering(200, body.toString());
    }

    /** Answers every request with this status and body. */
    static HttpHandler answering(int status, String body) {
        return exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        };
    }

    /** Answers only after {@code millis}, the way a peer that is up but stuck does. */
    static HttpHandler slow(long millis) {
        return exchange -> {
            sleep(millis);
            answering(200, "{}").handle(exchange);
        };
    }

    /** Sends the start of a chain and never stops. */
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

    /** Sends a valid answer one byte a second. */
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

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
