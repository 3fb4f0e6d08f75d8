package clf.blockchain;

import com.google.gson.JsonObject;

/** A request the node refuses, answered as {@code {"error": what is wrong, "hint": how to fix it}}; it changes nothing. */
public final class ApiError extends IllegalArgumentException {

    private final int status;
    private final String hint;

    public ApiError(int status, String error, String hint) {
        super(error);
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
