package clf.conformance;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** One of the kit's own Ed25519 keys: its address is the hex of the public key; it signs payments as step 06 says. */
public final class Keys {

    /** The key that level 16 mines for, the same in every run, so that a node can be started with its address. */
    public static final Keys MINER = new Keys(HexFormat.of().parseHex(PythonJson.sha256("the conformance kit's miner")));

    private final Ed25519PrivateKeyParameters privateKey;

    public Keys() {
        privateKey = new Ed25519PrivateKeyParameters(new SecureRandom());
    }

    private Keys(byte[] seed) {
        privateKey = new Ed25519PrivateKeyParameters(seed, 0);
    }

    public String address() {
        return HexFormat.of().formatHex(privateKey.generatePublicKey().getEncoded());
    }

    /** A payment of {@code amount} to {@code recipient}, as the sender's {@code nonce}-th, signed by this key. */
    public JsonObject pay(String sender, String recipient, long amount, long nonce) {
        JsonObject payment = new JsonObject();
        payment.addProperty("sender", sender);
        payment.addProperty("recipient", recipient);
        payment.addProperty("amount", amount);
        payment.addProperty("nonce", nonce);
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        byte[] signed = PythonJson.dumps(payment).getBytes(StandardCharsets.US_ASCII);
        signer.update(signed, 0, signed.length);
        payment.addProperty("signature", HexFormat.of().formatHex(signer.generateSignature()));
        return payment;
    }

    public JsonObject pay(String recipient, long amount, long nonce) {
        return pay(address(), recipient, amount, nonce);
    }
}
