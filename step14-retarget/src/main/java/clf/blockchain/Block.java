package clf.blockchain;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;

/**
 * One block of "building clf-blockchain", kept as the JSON it was made from, so that it hashes here as it does in
 * Python; immutable, its JSON goes in and comes out as copies.
 */
public final class Block implements Retarget.Dated {

    private final JsonObject json;
    /** Written on first use; a block never changes, so neither does its canonical JSON. */
    private String canonicalJson;
    private byte[] headerDigest;

    private Block(JsonObject json) {
        this.json = json;
    }

    /** Makes a block from its fields; its {@code transactions_hash} is the digest of its transactions. */
    public static Block of(long index, double timestamp, JsonArray transactions, long proof,
                           JsonElement previousHash, Target target) {
        JsonObject json = new JsonObject();
        json.addProperty("index", index);
        json.addProperty("timestamp", timestamp);
        json.add("transactions", transactions.deepCopy());
        json.addProperty("transactions_hash", transactionsHash(transactions));
        json.addProperty("target", target.hex());
        json.addProperty("proof", proof);
        json.add("previous_hash", previousHash.deepCopy());
        return new Block(json);
    }

    /** The same block with another proof, which leaves its header as it is. */
    public Block withProof(long proof) {
        JsonObject changed = toJson();
        changed.addProperty("proof", proof);
        Block block = new Block(changed);
        block.headerDigest = headerDigest;
        return block;
    }

    /** The SHA-256 of the transactions' canonical JSON, in hex. */
    public static String transactionsHash(JsonArray transactions) {
        return Sha256.hex(CanonicalJson.write(transactions));
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
        if (!json.has("target") || !json.has("transactions_hash")) {
            throw new IllegalArgumentException("a block needs a header with 'target' and 'transactions_hash',"
                    + " which blocks of the steps before 14 do not have: run every node at step 14 or later");
        }
        JsonElement target = json.get("target");
        if (!target.isJsonPrimitive() || !target.getAsJsonPrimitive().isString()) {
            throw new IllegalArgumentException("a block's 'target' is 64 lower-case hex digits, not " + target);
        }
        Target.fromHex(target.getAsString());
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

    public Target target() {
        return Target.fromHex(json.get("target").getAsString());
    }

    public JsonElement transactionsHash() {
        return json.get("transactions_hash").deepCopy();
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

    /** The block as Python's {@code json.dumps(block, sort_keys=True)} writes it, as {@code /chain} and the log do. */
    public String canonicalJson() {
        if (canonicalJson == null) {
            canonicalJson = CanonicalJson.write(json);
        }
        return canonicalJson;
    }

    /** The SHA-256 of the header's canonical JSON: index, previous_hash, target, timestamp, transactions_hash. */
    public byte[] headerDigest() {
        if (headerDigest == null) {
            JsonObject header = new JsonObject();
            for (String field : new String[] {"index", "previous_hash", "target", "timestamp", "transactions_hash"}) {
                header.add(field, json.get(field));
            }
            headerDigest = Sha256.digest().digest(CanonicalJson.write(header).getBytes(StandardCharsets.UTF_8));
        }
        return headerDigest.clone();
    }

    /** Whether the block's hash is at most its target. */
    public boolean validProof() {
        return ProofOfWork.validProof(headerDigest(), proof(), target());
    }

    /** The block's hash, which its proof of work makes small and the next block's previous_hash names. */
    public byte[] hashBytes() {
        return ProofOfWork.hash(headerDigest(), proof());
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
