package clf.conformance;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A peer of the kit's that speaks gossip as a node of step 11 on does: it notes each block announced to it
 * ({@code POST /blocks/announce}, with the sender's {@code X-Node-Address}), serves the chain the kit gives it
 * ({@code GET /chain}, and {@code ?from=N}), lists the peers the kit gives it ({@code GET /nodes}) and takes any
 * register. It fetches nothing itself: the kit checks what it was told against what the node serves.
 */
public final class GossipPeer implements AutoCloseable {

    /** One announcement this peer was sent: the block's index and hash, and the sender's address (or null). */
    public record Announcement(long index, String hash, String from) {
    }

    private final Undertow server;
    private final String host;
    private final List<Announcement> announcements = new CopyOnWriteArrayList<>();
    private volatile JsonArray chain = new JsonArray();
    private volatile List<String> nodes = List.of();

    /** {@code host} is how the node reaches the kit: 127.0.0.1, or the Docker host for a node in a container. */
    public GossipPeer(String host) throws Exception {
        this.host = host;
        String bindTo = InetAddress.getByName(host).isLoopbackAddress() ? host : "0.0.0.0";
        server = Undertow.builder().addHttpListener(0, bindTo).setHandler(Handlers.routing()
                .get("/chain", this::chain)
                .get("/nodes", exchange -> {
                    JsonArray list = new JsonArray();
                    nodes.forEach(list::add);
                    JsonObject body = new JsonObject();
                    body.add("nodes", list);
                    send(exchange, 200, body);
                })
                .post("/nodes/register", exchange -> send(exchange, 201, message("New nodes have been added")))
                .post("/transactions/new", exchange -> exchange.getRequestReceiver().receiveFullString((done, body) ->
                        send(done, 201, message("Transaction will be added to the kit's next block"))))
                .post("/blocks/announce", exchange -> exchange.getRequestReceiver().receiveFullString(this::announced)))
                .build();
        server.start();
    }

    private void chain(HttpServerExchange exchange) {
        JsonArray whole = chain;
        Deque<String> asked = exchange.getQueryParameters().get("from");
        int from = 1;
        if (asked != null) {
            try {
                from = Integer.parseInt(asked.getFirst());
            } catch (NumberFormatException e) {
                from = 0;
            }
            if (from < 1) {
                JsonObject refused = new JsonObject();
                refused.addProperty("error", "from=" + asked.getFirst() + " is not a block index");
                refused.addProperty("hint", "give a whole number from 1");
                send(exchange, 400, refused);
                return;
            }
        }
        JsonArray part = new JsonArray();
        for (int i = from - 1; i < whole.size(); i++) {
            part.add(whole.get(i));
        }
        JsonObject body = new JsonObject();
        body.add("chain", part);
        if (from != 1) {
            body.addProperty("from", from);
        }
        body.addProperty("length", whole.size());
        send(exchange, 200, body);
    }

    private void announced(HttpServerExchange exchange, String text) {
        try {
            JsonObject body = JsonParser.parseString(text).getAsJsonObject();
            long index = body.get("index").getAsLong();
            String hash = body.get("hash").getAsString();
            announcements.add(new Announcement(index, hash,
                    exchange.getRequestHeaders().getFirst("X-Node-Address")));
            send(exchange, 200, message("The kit's peer noted block " + index));
        } catch (RuntimeException e) {
            JsonObject refused = new JsonObject();
            refused.addProperty("error", "an announcement is {\"index\": N, \"hash\": HEX}");
            refused.addProperty("hint", "send the index and the hash of the block");
            send(exchange, 400, refused);
        }
    }

    private static JsonObject message(String text) {
        JsonObject body = new JsonObject();
        body.addProperty("message", text);
        return body;
    }

    private static void send(HttpServerExchange exchange, int status, JsonElement body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseSender().send(body.toString());
    }

    /** The chain this peer serves from now on. */
    public void serve(JsonArray chain) {
        this.chain = chain;
    }

    /** The addresses this peer lists at GET /nodes from now on. */
    public void list(List<String> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    /** Every announcement this peer was sent so far, in order. */
    public List<Announcement> announcements() {
        return List.copyOf(announcements);
    }

    /** Whether this peer was told of the block {@code hash} at {@code index}. */
    public Announcement toldOf(long index, String hash) {
        return announcements.stream().filter(a -> a.index() == index && a.hash().equals(hash)).findFirst().orElse(null);
    }

    /** host:port, as a node registers it. */
    public String address() {
        return host + ":" + ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    @Override
    public void close() {
        server.stop();
    }
}
