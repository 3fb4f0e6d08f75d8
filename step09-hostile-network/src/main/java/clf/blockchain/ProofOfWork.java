package clf.blockchain;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

/**
 * The proof of work of "implementing proof of work": a proof whose hash starts with {@code difficulty} hex zeros,
 * searched on every core, and still the smallest one, as the text's loop finds it.
 */
public final class ProofOfWork {

    private static final Logger LOG = Logger.getLogger(ProofOfWork.class.getName());

    /** What the hash of a proof covers. */
    public enum Rule {
        /** The text's rule, {@code sha256(f"{last_proof}{proof}")}: the proof is tied to the last proof only. */
        TEXT,
        /** {@code sha256(f"{last_proof}{proof}{last_hash}")}: a rewritten block invalidates every proof after it. */
        LINKED
    }

    /** Guesses a thread takes at a time: a few milliseconds of work. */
    private static final int CHUNK = 1 << 16;
    private static final int SLICE = 1 << 12;
    /** A long mine says how it is doing this often. */
    private static final long REPORT_NANOS = 2_000_000_000L;

    private final Rule rule;
    private final int difficulty;
    private final int threads;

    /** A proof of work that mines on one thread. */
    public ProofOfWork(Rule rule, int difficulty) {
        this(rule, difficulty, 1);
    }

    /** A proof of work that mines on {@code threads} threads. */
    public ProofOfWork(Rule rule, int difficulty, int threads) {
        if (difficulty < 1 || difficulty > 64) {
            throw new IllegalArgumentException("difficulty is a count of leading hex zeros, 1 to 64, not " + difficulty);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("mining needs at least one thread, not " + threads);
        }
        this.rule = rule;
        this.difficulty = difficulty;
        this.threads = threads;
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

    /**
     * The text's {@code proof_of_work}: each thread takes the next chunk of proofs and tries them in order until a
     * found proof bounds the search, so every proof below the smallest valid one is tried, exactly once.
     */
    public Result proofOfWork(long lastProof, String lastHash) {
        Search search = new Search(Long.toString(lastProof), rule == Rule.LINKED ? lastHash : "");
        CompletableFuture<?>[] helpers = new CompletableFuture<?>[threads - 1];
        for (int i = 0; i < helpers.length; i++) {
            // Each helper on a thread of its own, which ends with the search.
            helpers[i] = CompletableFuture.runAsync(search, task -> new Thread(task, "miner").start());
        }
        search.run();
        CompletableFuture.allOf(helpers).join();
        Result result = new Result(search.best.get(), search.attempts.sum(), System.nanoTime() - search.started);
        LOG.info(() -> result + " on " + threads + (threads == 1 ? " thread" : " threads"));
        return result;
    }

    /** One search for a proof, shared by the threads that mine it. */
    private final class Search implements Runnable {
        private final String lastProof;
        private final String suffix;
        private final long started = System.nanoTime();
        private final AtomicLong nextChunk = new AtomicLong();
        /** The smallest proof found so far. */
        private final AtomicLong best = new AtomicLong(Long.MAX_VALUE);
        private final LongAdder attempts = new LongAdder();
        private final AtomicLong nextReport = new AtomicLong(started + REPORT_NANOS);

        Search(String lastProof, String suffix) {
            this.lastProof = lastProof;
            this.suffix = suffix;
        }

        @Override
        public void run() {
            // exercise 7.1: Take the next chunk of proofs while it starts below the best proof found, try it with tryChunk, count the attempts, and report().
            // exercise 7.1 begin
            MessageDigest sha256 = Sha256.digest();
            byte[] digest = new byte[32];
            for (long from = nextChunk.getAndAdd(CHUNK); from < best.get(); from = nextChunk.getAndAdd(CHUNK)) {
                attempts.add(tryChunk(from, sha256, digest));
                report();
            }
            // exercise 7.1 end
        }

        /** Tries the chunk's proofs in order until one is valid, which lowers the best proof; returns how many it tried. */
        private long tryChunk(long from, MessageDigest sha256, byte[] digest) {
            Guess guess = new Guess(lastProof, from, suffix);
            long proof = from;
            // A proof found by another thread lowers the bound; it is read between slices, not on every guess.
            for (; proof < from + CHUNK && (proof % SLICE != 0 || proof < best.get()); proof++) {
                sha256.update(guess.bytes);
                try {
                    sha256.digest(digest, 0, 32);
                } catch (DigestException e) {
                    throw new IllegalStateException("a 32-byte buffer always holds a SHA-256 digest", e);
                }
                if (hasLeadingZeros(digest)) {
                    best.accumulateAndGet(proof, Math::min);
                    return proof - from + 1;
                }
                guess.countUp();
            }
            return proof - from;
        }

        /** Logs the attempts and the rate every few seconds, from whichever thread gets there first. */
        private void report() {
            long now = System.nanoTime();
            long due = nextReport.get();
            if (now >= due && nextReport.compareAndSet(due, now + REPORT_NANOS)) {
                long tried = attempts.sum();
                LOG.info(() -> String.format("still mining: %,d attempts in %.1f s (%.2f Mhash/s on %d thread%s)",
                        tried, (now - started) / 1e9, tried * 1e3 / (now - started), threads, threads == 1 ? "" : "s"));
            }
        }
    }

    /** The bytes of {@code f"{last_proof}{proof}{suffix}"}, whose proof digits count up in place like an odometer. */
    private static final class Guess {
        private final int start;
        private final int suffix;
        private byte[] bytes;

        Guess(String lastProof, long proof, String suffix) {
            this.bytes = (lastProof + proof + suffix).getBytes(StandardCharsets.US_ASCII);
            this.start = lastProof.length();
            this.suffix = suffix.length();
        }

        void countUp() {
            int i = bytes.length - suffix - 1;
            while (i >= start && bytes[i] == '9') {
                bytes[i--] = '0';
            }
            if (i >= start) {
                bytes[i]++;
            } else {
                // 9...9 became 0...0: the proof is one digit longer, 10...0.
                byte[] longer = new byte[bytes.length + 1];
                System.arraycopy(bytes, 0, longer, 0, start);
                longer[start] = '1';
                System.arraycopy(bytes, start, longer, start + 1, bytes.length - start);
                bytes = longer;
            }
        }
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
