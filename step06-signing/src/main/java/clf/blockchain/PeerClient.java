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

    /**
     * Starts downloading the chain of the node at {@code peer}. The future ends with the blocks, or fails with a
     * {@link PeerException} that says why the peer cannot be used.
     */
    public CompletableFuture<List<Block>> chain(URI peer) {
        HttpRequest request = HttpRequest.newBuilder(peer.resolve("/chain")).timeout(REPLY_TIMEOUT).GET().build();
        CompletableFuture<HttpResponse<byte[]>> download = client.sendAsync(request, reply -> new LimitedBody());
        // The request's timeout covers the wait for the headers only; a peer that then sends its body a byte at a
        // time is cut off here. Cancelling the download aborts the exchange; when it is done, it does nothing.
        CompletableFuture.delayedExecutor(REPLY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> download.cancel(true));
        return download.handle((reply, failure) -> {
                    if (failure != null) {
                        throw new PeerException(reason(failure));
                    }
                    return blocks(reply);
                });
    }

    private List<Block> blocks(HttpResponse<byte[]> reply) {
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
            return chain;
        } catch (IllegalArgumentException e) {
            throw new PeerException("its answer is not a chain: " + e.getMessage());
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
