package clf.blockchain;

import com.google.gson.JsonElement;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Downloads a peer's chain, the text's {@code requests.get(f"http://{node}/chain")}, with time limits: a peer that
 * is down or silent costs a resolve a few seconds at most, and the reason is said.
 */
public final class PeerClient {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration REPLY_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

    /** Starts downloading a peer's chain; the future fails with a message that says why the peer cannot be used. */
    public CompletableFuture<List<Block>> chain(URI peer) {
        HttpRequest request = HttpRequest.newBuilder(peer.resolve("/chain")).GET().build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .orTimeout(REPLY_TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .handle((reply, failure) -> {
                    if (failure != null) {
                        throw new IllegalStateException(reason(failure));
                    }
                    return blocks(reply);
                });
    }

    private static List<Block> blocks(HttpResponse<String> reply) {
        if (reply.statusCode() != 200) {
            throw new IllegalStateException("it answered " + reply.statusCode() + " to GET /chain");
        }
        try {
            JsonElement json = HttpJson.parse(reply.body());
            if (!json.isJsonObject() || !json.getAsJsonObject().has("chain")
                    || !json.getAsJsonObject().get("chain").isJsonArray()) {
                throw new IllegalArgumentException("it has no \"chain\" list");
            }
            List<Block> chain = new ArrayList<>();
            for (JsonElement block : json.getAsJsonObject().getAsJsonArray("chain")) {
                chain.add(Block.fromJson(block));
            }
            return chain;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("its answer is not a chain: " + e.getMessage());
        }
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpConnectTimeoutException) {
            return "it did not accept a connection within " + CONNECT_TIMEOUT.toSeconds() + " s";
        }
        if (cause instanceof TimeoutException) {
            return "it did not answer in full within " + REPLY_TIMEOUT.toSeconds() + " s";
        }
        if (cause instanceof ConnectException) {
            return cause.getCause() instanceof UnresolvedAddressException ? "its host name is not known (is it spelled"
                    + " right?)" : "it refused the connection (is it running?)";
        }
        return "it closed the connection without an HTTP answer (a TLS server? a node speaks plain HTTP)";
    }
}
