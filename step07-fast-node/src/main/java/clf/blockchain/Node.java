package clf.blockchain;

import io.undertow.Undertow;
import java.net.InetSocketAddress;

/** One node of the network, from "blockchain as an API": a blockchain and an HTTP server. */
public final class Node {

    private final Blockchain blockchain;
    private final String identifier;
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
        server = Undertow.builder()
                .addHttpListener(port, host)
                .setIoThreads(ioThreads)
                .setHandler(HttpJson.readBodyFirst(new Router(new Api(blockchain, identifier).routes()).handler()))
                .build();
        server.start();
        return this;
    }

    /** The port the node listens on, which is the chosen one when started on port 0. */
    public int port() {
        return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    public void stop() {
        server.stop();
    }

    public Blockchain blockchain() {
        return blockchain;
    }
}
