package clf.blockchain;

import io.undertow.Undertow;
import java.net.InetSocketAddress;
import java.util.UUID;

/**
 * One node of the network, from "blockchain as an API": a blockchain, an identifier, and an HTTP server.
 *
 * <p>A long mine runs on one of Undertow's worker threads, never on its IO threads, so it does not hold up
 * {@code GET /chain} or new transactions ({@link Api.Route} says which handlers run where).
 */
public final class Node {

    private final Blockchain blockchain;
    private final String identifier;
    private Undertow server;

    public Node(Blockchain blockchain, String identifier) {
        this.blockchain = blockchain;
        this.identifier = identifier;
    }

    /** A globally unique address for a node, as the text makes it: a random UUID without its dashes. */
    public static String newIdentifier() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** Starts serving on the given host and port; port 0 picks a free port. */
    public Node start(String host, int port) {
        return start(host, port, Options.DEFAULT_IO_THREADS);
    }

    /** Starts serving with the given number of IO threads, which read requests and answer the quick ones. */
    public Node start(String host, int port, int ioThreads) {
        server = Undertow.builder()
                .addHttpListener(port, host)
                .setIoThreads(ioThreads)
                .setHandler(HttpJson.readBodyFirst(new Api(blockchain, identifier).handler()))
                .build();
        server.start();
        return this;
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
