package clf.blockchain;

import com.google.gson.JsonObject;

/**
 * A request the node refuses: the HTTP status, what is wrong, and how to fix it. Every refusal is answered as
 * JSON, {@code {"error": ..., "hint": ...}}, and changes nothing.
 */
public final class ApiError extends RuntimeException {

    private final int status;
    private final String hint;

    public ApiError(int status, String error, String hint) {
        super(error, null, false, false);
        this.status = status;
        this.hint = hint;
    }

    public int status() {
        return status;
    }

    public JsonObject toJson() {
        JsonObject body = new JsonObject();
        body.addProperty("error", getMessage());
        body.addProperty("hint", hint);
        return body;
    }
}
