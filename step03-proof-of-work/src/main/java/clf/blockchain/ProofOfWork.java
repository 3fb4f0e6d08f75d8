package clf.blockchain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The proof of work of "implementing proof of work": a proof whose hash starts with difficulty hex zeros. */
public final class ProofOfWork {

    /** What the hash of a proof covers. */
    public enum Rule {
        /** The text's rule, {@code sha256(f"{last_proof}{proof}")}: the proof is tied to the last proof only. */
        TEXT,
        /** {@code sha256(f"{last_proof}{proof}{last_hash}")}: a rewritten block invalidates every proof after it. */
        LINKED
    }

    private final Rule rule;
    private final int difficulty;

    public ProofOfWork(Rule rule, int difficulty) {
        if (difficulty < 1 || difficulty > 64) {
            throw new IllegalArgumentException("difficulty is a count of leading hex zeros, 1 to 64, not " + difficulty);
        }
        this.rule = rule;
        this.difficulty = difficulty;
    }

    /** The text's rule with the text's difficulty, four leading zeros. */
    public static ProofOfWork text() {
        return new ProofOfWork(Rule.TEXT, 4);
    }

    /** The text's {@code valid_proof}: does this guess hash to enough leading zeros? */
    public boolean validProof(long lastProof, long proof, String lastHash) {
        return validProof(Sha256.digest(), lastProof, proof, lastHash);
    }

    private boolean validProof(MessageDigest sha256, long lastProof, long proof, String lastHash) {
        // exercise 3.1: Hash the last proof followed by the proof (and, under the linked rule, the last hash), and say whether the hash starts with difficulty hex zeros.
        // exercise 3.1 begin
        String guess = Long.toString(lastProof) + proof + (rule == Rule.LINKED ? lastHash : "");
        return hasLeadingZeros(sha256.digest(guess.getBytes(StandardCharsets.US_ASCII)));
        // exercise 3.1 end
    }

    /** The text's {@code proof_of_work}: counts up from 0 to the first valid proof; one digest serves every guess. */
    public Result proofOfWork(long lastProof, String lastHash) {
        // exercise 3.2: Try proofs 0, 1, 2... until one is valid, and return it with the number of attempts and the time taken.
        // exercise 3.2 begin
        long started = System.nanoTime();
        MessageDigest sha256 = Sha256.digest();
        long proof = 0;
        while (!validProof(sha256, lastProof, proof, lastHash)) {
            proof++;
        }
        return new Result(proof, proof + 1, System.nanoTime() - started);
        // exercise 3.2 end
    }

    /** One zero hex digit is one zero half-byte, so the check needs no hex string. */
    private boolean hasLeadingZeros(byte[] digest) {
        for (int i = 0; i < difficulty; i++) {
            int halfByte = i % 2 == 0 ? (digest[i / 2] & 0xF0) : (digest[i / 2] & 0x0F);
            if (halfByte != 0) {
                return false;
            }
        }
        return true;
    }

    /** A found proof, with the number of guesses it took and the time. */
    public record Result(long proof, long attempts, long nanos) {

        @Override
        public String toString() {
            return String.format("proof %d after %,d attempt%s in %.1f ms (%.2f Mhash/s)", proof, attempts,
                    attempts == 1 ? "" : "s", nanos / 1e6, attempts * 1e3 / Math.max(1, nanos));
        }
    }
}
