package clf.blockchain;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The sections "understanding proof of work" and "implementing proof of work": find a number {@code proof} such
 * that the SHA-256 of the last proof followed by {@code proof} starts with {@code difficulty} zeros in hex.
 *
 * <p>The text's loop builds a string and a hex string for every guess. This one does the same work without
 * either: the guess's decimal digits live in a byte array and are counted up in place, one {@link MessageDigest}
 * is reused, and the zeros are checked on the raw digest, where one zero hex digit is one zero half-byte.
 */
public final class ProofOfWork {

    /** What the hash of a proof covers. */
    public enum Rule {
        /** The text's rule, {@code sha256(f"{last_proof}{proof}")}: the proof is tied to the last proof only. */
        TEXT,
        /**
         * {@code sha256(f"{last_proof}{proof}{last_hash}")}, as the text's author later changed it: the proof is
         * also tied to the hash of the last block, so a rewritten block invalidates every proof after it.
         */
        LINKED
    }

    /** The text's four leading zeros. */
    public static final int DEFAULT_DIFFICULTY = 4;

    private final Rule rule;
    private final int difficulty;

    public ProofOfWork(Rule rule, int difficulty) {
        if (difficulty < 1 || difficulty > 64) {
            throw new IllegalArgumentException("difficulty is a count of leading hex zeros, 1 to 64, not " + difficulty);
        }
        this.rule = rule;
        this.difficulty = difficulty;
    }

    /** The text's rule with the text's difficulty. */
    public static ProofOfWork text() {
        return new ProofOfWork(Rule.TEXT, DEFAULT_DIFFICULTY);
    }

    public Rule rule() {
        return rule;
    }

    public int difficulty() {
        return difficulty;
    }

    /** The text's {@code valid_proof}: does this guess hash to enough leading zeros? */
    public boolean validProof(long lastProof, long proof, String lastHash) {
        // exercise 3.1: Hash the last proof followed by the proof (and, under the linked rule, the last hash), and say whether the hash starts with difficulty hex zeros.
        // exercise 3.1 begin
        byte[] guess = ascii(Long.toString(lastProof) + proof + suffix(lastHash));
        return hasLeadingZeros(sha256().digest(guess));
        // exercise 3.1 end
    }

    /**
     * The text's {@code proof_of_work}: counts up from 0 and returns the first proof that {@link #validProof}
     * accepts, with how many guesses it took and how long.
     */
    public Result proofOfWork(long lastProof, String lastHash) {
        // exercise 3.2: Try proofs 0, 1, 2... until one is valid, and return it with the number of attempts and the time taken.
        // exercise 3.2 begin
        long started = System.nanoTime();
        Guess guess = new Guess(ascii(Long.toString(lastProof)), ascii(suffix(lastHash)));
        MessageDigest sha256 = sha256();
        byte[] digest = new byte[32];
        long proof = 0;
        while (true) {
            sha256.update(guess.bytes, 0, guess.length);
            finish(sha256, digest);
            if (hasLeadingZeros(digest)) {
                return new Result(proof, proof + 1, System.nanoTime() - started);
            }
            proof++;
            guess.countUp();
        }
        // exercise 3.2 end
    }

    private String suffix(String lastHash) {
        return rule == Rule.LINKED ? lastHash : "";
    }

    /** One zero hex digit is one zero half-byte, so the check needs no hex string. */
    private boolean hasLeadingZeros(byte[] digest) {
        int wholeBytes = difficulty / 2;
        for (int i = 0; i < wholeBytes; i++) {
            if (digest[i] != 0) {
                return false;
            }
        }
        return difficulty % 2 == 0 || (digest[wholeBytes] & 0xF0) == 0;
    }

    private static void finish(MessageDigest sha256, byte[] digest) {
        try {
            sha256.digest(digest, 0, digest.length);
        } catch (DigestException e) {
            throw new IllegalStateException("a 32-byte buffer always holds a SHA-256 digest", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The bytes of {@code f"{last_proof}{proof}{suffix}"} for the current proof. The proof's decimal digits are
     * counted up in place like an odometer; only when 9...9 rolls over does the guess grow by one digit.
     */
    private static final class Guess {
        private final int digitsStart;
        private final byte[] suffix;
        private byte[] bytes;
        private int length;

        Guess(byte[] lastProof, byte[] suffix) {
            this.digitsStart = lastProof.length;
            this.suffix = suffix;
            this.bytes = new byte[lastProof.length + 1 + suffix.length];
            System.arraycopy(lastProof, 0, bytes, 0, lastProof.length);
            bytes[digitsStart] = '0';
            System.arraycopy(suffix, 0, bytes, digitsStart + 1, suffix.length);
            this.length = bytes.length;
        }

        void countUp() {
            int i = length - suffix.length - 1;
            while (i >= digitsStart && bytes[i] == '9') {
                bytes[i--] = '0';
            }
            if (i >= digitsStart) {
                bytes[i]++;
            } else {
                grow();
            }
        }

        /** 9...9 became 0...0: write 10...0, one digit longer, and move the suffix along. */
        private void grow() {
            byte[] longer = new byte[length + 1];
            System.arraycopy(bytes, 0, longer, 0, digitsStart);
            longer[digitsStart] = '1';
            int digits = length - suffix.length - digitsStart;
            Arrays.fill(longer, digitsStart + 1, digitsStart + 1 + digits, (byte) '0');
            System.arraycopy(suffix, 0, longer, digitsStart + 1 + digits, suffix.length);
            bytes = longer;
            length = longer.length;
        }
    }

    /** A found proof, with the number of guesses it took and the time. */
    public record Result(long proof, long attempts, long nanos) {

        public double hashesPerSecond() {
            return nanos == 0 ? 0 : attempts * 1e9 / nanos;
        }

        @Override
        public String toString() {
            return String.format("proof %d after %,d attempts in %.1f ms (%.2f Mhash/s)",
                    proof, attempts, nanos / 1e6, hashesPerSecond() / 1e6);
        }
    }
}
