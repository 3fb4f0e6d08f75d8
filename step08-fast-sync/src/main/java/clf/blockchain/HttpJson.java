package clf.blockchain;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/** JSON in and out of an HTTP exchange: the request body, read with care, and the answer, written canonically. */
public final class HttpJson {

    private static final Logger LOG = Logger.getLogger(HttpJson.class.getName());

    private static final AttachmentKey<byte[]> BODY = AttachmentKey.create(byte[].class);
    /** Gson's strict reader: standard JSON only, as Python's {@code json.loads} reads it. */
    private static final Gson STRICT = new GsonBuilder().setStrictness(Strictness.STRICT).create();

    private HttpJson() {
    }

    /**
     * Reads the whole request body first, without blocking Undertow's IO thread while it arrives, and then hands
     * the request on, to a handler that may answer right there.
     */
    public static HttpHandler readBodyFirst(HttpHandler next) {
        return exchange -> exchange.getRequestReceiver().receiveFullBytes((ex, body) -> {
            ex.putAttachment(BODY, body);
            try {
                next.handleRequest(ex);
            } catch (Exception e) {
                LOG.log(Level.SEVERE, "failed to answer " + ex.getRequestMethod() + " " + ex.getRequestPath(), e);
                ex.endExchange();
            }
        });
    }

    /**
     * Reads the request body, which {@link #readBodyFirst} has read, as a JSON object; a refusal (400 or 415) says
     * what is wrong and shows an example.
     */
    public static JsonObject readObject(HttpServerExchange exchange, String example) {
        String type = exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE);
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            throw new ApiError(415, "the body is sent as " + (type == null ? "no content type" : type)
                    + ", not as JSON", "add the header Content-Type: application/json (curl: -H \"Content-Type: application/json\")");
        }
        JsonElement json;
        try {
            json = parse(new String(exchange.getAttachment(BODY), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, e.getMessage(), "check for a trailing comma after the last item, single quotes"
                    + " instead of double quotes, or a missing quote or brace; a valid body looks like " + example);
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
            throw new IllegalArgumentException("the body is not valid JSON: " + plainWords(gson.getMessage()));
        }
    }

    /** Gson's first line says where it stopped; its advice to relax the parser is no help to a learner. */
    static String plainWords(String gson) {
        return gson.lines().findFirst().orElse("")
                .replace("Expected name", "expected a key in double quotes (is there a comma after the last item?)")
                .replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON", "unexpected text");
    }

    /** Answers with JSON written as the text's Flask node writes it: sorted keys, the bytes that Python hashes. */
    public static void send(HttpServerExchange exchange, int status, JsonElement body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseSender().send(CanonicalJson.write(body), StandardCharsets.US_ASCII);
    }
}
