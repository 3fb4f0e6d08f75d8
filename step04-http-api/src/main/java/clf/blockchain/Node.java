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

    /** Starts serving on the given host and port; port 0 picks a free port. */
    public Node start(String host, int port) {
        server = Undertow.builder()
                .addHttpListener(port, host)
                .setHandler(new Router(new Api(blockchain, identifier).routes()).handler())
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
