package clf.conformance;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeSet;

/**
 * The text's hash rule, {@code hashlib.sha256(json.dumps(block, sort_keys=True).encode()).hexdigest()}, and its proof
 * rule. Numbers are written as the node sent them (Gson keeps their text), so a float keeps the node's digits.
 */
public final class PythonJson {

    private PythonJson() {
    }

    /** {@code json.dumps(value, sort_keys=True)}: ", " and ": " separators, keys sorted, non-ASCII escaped. */
    public static String dumps(JsonElement value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    public static String hash(JsonElement block) {
        return sha256(dumps(block));
    }

    /**
     * The text's valid_proof: the SHA-256 of the last proof and the proof, written one after the other, starts with
     * 0000. Under step 03's linked rule (steps 06 on), the last block's hash follows them; the text's rule passes "".
     */
    public static boolean validProof(long lastProof, long proof, String lastHash) {
        return sha256(Long.toString(lastProof) + proof + lastHash).startsWith("0000");
    }

    /** The text's proof_of_work: the smallest proof that is valid after {@code lastProof}. */
    public static long proofOfWork(long lastProof, String lastHash) {
        long proof = 0;
        while (!validProof(lastProof, proof, lastHash)) {
            proof++;
        }
        return proof;
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(JsonElement value, StringBuilder out) {
        if (value.isJsonNull()) {
            out.append("null");
        } else if (value.isJsonArray()) {
            out.append('[');
            String separator = "";
            for (JsonElement item : value.getAsJsonArray()) {
                out.append(separator);
                write(item, out);
                separator = ", ";
            }
            out.append(']');
        } else if (value.isJsonObject()) {
            JsonObject object = value.getAsJsonObject();
            out.append('{');
            String separator = "";
            for (String key : new TreeSet<>(object.keySet())) {
                out.append(separator);
                string(key, out);
                out.append(": ");
                write(object.get(key), out);
                separator = ", ";
            }
            out.append('}');
        } else if (value.getAsJsonPrimitive().isString()) {
            string(value.getAsString(), out);
        } else if (value.getAsJsonPrimitive().isBoolean()) {
            out.append(value.getAsBoolean() ? "true" : "false");
        } else {
            out.append(value.getAsNumber().toString());
        }
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        out.append('"');
    }
}
