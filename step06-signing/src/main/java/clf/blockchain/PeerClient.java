package clf.blockchain;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/**
 * Downloads a peer's chain, as the text's {@code requests.get(f"http://{node}/chain")}, but ready for peers that
 * fail: down, slow, answering something that is not a chain, or answering without end. Each download has a
 * connect timeout, a time limit for the whole reply, and a cap on its size; a peer that breaks a rule is
 * reported with the reason, and never holds up a resolve for long.
 */
public final class PeerClient {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration REPLY_TIMEOUT = Duration.ofSeconds(5);
    public static final int MAX_REPLY_BYTES = 64 * 1024 * 1024;
    /** Every node of this workshop names itself in this header, so a node can tell when a "peer" is itself. */
    public static final String NODE_ID_HEADER = "X-Node-Id";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final String ownIdentifier;

    public PeerClient(String ownIdentifier) {
        this.ownIdentifier = ownIdentifier;
    }

    /** Why a peer cannot be used, in words for the resolve answer. */
    public static final class PeerException extends RuntimeException {
        PeerException(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The blocks a peer sent, from index {@code from} on, and the length of its whole chain. */
    public record Part(long from, List<Block> blocks) {

        public long length() {
            return from - 1 + blocks.size();
        }
    }

    /**
     * Starts downloading the chain of the node at {@code peer}. The future ends with the blocks, or fails with a
     * {@link PeerException} that says why the peer cannot be used.
     */
    public CompletableFuture<List<Block>> chain(URI peer) {
        return chainFrom(peer, 1).thenApply(Part::blocks);
    }

    /**
     * Starts downloading the blocks of the node at {@code peer} from index {@code from} on, with
     * {@code GET /chain?from=N}, which the nodes of this workshop serve from step 05 on. A node that does not know
     * the parameter, such as the text's, sends its whole chain; the part then starts at 1.
     */
    public CompletableFuture<Part> chainFrom(URI peer, long from) {
        String path = from == 1 ? "/chain" : "/chain?from=" + from;
        HttpRequest request = HttpRequest.newBuilder(peer.resolve(path)).timeout(REPLY_TIMEOUT).GET().build();
        CompletableFuture<HttpResponse<byte[]>> download = client.sendAsync(request, reply -> new LimitedBody());
        // The request's timeout covers the wait for the headers only; a peer that then sends its body a byte at a
        // time is cut off here. Cancelling the download aborts the exchange; when it is done, it does nothing.
        CompletableFuture.delayedExecutor(REPLY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> download.cancel(true));
        return download.handle((reply, failure) -> {
                    if (failure != null) {
                        throw new PeerException(reason(failure));
                    }
                    return part(reply);
                });
    }

    private Part part(HttpResponse<byte[]> reply) {
        if (reply.headers().firstValue(NODE_ID_HEADER).orElse("").equals(ownIdentifier)) {
            throw new PeerException("it is this node itself");
        }
        if (reply.statusCode() != 200) {
            throw new PeerException("it answered " + reply.statusCode() + " to GET /chain");
        }
        try {
            JsonElement json = StrictJson.parse(reply.body());
            JsonObject body = json.isJsonObject() ? json.getAsJsonObject() : new JsonObject();
            if (!body.has("chain") || !body.get("chain").isJsonArray()) {
                throw new IllegalArgumentException("its answer has no \"chain\" list");
            }
            List<Block> chain = new ArrayList<>();
            for (JsonElement block : body.getAsJsonArray("chain")) {
                chain.add(Block.fromJson(block));
            }
            long from = body.has("from") ? wholeNumber(body.get("from"), "from") : 1;
            if (body.has("from") && !chain.isEmpty() && chain.get(0).index() != from) {
                throw new IllegalArgumentException("it says its part starts at block " + from + " but sent block "
                        + chain.get(0).index() + " first");
            }
            Part part = new Part(from, chain);
            if (body.has("length") && wholeNumber(body.get("length"), "length") != part.length()) {
                throw new IllegalArgumentException("its \"length\" is " + body.get("length") + " but it sent "
                        + part.length() + " blocks");
            }
            return part;
        } catch (IllegalArgumentException e) {
            throw new PeerException("its answer is not a chain: " + e.getMessage());
        }
    }

    private static long wholeNumber(JsonElement value, String name) {
        try {
            return Long.parseLong(value.getAsJsonPrimitive().getAsNumber().toString());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("its \"" + name + "\" is not a whole number: " + value);
        }
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof PeerException) {
            return cause.getMessage();
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return "it did not accept a connection within " + CONNECT_TIMEOUT.toSeconds() + " s";
        }
        if (cause instanceof HttpTimeoutException || cause instanceof CancellationException) {
            return "it did not answer in full within " + REPLY_TIMEOUT.toSeconds() + " s";
        }
        if (cause instanceof ConnectException) {
            return "it refused the connection (is it running?)";
        }
        return "it could not be reached (" + cause + ")";
    }

    /** Collects a reply's bytes, and gives up as soon as there are more than {@link #MAX_REPLY_BYTES}. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > MAX_REPLY_BYTES) {
                    subscription.cancel();
                    result.completeExceptionally(new PeerException("its answer is larger than "
                            + MAX_REPLY_BYTES / (1024 * 1024) + " MiB"));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable failure) {
            result.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
