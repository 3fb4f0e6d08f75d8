package clf.blockchain;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.undertow.io.Receiver;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/** JSON in and out of an HTTP exchange: the request body, read with care, and the response, written canonically. */
public final class HttpJson {

    /** A transaction is a few hundred bytes; a body far larger is a mistake or an attack. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private static final AttachmentKey<byte[]> BODY = AttachmentKey.create(byte[].class);
    private static final Logger LOG = Logger.getLogger("clf.blockchain.node");

    private HttpJson() {
    }

    /**
     * Reads the whole request body first, without blocking Undertow's IO thread while it arrives, and then hands
     * the request on. A body here is a few hundred bytes; one over the limit is refused with 413 before it is read.
     */
    public static HttpHandler readBodyFirst(HttpHandler next) {
        return exchange -> {
            if (exchange.getRequestContentLength() > MAX_BODY_BYTES) {
                refuseTooLarge(exchange);
                return;
            }
            // A chunked body has no length up front; the receiver stops buffering it at this size.
            Receiver receiver = exchange.getRequestReceiver();
            receiver.setMaxBufferSize(MAX_BODY_BYTES);
            receiver.receiveFullBytes((ex, body) -> {
                ex.putAttachment(BODY, body);
                try {
                    next.handleRequest(ex);
                } catch (Exception e) {
                    LOG.log(Level.SEVERE, "failed to answer " + ex.getRequestMethod() + " " + ex.getRequestPath(), e);
                    ex.endExchange();
                }
            }, (ex, e) -> {
                // The receiver's own limit and the connection's (Undertow's MAX_ENTITY_SIZE) have their own types.
                if (e instanceof Receiver.RequestToLargeException || e instanceof RequestTooBigException) {
                    refuseTooLarge(ex);
                } else {
                    ex.endExchange(); // The client went away while sending; there is no one to answer.
                }
            });
        };
    }

    private static void refuseTooLarge(HttpServerExchange exchange) {
        // The rest of the body is not read, so the connection cannot carry another request.
        exchange.setPersistent(false);
        send(exchange, 413, tooLarge().toJson());
    }

    /**
     * Reads the request body, which {@link #readBodyFirst} has read, as a JSON object.
     *
     * @throws ApiError 415 if it is not declared as JSON, 400 if it is missing, is not JSON, or is JSON but not an
     *                  object
     */
    public static JsonObject readObject(HttpServerExchange exchange, String example) {
        byte[] body = exchange.getAttachment(BODY);
        if (body == null || body.length == 0) {
            throw new ApiError(400, "the request has no body", "send a JSON object such as " + example);
        }
        String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            throw new ApiError(415, "the body is sent as " + (type == null ? "no content type" : type)
                    + ", not as JSON", "add the header Content-Type: application/json (curl: -H \"Content-Type: application/json\")");
        }
        JsonElement json;
        try {
            json = StrictJson.parse(body);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, e.getMessage(), "check for a trailing comma after the last item, single quotes"
                    + " instead of double quotes, or a missing quote or brace; a valid body looks like " + example);
        }
        if (!json.isJsonObject()) {
            throw new ApiError(400, "the body is JSON, but not a JSON object", "send an object such as " + example);
        }
        return json.getAsJsonObject();
    }

    private static ApiError tooLarge() {
        return new ApiError(413, "the body is larger than " + MAX_BODY_BYTES + " bytes",
                "send one small JSON object per request");
    }

    /** Answers with JSON written as the text's Flask node writes it: sorted keys, the bytes that Python hashes. */
    public static void send(HttpServerExchange exchange, int status, JsonElement body) {
        sendCanonical(exchange, status, CanonicalJson.write(body));
    }

    /** Answers with JSON text that is already canonical. */
    public static void sendCanonical(HttpServerExchange exchange, int status, String json) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseSender().send(json, StandardCharsets.US_ASCII);
    }
}
