package clf.blockchain;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * One block, as the text draws it in "building clf-blockchain": a JSON object with the fields {@code index},
 * {@code timestamp}, {@code transactions}, {@code proof} and {@code previous_hash}.
 *
 * <p>A block keeps the JSON it was made from rather than copying it into Java fields. The hash is taken over that
 * JSON, so a block made by the tutorial's Python node hashes here exactly as it does there, even where Python's
 * types are loose: the genesis {@code previous_hash} is the number 1, and a sender may be {@code 0} or {@code "0"}.
 * Blocks are immutable: the JSON goes in and comes out as copies.
 */
public final class Block {

    private final JsonObject json;
    /** Written on first use; a block never changes, so neither does its canonical JSON. */
    private String canonicalJson;

    private Block(JsonObject json) {
        this.json = json;
    }

    /** Makes a block from its five fields. */
    public static Block of(long index, double timestamp, JsonArray transactions, long proof,
                           JsonElement previousHash) {
        JsonObject json = new JsonObject();
        json.addProperty("index", index);
        json.addProperty("timestamp", timestamp);
        json.add("transactions", transactions.deepCopy());
        json.addProperty("proof", proof);
        json.add("previous_hash", previousHash.deepCopy());
        return new Block(json);
    }

    /**
     * Reads a block from JSON, as another node sends it.
     *
     * @throws IllegalArgumentException naming the field that is missing or of the wrong kind
     */
    public static Block fromJson(JsonElement element) {
        if (element == null || !element.isJsonObject()) {
            throw new IllegalArgumentException("a block must be a JSON object, not " + element);
        }
        JsonObject json = element.getAsJsonObject();
        requireLong(json, "index");
        requireNumber(json, "timestamp");
        if (!json.has("transactions") || !json.get("transactions").isJsonArray()) {
            throw new IllegalArgumentException("a block needs 'transactions', a JSON array");
        }
        requireLong(json, "proof");
        JsonElement previousHash = json.get("previous_hash");
        if (previousHash == null || !previousHash.isJsonPrimitive() || previousHash.getAsJsonPrimitive().isBoolean()) {
            throw new IllegalArgumentException("a block needs 'previous_hash', a string (or the number 1 in genesis)");
        }
        return new Block(json.deepCopy());
    }

    public long index() {
        return json.get("index").getAsLong();
    }

    /** Seconds since the epoch with a fraction, like Python's {@code time.time()}. */
    public double timestamp() {
        return json.get("timestamp").getAsDouble();
    }

    public JsonArray transactions() {
        return json.getAsJsonArray("transactions").deepCopy();
    }

    public long proof() {
        return json.get("proof").getAsLong();
    }

    /** The hash of the block before; in the genesis block, the number 1. */
    public JsonElement previousHash() {
        return json.get("previous_hash").deepCopy();
    }

    public JsonObject toJson() {
        return json.deepCopy();
    }

    /** The exact text that {@link Blockchain#hash} hashes, as Python's {@code json.dumps(block, sort_keys=True)}. */
    public String canonicalJson() {
        if (canonicalJson == null) {
            canonicalJson = CanonicalJson.write(json);
        }
        return canonicalJson;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Block block && block.canonicalJson().equals(canonicalJson());
    }

    @Override
    public int hashCode() {
        return canonicalJson().hashCode();
    }

    @Override
    public String toString() {
        return canonicalJson();
    }

    private static void requireNumber(JsonObject json, String field) {
        JsonElement value = json.get(field);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            throw new IllegalArgumentException("a block needs '" + field + "', a number");
        }
    }

    private static void requireLong(JsonObject json, String field) {
        requireNumber(json, field);
        try {
            Long.parseLong(json.get(field).getAsJsonPrimitive().getAsNumber().toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a block needs '" + field + "', a whole number that fits in 64 bits");
        }
    }
}
