package clf.blockchain;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * A payment signed by its sender, from "transaction verification": the signature covers the other four fields, and
 * the nonce counts the sender's payments, so that a copy sent again is refused.
 */
public record SignedTransaction(String sender, String recipient, long amount, long nonce, String signature) {

    static final String EXAMPLE = "{\"sender\": ADDRESS, \"recipient\": ADDRESS, \"amount\": 5, \"nonce\": 1, \"signature\": HEX}";

    /** Signs a payment of {@code amount} to {@code recipient} as the {@code nonce}-th payment of the wallet. */
    public static SignedTransaction sign(Wallet wallet, String recipient, long amount, long nonce) {
        // exercise 6.1: Sign the canonical JSON of sender, recipient, amount and nonce with the wallet, and return the payment with its signature in hex.
        // exercise 6.1 begin
        String text = new SignedTransaction(wallet.address(), recipient, amount, nonce, "").signedText();
        String signature = HexFormat.of().formatHex(wallet.sign(text.getBytes(StandardCharsets.US_ASCII)));
        return new SignedTransaction(wallet.address(), recipient, amount, nonce, signature);
        // exercise 6.1 end
    }

    /** What the signature covers: the canonical JSON of everything but the signature. */
    public String signedText() {
        JsonObject unsigned = toJson();
        unsigned.remove("signature");
        return CanonicalJson.write(unsigned);
    }

    public boolean signatureIsValid() {
        return Wallet.verify(sender, signedText().getBytes(StandardCharsets.US_ASCII), HexFormat.of().parseHex(signature));
    }

    /** Reads a signed payment and checks its shape, not yet its signature; an {@link ApiError} 400 names a bad field. */
    public static SignedTransaction fromJson(JsonElement json) {
        if (!json.isJsonObject()) {
            throw refuse("a transaction must be a JSON object");
        }
        Fields fields = new Fields(json.getAsJsonObject(), EXAMPLE, "sender", "recipient", "amount", "nonce", "signature");
        if (fields.string("sender").equals("0")) {
            throw refuse("'sender' is \"0\", which only a mining reward may have: nobody can create coins by sending"
                    + " from \"0\"");
        }
        return new SignedTransaction(hex(fields, "sender", 64), hex(fields, "recipient", 64),
                fields.positiveInteger("amount"), fields.positiveInteger("nonce"), hex(fields, "signature", 128));
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

    public static boolean isAddress(String text) {
        return text.matches("[0-9a-f]{64}");
    }

    private static String hex(Fields fields, String field, int digits) {
        String value = fields.string(field);
        if (!value.matches("[0-9a-f]{" + digits + "}")) {
            throw refuse("'" + field + "' must be " + digits + " lower-case hex digits"
                    + (digits == 64 ? " (an address, as `wallet address` prints it)" : " (an Ed25519 signature)"));
        }
        return value;
    }

    private static ApiError refuse(String error) {
        return new ApiError(400, error, "send a signed payment such as " + EXAMPLE);
    }
}
