package clf.blockchain;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.server.handlers.SetHeaderHandler;
import io.undertow.util.Headers;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/** One node of "blockchain as an API": the HTTP server of its {@link Api}, which answers every refusal as JSON. */
public final class Node {

    private static final Logger LOG = Logger.getLogger(Node.class.getName());

    private final Blockchain blockchain;
    private final String identifier;
    /** Names this node in the answers it sends, so that it knows itself when it is given as its own peer. */
    private final String instance = UUID.randomUUID().toString();
    private final URI advertised;
    private final int maxPeers;
    private final boolean gossip;
    private List<Api.Route> routes;
    private Gossip gossiping;
    private Undertow server;
    private final ScheduledExecutorService discovering = Executors.newSingleThreadScheduledExecutor();

    public Node(Blockchain blockchain, String identifier) {
        this(blockchain, identifier, null, Discovery.DEFAULT_MAX_PEERS, true);
    }

    /**
     * {@code advertised}, or null, is the address peers are told, {@code maxPeers} caps the peers it finds itself, and
     * a node that does not {@code gossip} tells and finds nothing.
     */
    public Node(Blockchain blockchain, String identifier, URI advertised, int maxPeers, boolean gossip) {
        this.blockchain = blockchain;
        this.identifier = identifier;
        this.advertised = advertised;
        this.maxPeers = maxPeers;
        this.gossip = gossip;
    }

    /** How often a node asks its peers for theirs. */
    public static final Duration DISCOVERY = Duration.ofSeconds(2);

    /** Undertow's own default: one IO thread per core, and at least two. */
    public static final int DEFAULT_IO_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

    /** Starts serving on the given host and port; port 0 picks a free port. */
    public Node start(String host, int port) {
        return start(host, port, DEFAULT_IO_THREADS);
    }

    /** Starts serving with the given number of IO threads, which read requests and answer the quick ones. */
    public Node start(String host, int port, int ioThreads) {
        PeerClient peers = new PeerClient(instance);
        gossiping = new Gossip(blockchain, peers, advertised, this::port, gossip);
        routes = new Api(blockchain, identifier, peers, gossiping).routes();
        server = Undertow.builder().addHttpListener(port, host).setIoThreads(ioThreads)
                .setHandler(new SetHeaderHandler(HttpJson.readBodyFirst(handler()), PeerClient.NODE_ID_HEADER, instance))
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, HttpJson.DRAIN_LIMIT).build();
        server.start();
        if (gossip) {
            Discovery discovery = new Discovery(blockchain, peers, gossiping, maxPeers);
            discovering.scheduleWithFixedDelay(discovery::round, 0, DISCOVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** The port the node listens on: the one it chose, when started on port 0. */
    public int port() {
        return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    public void stop() {
        discovering.shutdownNow();
        server.stop();
    }

    /** The announcements this node has sent, for the measures of a network. */
    public long announcementsSent() {
        return gossiping.sent();
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
        } catch (UncheckedIOException e) {
            LOG.log(Level.SEVERE, "the data directory failed", e);
            HttpJson.send(exchange, 503, new ApiError(503, e.getMessage(), "nothing was acknowledged; free the disk or"
                    + " fix the directory, restart the node, and send this request again").toJson());
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
