package clf.blockchain;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/** JSON in and out of an HTTP exchange: the request body, read with care, and the answer, written canonically. */
public final class HttpJson {

    private static final Logger LOG = Logger.getLogger(HttpJson.class.getName());

    private static final AttachmentKey<byte[]> BODY = AttachmentKey.create(byte[].class);
    /** A transaction is a few hundred bytes; a body far larger is a mistake or an attack. */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** Bodies over the limit are still read to their end, and thrown away, up to this size. */
    public static final long DRAIN_LIMIT = 16L * 1024 * 1024;

    /**
     * Reads the whole request body without blocking the IO thread, then hands the request on; a body over the limit
     * is refused with 413 once it was read to its end, since a client still sending hears no answer.
     */
    public static HttpHandler readBodyFirst(HttpHandler next) {
        return exchange -> {
            if (exchange.getRequestContentLength() > DRAIN_LIMIT) {
                refuseTooLarge(exchange);
                return;
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            long[] received = {0};
            exchange.getRequestReceiver().receivePartialBytes((ex, chunk, last) -> {
                if (ex.isResponseStarted()) {
                    return;  // Refused already, as too large to read to its end.
                }
                received[0] += chunk.length;
                if (received[0] <= MAX_BODY_BYTES) {
                    body.writeBytes(chunk);
                } else if (received[0] > DRAIN_LIMIT) {
                    refuseTooLarge(ex);
                    return;
                }
                if (!last) {
                    return;
                }
                if (received[0] > MAX_BODY_BYTES) {
                    send(ex, 413, tooLarge().toJson());
                    return;
                }
                ex.putAttachment(BODY, body.toByteArray());
                try {
                    next.handleRequest(ex);
                } catch (Exception e) {
                    LOG.log(Level.SEVERE, "failed to answer " + ex.getRequestMethod() + " " + ex.getRequestPath(), e);
                    ex.endExchange();
                }
            }, HttpJson::bodyFailed);
        };
    }

    /** A body over Undertow's limit, {@link #DRAIN_LIMIT}, is a 413; any other failure means the client went away. */
    private static void bodyFailed(HttpServerExchange exchange, IOException e) {
        if (e instanceof RequestTooBigException) {
            refuseTooLarge(exchange);
        } else if (!exchange.isResponseStarted()) {
            exchange.setPersistent(false);
            exchange.setStatusCode(400).endExchange();
        }
    }

    /** Refuses a body too large even to read to its end; the connection closes after the answer. */
    private static void refuseTooLarge(HttpServerExchange exchange) {
        exchange.setPersistent(false);
        send(exchange, 413, tooLarge().toJson());
    }

    private static ApiError tooLarge() {
        return new ApiError(413, "the body is larger than " + MAX_BODY_BYTES + " bytes", "send one small JSON object");
    }

    /** The body that {@link #readBodyFirst} read, as a JSON object; a refusal (400 or 415) says what is wrong. */
    public static JsonObject readObject(HttpServerExchange exchange, String example) {
        String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            throw new ApiError(415, "the body is sent as " + (type == null ? "no content type" : type)
                    + ", not as JSON", "add the header Content-Type: application/json (curl: -H \"Content-Type: application/json\")");
        }
        JsonElement json;
        try {
            json = StrictJson.parse(exchange.getAttachment(BODY));
        } catch (StrictJson.Refused e) {
            throw new ApiError(400, e.getMessage(), e.hint() + "; a valid body looks like " + example);
        }
        if (!json.isJsonObject()) {
            throw new ApiError(400, "the body is JSON, but not a JSON object", "send an object such as " + example);
        }
        return json.getAsJsonObject();
    }

    /** Parses standard JSON (5 and 5.0 stay apart, as in Python), or says where the text stops being JSON. */
    public static JsonElement parse(String text) {
        return StrictJson.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers with JSON written as the text's Flask node writes it: sorted keys, the bytes that Python hashes. */
    public static void send(HttpServerExchange exchange, int status, JsonElement body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseSender().send(CanonicalJson.write(body), StandardCharsets.US_ASCII);
    }

    /** The block index that {@code ?from=N} asks for, 1 without it: the first one that a part of the chain sends. */
    public static int fromIndex(HttpServerExchange exchange, String route) {
        String from = exchange.getQueryParameters().containsKey("from")
                ? exchange.getQueryParameters().get("from").getFirst() : "1";
        if (!from.matches("[1-9][0-9]{0,8}")) {
            throw new ApiError(400, "from=" + from + " is not a block index", "give a whole number from 1 to 999999999,"
                    + " as in " + route + "?from=2; past the last block, the answer has none, only the chain's length");
        }
        return Integer.parseInt(from);
    }
}
