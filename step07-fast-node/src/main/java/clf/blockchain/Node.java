package clf.blockchain;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/** One node of "blockchain as an API": the HTTP server of its {@link Api}, which answers every refusal as JSON. */
public final class Node {

    private static final Logger LOG = Logger.getLogger(Node.class.getName());

    private final Blockchain blockchain;
    private final String identifier;
    private List<Api.Route> routes;
    private Undertow server;

    public Node(Blockchain blockchain, String identifier) {
        this.blockchain = blockchain;
        this.identifier = identifier;
    }

    /** Undertow's own default: one IO thread per core, and at least two. */
    public static final int DEFAULT_IO_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

    /** Starts serving on the given host and port; port 0 picks a free port. */
    public Node start(String host, int port) {
        return start(host, port, DEFAULT_IO_THREADS);
    }

    /** Starts serving with the given number of IO threads, which read requests and answer the quick ones. */
    public Node start(String host, int port, int ioThreads) {
        routes = new Api(blockchain, identifier).routes();
        server = Undertow.builder().addHttpListener(port, host).setIoThreads(ioThreads)
                .setHandler(HttpJson.readBodyFirst(handler()))
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, HttpJson.DRAIN_LIMIT).build();
        server.start();
        return this;
    }

    /** The port the node listens on: the one it chose, when started on port 0. */
    public int port() {
        return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    public void stop() {
        server.stop();
    }

    public Blockchain blockchain() {
        return blockchain;
    }

    private HttpHandler handler() {
        RoutingHandler routing = Handlers.routing();
        for (Api.Route route : routes) {
            HttpHandler handler = exchange -> answerErrorsAsJson(route.handler(), exchange);
            routing.add(route.method(), route.path(), route.slow() ? new BlockingHandler(handler) : handler);
        }
        return routing.setFallbackHandler(exchange -> answerErrorsAsJson(this::notFound, exchange))
                .setInvalidMethodHandler(exchange -> answerErrorsAsJson(this::methodNotAllowed, exchange));
    }

    /** Anything but a refusal is a bug: logged here, and never shown to the client as a trace. */
    private static void answerErrorsAsJson(HttpHandler handler, HttpServerExchange exchange) {
        try {
            handler.handleRequest(exchange);
        } catch (ApiError e) {
            HttpJson.send(exchange, e.status(), e.toJson());
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "failed to answer " + exchange.getRequestMethod() + " " + exchange.getRequestPath(), e);
            if (!exchange.isResponseStarted()) {
                HttpJson.send(exchange, 500, new ApiError(500, "the node failed to answer this request",
                        "this is a bug in the node; its log has the details").toJson());
            }
        }
    }

    private void notFound(HttpServerExchange exchange) {
        throw new ApiError(404, "there is no " + exchange.getRequestPath() + " here", "the node serves "
                + String.join(", ", routes.stream().map(r -> r.method() + " " + r.path()).toList()));
    }

    private void methodNotAllowed(HttpServerExchange exchange) {
        String path = exchange.getRequestPath();
        List<String> allowed = routes.stream().filter(r -> r.path().equals(path)).map(Api.Route::method).toList();
        exchange.getResponseHeaders().put(Headers.ALLOW, String.join(", ", allowed));
        throw new ApiError(405, exchange.getRequestMethod() + " is not allowed on " + path, "use "
                + String.join(" or ", allowed) + " " + path + (allowed.contains("POST") ? " (curl: -X POST)" : ""));
    }
}
