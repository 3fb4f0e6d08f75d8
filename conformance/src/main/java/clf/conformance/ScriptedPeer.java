package clf.conformance;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.util.Headers;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A peer that the kit controls: it serves whatever chain the kit gives it at GET /chain, as the text's node does.
 * {@link #silent()} makes one that accepts connections and never answers.
 */
public final class ScriptedPeer implements AutoCloseable {

    private final Undertow server;
    private final ServerSocket silent;
    private final List<Socket> held = new ArrayList<>();
    private volatile JsonArray chain = new JsonArray();
    private final String host;

    /** {@code host} is how the node reaches the kit: 127.0.0.1, or the Docker host for a node in a container. */
    private ScriptedPeer(boolean answers, String host) throws Exception {
        this.host = host;
        String bindTo = InetAddress.getByName(host).isLoopbackAddress() ? host : "0.0.0.0";
        if (answers) {
            silent = null;
            server = Undertow.builder().addHttpListener(0, bindTo)
                    .setHandler(Handlers.routing().get("/chain", exchange -> {
                        JsonObject body = new JsonObject();
                        body.add("chain", chain);
                        body.addProperty("length", chain.size());
                        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
                        exchange.getResponseSender().send(body.toString());
                    })).build();
            server.start();
        } else {
            server = null;
            silent = new ServerSocket(0, 50, InetAddress.getByName(bindTo));
            Thread accepting = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept());
                    } catch (Exception e) {
                        return;
                    }
                }
            }, "silent-peer");
            accepting.setDaemon(true);
            accepting.start();
        }
    }

    public static ScriptedPeer serving(String host) throws Exception {
        return new ScriptedPeer(true, host);
    }

    public static ScriptedPeer silent(String host) throws Exception {
        return new ScriptedPeer(false, host);
    }

    public void serve(JsonArray chain) {
        this.chain = chain;
    }

    /** host:port, as a node registers it. */
    public String address() {
        int port = server != null
                ? ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort()
                : silent.getLocalPort();
        return host + ":" + port;
    }

    @Override
    public void close() throws Exception {
        if (server != null) {
            server.stop();
        } else {
            silent.close();
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
