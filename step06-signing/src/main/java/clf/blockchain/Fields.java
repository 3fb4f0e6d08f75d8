package clf.blockchain;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The fields of a request body: a refusal names those missing and those unknown. The text's node checks only
 * that the keys are there, and crashes with a 500 on everything else. (Signed payments check their own fields,
 * in {@link SignedTransaction}, because a peer's chain holds them too.)
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

    private ApiError refuse(String error) {
        return new ApiError(400, error, "send a JSON object such as " + example);
    }
}
