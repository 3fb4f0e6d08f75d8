package clf.blockchain;

import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.util.HttpString;
import java.net.InetSocketAddress;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One node of the network, from "blockchain as an API": a blockchain, an identifier, and an HTTP server.
 *
 * <p>Every request runs on Undertow's worker threads ({@link BlockingHandler}), never on its IO threads, so a
 * long mine does not hold up {@code GET /chain} or new transactions.
 */
public final class Node {

    private static final Logger LOG = Logger.getLogger("clf.blockchain.node");

    private final Blockchain blockchain;
    private final String identifier;
    private final String minerAddress;
    private Undertow server;

    /** A node that pays its mining rewards to {@code minerAddress}, or does not mine if it is null. */
    public Node(Blockchain blockchain, String identifier, String minerAddress) {
        this.blockchain = blockchain;
        this.identifier = identifier;
        this.minerAddress = minerAddress;
    }

    /** A globally unique address for a node, as the text makes it: a random UUID without its dashes. */
    public static String newIdentifier() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** Starts serving on the given host and port; port 0 picks a free port. */
    public Node start(String host, int port) {
        HttpHandler routes = new Api(blockchain, identifier, this::port, minerAddress).handler();
        server = Undertow.builder()
                .addHttpListener(port, host)
                .setHandler(new BlockingHandler(exchange -> answerErrorsAsJson(routes, exchange)))
                .build();
        server.start();
        return this;
    }

    /** Every refusal becomes its JSON answer; anything else is a bug, logged here and never shown as a trace. */
    private void answerErrorsAsJson(HttpHandler routes, HttpServerExchange exchange) {
        // Every answer names the node, so that a node can tell when a "peer" it was given is itself.
        exchange.getResponseHeaders().put(new HttpString(PeerClient.NODE_ID_HEADER), identifier);
        try {
            routes.handleRequest(exchange);
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

    /** The port the node listens on, which is the chosen one when started on port 0. */
    public int port() {
        return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public Blockchain blockchain() {
        return blockchain;
    }

    public String identifier() {
        return identifier;
    }
}
