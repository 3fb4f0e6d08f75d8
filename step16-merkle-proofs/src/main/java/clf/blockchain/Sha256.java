package clf.blockchain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, the text's {@code hashlib.sha256}, from "creating new blocks". */
public final class Sha256 {

    private Sha256() {
    }

    /** A new digest; one digest may hash many messages, one after another. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The lower-case hex of the SHA-256 of the text's UTF-8 bytes, as {@code sha256(text.encode()).hexdigest()}. */
    public static String hex(String text) {
        return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
