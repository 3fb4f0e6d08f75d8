package clf.blockchain;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** JSON in and out of an HTTP exchange: the request body, read with care, and the response, written canonically. */
public final class HttpJson {

    /** A transaction is a few hundred bytes; a body far larger is a mistake or an attack. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private HttpJson() {
    }

    /**
     * Reads the request body as a JSON object.
     *
     * @throws ApiError 413 if the body is too large, 415 if it is not declared as JSON, 400 if it is missing, is
     *                  not JSON, or is JSON but not an object
     */
    public static JsonObject readObject(HttpServerExchange exchange, String example) throws IOException {
        long declared = exchange.getRequestContentLength();
        if (declared > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        // With a Content-Length we read exactly that much; without one (a chunked body) we read one byte past
        // the limit, to tell a body at the limit from a body over it.
        int wanted = declared >= 0 ? (int) declared : MAX_BODY_BYTES + 1;
        byte[] body = exchange.getInputStream().readNBytes(wanted);
        if (body.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        if (body.length == 0) {
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
