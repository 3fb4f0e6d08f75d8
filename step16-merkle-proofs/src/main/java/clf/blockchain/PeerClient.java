package clf.blockchain;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Talks to a peer, as the text's {@code requests.get(f"http://{node}/chain")}, with time limits: a peer that is
 * down, silent, trickling or endless costs a few seconds at most, and the reason is said.
 */
public final class PeerClient {

    private static final Logger LOG = Logger.getLogger(PeerClient.class.getName());

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration REPLY_TIMEOUT = Duration.ofSeconds(5);

    public static final int MAX_REPLY_BYTES = 64 * 1024 * 1024;
    /** Every node of this workshop names itself in this header, so a node can tell when a "peer" is itself. */
    public static final String NODE_ID_HEADER = "X-Node-Id";
    /** The address at which the node that sends a gossip message can be reached, to fetch what it announced. */
    public static final String NODE_ADDRESS_HEADER = "X-Node-Address";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final String ownIdentifier;

    public PeerClient(String ownIdentifier) {
        this.ownIdentifier = ownIdentifier;
    }

    /** A "peer" that answers with this node's own {@link #NODE_ID_HEADER}: this node, by another address. */
    public static final class ItIsThisNode extends IllegalStateException {
        ItIsThisNode() {
            super("it is this node itself");
        }
    }

    /** A peer that could not be reached, or did not answer in time. */
    public static final class Unreachable extends IllegalStateException {
        Unreachable(String reason) {
            super(reason);
        }
    }

    /** The blocks a peer sent, from index {@code from} on (none if its chain is shorter), and the work it claims. */
    public record Part(long from, List<Block> blocks, BigInteger work) {
    }

    /** Starts downloading a peer's chain; the future fails with a message that says why the peer cannot be used. */
    public CompletableFuture<List<Block>> chain(URI peer) {
        return chainFrom(peer, 1).thenApply(Part::blocks);
    }

    /** Starts downloading a peer's blocks from index {@code from} on; a node that does not know the parameter sends all. */
    public CompletableFuture<Part> chainFrom(URI peer, long from) {
        LOG.info("asked " + peer + " for its blocks from " + from + " on");
        return get(peer, from == 1 ? "/chain" : "/chain?from=" + from).thenApply(this::part);
    }

    /** Starts asking a peer for its peers, {@code GET /nodes}. */
    public CompletableFuture<List<URI>> nodes(URI peer) {
        return get(peer, "/nodes").thenApply(body -> {
            try {
                return NodeAddress.parseAll(StrictJson.parse(body).getAsJsonObject().getAsJsonArray("nodes"));
            } catch (RuntimeException e) {
                throw new IllegalStateException("its answer is not a list of nodes");
            }
        });
    }

    /** Starts registering this node, at {@code self}, with a peer. */
    public CompletableFuture<Integer> register(URI peer, URI self) {
        JsonObject body = new JsonObject();
        JsonArray nodes = new JsonArray();
        nodes.add(self.toString());
        body.add("nodes", nodes);
        return post(peer, "/nodes/register", body, self);
    }

    /** Starts posting a block's announcement or a payment to a peer, from {@code self}; the future holds the status. */
    public CompletableFuture<Integer> post(URI peer, String path, JsonElement body, URI self) {
        HttpRequest request = HttpRequest.newBuilder(peer.resolve(path)).timeout(REPLY_TIMEOUT)
                .header("Content-Type", "application/json").header(NODE_ADDRESS_HEADER, self.toString())
                .POST(HttpRequest.BodyPublishers.ofString(CanonicalJson.write(body))).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((reply, failure) -> {
            if (failure != null) {
                throw new Unreachable(reason(failure));
            }
            if (reply.headers().firstValue(NODE_ID_HEADER).orElse("").equals(ownIdentifier)) {
                throw new ItIsThisNode();
            }
            return reply.statusCode();
        });
    }

    /** A GET with the limits; the future holds the body of a 200 answer, or fails with the reason. */
    private CompletableFuture<byte[]> get(URI peer, String path) {
        HttpRequest request = HttpRequest.newBuilder(peer.resolve(path)).GET().build();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        CompletableFuture<HttpResponse<Void>> download = client.sendAsync(request, HttpResponse.BodyHandlers
                .ofByteArrayConsumer(chunk -> chunk.ifPresent(bytes -> {
                    if (body.size() + bytes.length > MAX_REPLY_BYTES) {
                        throw new IllegalStateException("its answer is larger than " + (MAX_REPLY_BYTES >> 20) + " MiB");
                    }
                    body.writeBytes(bytes);
                })));
        // Cancelling the download at the time limit aborts the exchange, so that a trickling peer holds nothing.
        CompletableFuture.delayedExecutor(REPLY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).execute(() -> download.cancel(true));
        return download.handle((reply, failure) -> {
            if (failure != null) {
                throw new Unreachable(reason(failure));
            }
            if (reply.headers().firstValue(NODE_ID_HEADER).orElse("").equals(ownIdentifier)) {
                throw new ItIsThisNode();
            }
            if (reply.statusCode() != 200) {
                throw new IllegalStateException("it answered " + reply.statusCode() + " to GET " + path.replaceAll("\\?.*", ""));
            }
            return body.toByteArray();
        });
    }

    private Part part(byte[] body) {
        try {
            JsonElement json = StrictJson.parse(body);
            if (!json.isJsonObject() || !json.getAsJsonObject().has("chain")
                    || !json.getAsJsonObject().get("chain").isJsonArray()) {
                throw new IllegalArgumentException("it has no \"chain\" list");
            }
            List<Block> chain = new ArrayList<>();
            for (JsonElement block : json.getAsJsonObject().getAsJsonArray("chain")) {
                chain.add(Block.fromJson(block));
            }
            JsonElement from = json.getAsJsonObject().get("from");
            if (from != null && !from.toString().matches("[1-9][0-9]{0,17}")) {
                throw new IllegalArgumentException("its \"from\" is not a block index: " + from);
            }
            JsonElement work = json.getAsJsonObject().get("work");
            if (work == null || !work.isJsonPrimitive() || !work.getAsString().matches("[1-9][0-9]{0,80}")) {
                throw new IllegalArgumentException("it has no \"work\", the chain's work as a whole number in a"
                        + " string, which nodes of the steps before 15 do not send");
            }
            Part part = new Part(from == null ? 1 : from.getAsLong(), chain, new BigInteger(work.getAsString()));
            if (!chain.isEmpty() && chain.get(0).index() != part.from()) {
                throw new IllegalArgumentException("it says its part starts at block " + part.from() + " but sent block "
                        + chain.get(0).index() + " first");
            }
            return part;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("its answer is not a chain: " + e.getMessage());
        }
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpConnectTimeoutException) {
            return "it did not accept a connection within " + CONNECT_TIMEOUT.toSeconds() + " s";
        }
        if (cause instanceof CancellationException || cause instanceof HttpTimeoutException) {
            return "it did not answer in full within " + REPLY_TIMEOUT.toSeconds() + " s";
        }
        if (cause instanceof IllegalStateException) {
            return cause.getMessage();  // Said by the download, of an answer too large.
        }
        if (cause instanceof ConnectException) {
            return cause.getCause() instanceof UnresolvedAddressException ? "its host name is not known (is it spelled"
                    + " right?)" : "it refused the connection (is it running?)";
        }
        return "it closed the connection without an HTTP answer (a TLS server? a node speaks plain HTTP)";
    }
}
