package clf.blockchain;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/**
 * A payment signed by its sender, from "transaction verification". Until step 05 anyone could post a payment from
 * anyone; now the sender is an address, the hex of an Ed25519 public key, and the payment carries a signature
 * that only the holder of the matching private key can make. The signature covers the canonical JSON of the other
 * four fields, so that changing any of them, even one digit of the amount, breaks it. The nonce counts the
 * sender's payments (1, 2, 3...): a payment copied and sent again has a nonce already used, and is refused.
 */
public record SignedTransaction(String sender, String recipient, long amount, long nonce, String signature) {

    /** The fields of a signed payment, no more, no fewer. */
    public static final List<String> FIELDS = List.of("sender", "recipient", "amount", "nonce", "signature");

    /** Signs a payment of {@code amount} to {@code recipient} as the {@code nonce}-th payment of the wallet. */
    public static SignedTransaction sign(Wallet wallet, String recipient, long amount, long nonce) {
        // exercise 6.1: Sign the canonical JSON of sender, recipient, amount and nonce with the wallet, and return the payment with its signature in hex.
        // exercise 6.1 begin
        String text = signedText(wallet.address(), recipient, amount, nonce);
        String signature = HexFormat.of().formatHex(wallet.sign(text.getBytes(StandardCharsets.US_ASCII)));
        return new SignedTransaction(wallet.address(), recipient, amount, nonce, signature);
        // exercise 6.1 end
    }

    /** What the signature covers: the canonical JSON of everything but the signature. */
    public static String signedText(String sender, String recipient, long amount, long nonce) {
        JsonObject unsigned = new JsonObject();
        unsigned.addProperty("sender", sender);
        unsigned.addProperty("recipient", recipient);
        unsigned.addProperty("amount", amount);
        unsigned.addProperty("nonce", nonce);
        return CanonicalJson.write(unsigned);
    }

    /** Is the signature the sender's, over exactly these fields? */
    public boolean signatureIsValid() {
        byte[] signatureBytes;
        try {
            signatureBytes = HexFormat.of().parseHex(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] text = signedText(sender, recipient, amount, nonce).getBytes(StandardCharsets.US_ASCII);
        return Wallet.verify(sender, text, signatureBytes);
    }

    /**
     * Reads a signed payment from JSON and checks its shape (not yet its signature or the ledger).
     *
     * @throws IllegalArgumentException saying which field is wrong
     */
    public static SignedTransaction fromJson(JsonElement json) {
        if (json == null || !json.isJsonObject()) {
            throw new IllegalArgumentException("a transaction must be a JSON object");
        }
        JsonObject object = json.getAsJsonObject();
        List<String> missing = FIELDS.stream().filter(field -> !object.has(field)).map(field -> "'" + field + "'").toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the transaction has no " + String.join(", ", missing));
        }
        for (String field : object.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("the transaction has an unknown field '" + field + "'");
            }
        }
        return new SignedTransaction(address(object, "sender"), address(object, "recipient"),
                positive(object, "amount"), positive(object, "nonce"), hex(object, "signature", 128));
    }

    public JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("sender", sender);
        json.addProperty("recipient", recipient);
        json.addProperty("amount", amount);
        json.addProperty("nonce", nonce);
        json.addProperty("signature", signature);
        return json;
    }

    /** Is this text an address: 64 lower-case hex digits? */
    public static boolean isAddress(String text) {
        return text.length() == 64 && text.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    private static String address(JsonObject object, String field) {
        JsonElement value = object.get(field);
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isString() && value.getAsString().equals("0")) {
            throw new IllegalArgumentException("'" + field + "' is \"0\", which only a mining reward may have:"
                    + " nobody can create coins by sending from \"0\"");
        }
        return hex(object, field, 64);
    }

    private static String hex(JsonObject object, String field, int digits) {
        JsonElement value = object.get(field);
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString() || value.getAsString().length() != digits
                || !value.getAsString().chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw new IllegalArgumentException("'" + field + "' must be " + digits + " lower-case hex digits"
                    + (digits == 64 ? " (an address, as `wallet address` prints it)" : " (an Ed25519 signature)"));
        }
        return value.getAsString();
    }

    private static long positive(JsonObject object, String field) {
        JsonElement value = object.get(field);
        // A number is whole if its text has no fraction and no exponent, as Python reads it; it may have been
        // parsed from a peer (a BigInteger) or built here (a long).
        String text = value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber() ? value.getAsString() : "";
        boolean whole = !text.isEmpty() && text.chars().allMatch(c -> c == '-' || (c >= '0' && c <= '9'));
        if (!whole || new BigInteger(text).signum() <= 0 || new BigInteger(text).bitLength() > 63) {
            throw new IllegalArgumentException("'" + field + "' must be a whole number from 1 to " + Long.MAX_VALUE);
        }
        return Long.parseLong(text);
    }
}
