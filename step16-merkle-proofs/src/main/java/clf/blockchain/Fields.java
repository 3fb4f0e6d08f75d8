package clf.blockchain;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** The fields of a request body, each checked so that a refusal names it; the text's node answers a 500 instead. */
public final class Fields {

    /** Long enough for any address in this workshop, short enough that nobody fills a block with one string. */
    public static final int MAX_STRING_LENGTH = 256;

    private final JsonObject body;
    private final String example;

    /** Checks that the body has exactly the given fields; a refusal shows {@code example}, a valid body. */
    public Fields(JsonObject body, String example, String... names) {
        this.body = body;
        this.example = example;
        List<String> missing = new ArrayList<>(List.of(names));
        missing.removeAll(body.keySet());
        List<String> unknown = new ArrayList<>(body.keySet());
        unknown.removeAll(List.of(names));
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw refuse((missing.isEmpty() ? "" : "missing: " + String.join(", ", missing) + "; ")
                    + (unknown.isEmpty() ? "" : "unknown: " + String.join(", ", unknown) + "; ")
                    + "the fields are " + String.join(", ", names));
        }
    }

    /** A string of 1 to {@value #MAX_STRING_LENGTH} characters. */
    public String string(String name) {
        JsonElement value = body.get(name);
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString() || value.getAsString().isBlank()) {
            throw refuse("'" + name + "' must be a string in double quotes, not empty, not " + describe(value));
        }
        if (value.getAsString().length() > MAX_STRING_LENGTH) {
            throw refuse("'" + name + "' is " + value.getAsString().length() + " characters long; at most "
                    + MAX_STRING_LENGTH + " are allowed");
        }
        return value.getAsString();
    }

    /** A whole number from 1 up to the largest 64-bit integer. */
    public long positiveInteger(String name) {
        // exercise 4.2: Accept only a whole number from 1 to the largest long; refuse anything else with a 400 that names the field.
        // exercise 4.2 begin
        JsonElement value = body.get(name);
        // Whole, as Python reads it: no fraction and no exponent, 5 and not 5.0 or 5e0.
        String text = value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber() ? value.getAsString() : "";
        if (!text.matches("[0-9]+") || new BigInteger(text).signum() == 0) {
            throw refuse("'" + name + "' must be a positive whole number such as 5, not " + describe(value));
        }
        if (new BigInteger(text).bitLength() > 63) {
            throw refuse("'" + name + "' is too large; the largest is " + Long.MAX_VALUE);
        }
        return Long.parseLong(text);
        // exercise 4.2 end
    }

    private ApiError refuse(String error) {
        return new ApiError(400, error, "send a JSON object such as " + example);
    }

    private static String describe(JsonElement value) {
        String text = value.toString();
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
