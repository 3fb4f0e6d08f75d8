package clf.blockchain;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The fields of a request body, checked one by one so that a refusal names the field and says what it should
 * be. The text's node checks only that the keys are there, and crashes with a 500 on everything else.
 */
public final class Fields {

    /** Long enough for any address in this workshop, short enough that nobody fills a block with one string. */
    public static final int MAX_STRING_LENGTH = 256;

    private final JsonObject body;
    private final String example;

    /**
     * Checks that the body has exactly the given fields.
     *
     * @param example a valid body, shown in every refusal
     */
    public Fields(JsonObject body, String example, String... names) {
        this.body = body;
        this.example = example;
        Set<String> expected = new LinkedHashSet<>(List.of(names));
        List<String> missing = new ArrayList<>();
        for (String name : expected) {
            if (!body.has(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw refuse("missing field" + (missing.size() > 1 ? "s: " : ": ") + String.join(", ", missing));
        }
        List<String> unknown = new ArrayList<>(body.keySet());
        unknown.removeAll(expected);
        if (!unknown.isEmpty()) {
            throw refuse("unknown field" + (unknown.size() > 1 ? "s: " : ": ") + String.join(", ", unknown)
                    + "; the fields are " + String.join(", ", expected));
        }
    }

    /** A string of 1 to {@value #MAX_STRING_LENGTH} characters. */
    public String string(String name) {
        JsonElement value = body.get(name);
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw refuse("'" + name + "' must be a string in double quotes, not " + describe(value));
        }
        String text = value.getAsString();
        if (text.isBlank()) {
            throw refuse("'" + name + "' is empty");
        }
        if (text.length() > MAX_STRING_LENGTH) {
            throw refuse("'" + name + "' is " + text.length() + " characters long; at most "
                    + MAX_STRING_LENGTH + " are allowed");
        }
        return text;
    }

    /** A whole number from 1 up to the largest 64-bit integer. */
    public long positiveInteger(String name) {
        // exercise 4.2: Accept only a whole number from 1 to the largest long; refuse anything else with a 400 that names the field.
        // exercise 4.2 begin
        JsonElement value = body.get(name);
        boolean integer = value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()
                && value.getAsJsonPrimitive().getAsNumber() instanceof BigInteger;
        if (!integer || value.getAsBigInteger().signum() <= 0) {
            throw refuse("'" + name + "' must be a positive whole number such as 5, not " + describe(value));
        }
        if (value.getAsBigInteger().bitLength() > 63) {
            throw refuse("'" + name + "' is too large; the largest is " + Long.MAX_VALUE);
        }
        return value.getAsLong();
        // exercise 4.2 end
    }

    private ApiError refuse(String error) {
        return new ApiError(400, error, "send a JSON object such as " + example);
    }

    private static String describe(JsonElement value) {
        if (value.isJsonPrimitive()) {
            JsonPrimitive primitive = value.getAsJsonPrimitive();
            String text = CanonicalJson.write(primitive);
            text = text.length() > 40 ? text.substring(0, 40) + "..." : text;
            return primitive.isString() ? "the string " + text : text;
        }
        return value.isJsonNull() ? "null" : value.isJsonArray() ? "a list" : "an object";
    }
}
