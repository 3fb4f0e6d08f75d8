package clf.blockchain;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/** JSON in and out of an HTTP exchange: the request body, read with care, and the answer, written canonically. */
public final class HttpJson {

    private static final Logger LOG = Logger.getLogger(HttpJson.class.getName());

    private static final AttachmentKey<byte[]> BODY = AttachmentKey.create(byte[].class);
    private static final Gson STRICT = new GsonBuilder().setStrictness(Strictness.STRICT).create();

    /** A transaction is a few hundred bytes: a body of more is refused, once read to its end, up to 16 MiB. */
    public static final int MAX_BODY_BYTES = 1 << 20;
    public static final long DRAIN_LIMIT = 16L << 20;

    /** Reads the whole request body without blocking the IO thread, then hands the request on. */
    public static HttpHandler readBodyFirst(HttpHandler next) {
        return exchange -> exchange.getRequestReceiver().receiveFullBytes((ex, body) -> {
            if (body.length > MAX_BODY_BYTES) {
                send(ex, 413, tooLarge().toJson());
                return;
            }
            ex.putAttachment(BODY, body);
            try {
                next.handleRequest(ex);
            } catch (Exception e) {
                LOG.log(Level.SEVERE, "failed to answer " + ex.getRequestMethod() + " " + ex.getRequestPath(), e);
                ex.endExchange();
            }
        }, HttpJson::bodyFailed);
    }

    /** Past the drain limit Undertow reads no more, and closes the connection after the 413; else the client left. */
    private static void bodyFailed(HttpServerExchange exchange, IOException e) {
        exchange.setPersistent(false);
        if (e instanceof RequestTooBigException) {
            send(exchange, 413, tooLarge().toJson());
        } else {
            exchange.setStatusCode(400).endExchange();
        }
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
        byte[] body = exchange.getAttachment(BODY);
        JsonElement json;
        try {
            json = parse(new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, e.getMessage(), body.length == 0 ? "send a JSON object such as " + example
                    : "check for a trailing comma after the last item, single quotes instead of double quotes, or a"
                    + " missing quote or brace; a valid body looks like " + example);
        }
        if (!json.isJsonObject()) {
            throw new ApiError(400, "the body is JSON, but not a JSON object", "send an object such as " + example);
        }
        return json.getAsJsonObject();
    }

    /** Parses standard JSON (5 and 5.0 stay apart, as in Python), or says where the text stops being JSON. */
    public static JsonElement parse(String text) {
        try {
            JsonElement json = STRICT.fromJson(text, JsonElement.class);
            if (json == null) {
                throw new IllegalArgumentException("the body is empty");
            }
            return json;
        } catch (JsonParseException e) {
            Throwable gson = e.getCause() != null ? e.getCause() : e;
            // Gson's first line says where it stopped; its advice to relax the parser is no help to a learner.
            throw new IllegalArgumentException("the body is not valid JSON: " + gson.getMessage().lines().findFirst().orElse("")
                    .replace("Expected name", "expected a key in double quotes (is there a comma after the last item?)")
                    .replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON", "unexpected text"));
        }
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
