package clf.conformance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** The kit's only way to the node: HTTP requests, each answer checked against the node's description. */
public final class NodeClient {

    static final Duration ANSWER_TIME = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private Description description;

    public NodeClient(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    void describeWith(Description description) {
        this.description = description;
    }

    public Description description() {
        return description;
    }

    public Exchange get(String path) {
        return send("GET", path, null, "application/json");
    }

    public Exchange post(String path, String body) {
        return send("POST", path, body, "application/json");
    }

    /** A POST as a peer sends it, which says in X-Node-Address where it can be reached (gossip, step 11 on). */
    public Exchange postFrom(String path, String body, String peerAddress) {
        return send("POST", path, body, "application/json", peerAddress);
    }

    public Exchange send(String method, String path, String body, String contentType) {
        return send(method, path, body, contentType, null);
    }

    private Exchange send(String method, String path, String body, String contentType, String peerAddress) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(ANSWER_TIME);
        if (peerAddress != null) {
            request.header("X-Node-Address", peerAddress);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.method(method, HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", contentType);
        }
        Exchange exchange;
        String sent = body == null || peerAddress == null ? body : body + "  (X-Node-Address: " + peerAddress + ")";
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            exchange = new Exchange(method, path, sent, response.statusCode(), response.headers(), response.body());
        } catch (HttpTimeoutException e) {
            throw new Failure("the node did not answer within " + ANSWER_TIME.toSeconds() + " s",
                    new Exchange(method, path, sent, 0, null, ""), "an answer");
        } catch (IOException e) {
            throw new Failure("the node could not be reached: " + (e instanceof java.net.ConnectException
                    ? "it refused the connection (is it running?)" : e.getMessage() == null ? "the connection failed"
                    : e.getMessage()), new Exchange(method, path, sent, 0, null, ""),
                    "an answer from " + base);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (description != null && !description.problems(exchange).isEmpty()) {
            throw new Failure("the answer does not match " + description.source() + ": "
                    + String.join("; ", description.problems(exchange)), exchange, "an answer to " + method + " "
                    + path.replaceFirst("\\?.*", "") + " with status " + exchange.status() + " as "
                    + description.source() + " describes it");
        }
        return exchange;
    }
}
