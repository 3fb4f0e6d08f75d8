package clf.blockchain;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * One block of "building clf-blockchain", kept as the JSON it was made from, so that it hashes here as it does in
 * Python; immutable, its JSON goes in and comes out as copies.
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

    /** Reads a block from JSON, as another node sends it; an {@link IllegalArgumentException} names a bad field. */
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
