package clf.blockchain;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

/**
 * The sections "understanding proof of work" and "implementing proof of work": find a number {@code proof} such
 * that the SHA-256 of the last proof followed by {@code proof} starts with {@code difficulty} zeros in hex.
 *
 * <p>The text's loop builds a string and a hex string for every guess. This one does the same work without
 * either: the guess's decimal digits live in a byte array and are counted up in place, one {@link MessageDigest}
 * is reused, and the zeros are checked on the raw digest, where one zero hex digit is one zero half-byte.
 *
 * <p>From step 04 on, a node mines on every core: the proofs are handed out in chunks, one thread per core takes
 * the next chunk until one finds a proof, and the search still returns the smallest proof, the text's.
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

    /** Guesses a thread takes at a time: about 4 ms of work, so handing them out costs nothing that shows. */
    private static final int CHUNK = 1 << 16;
    private static final int SLICE = 1 << 12;
    /** A long mine says how it is doing this often. */
    private static final long REPORT_NANOS = 2_000_000_000L;
    private static final Logger LOG = Logger.getLogger("clf.blockchain.node");

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

    public int threads() {
        return threads;
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
     * The text's {@code proof_of_work}: returns the smallest proof that {@link #validProof} accepts, the one the
     * text's loop finds counting up from 0, with how many guesses it took and how long.
     *
     * <p>Each thread, this one among them, takes the next chunk of proofs not yet handed out and tries them in
     * order. A thread that finds a proof lowers the bound, and no one starts or goes on with proofs above it. Every
     * proof below the bound is tried, by someone, exactly once; so the smallest valid proof is the one found.
     */
    public Result proofOfWork(long lastProof, String lastHash) {
        Search search = new Search(ascii(Long.toString(lastProof)), ascii(suffix(lastHash)));
        List<Thread> helpers = new ArrayList<>();
        for (int i = 1; i < threads; i++) {
            Thread helper = new Thread(search, "miner-" + i);
            helper.setDaemon(true);
            helper.start();
            helpers.add(helper);
        }
        search.run();
        boolean interrupted = false;
        for (Thread helper : helpers) {
            while (helper.isAlive()) {
                try {
                    helper.join();
                } catch (InterruptedException e) {
                    interrupted = true;  // The helpers stop within a chunk; wait for them, then pass it on.
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return new Result(search.best.get(), search.attempts.sum(), System.nanoTime() - search.started);
    }

    /** One search for a proof, shared by the threads that mine it. */
    private final class Search implements Runnable {
        private final byte[] lastProof;
        private final byte[] suffix;
        private final long started = System.nanoTime();
        private final AtomicLong nextChunk = new AtomicLong();
        /** The smallest proof found so far. */
        private final AtomicLong best = new AtomicLong(Long.MAX_VALUE);
        private final LongAdder attempts = new LongAdder();
        private final AtomicLong nextReport = new AtomicLong(started + REPORT_NANOS);

        Search(byte[] lastProof, byte[] suffix) {
            this.lastProof = lastProof;
            this.suffix = suffix;
        }

        @Override
        public void run() {
            MessageDigest sha256 = sha256();
            byte[] digest = new byte[32];
            for (long from = nextChunk.getAndAdd(CHUNK); from < best.get(); from = nextChunk.getAndAdd(CHUNK)) {
                Guess guess = new Guess(lastProof, Long.toString(from), suffix);
                // The chunk goes in slices; between two, a smaller proof found by another thread ends it early.
                for (long slice = from; slice < from + CHUNK && slice < best.get(); slice += SLICE) {
                    int found = tryNext(guess, SLICE, sha256, digest);
                    if (found >= 0) {
                        best.accumulateAndGet(slice + found, Math::min);
                        attempts.add(found + 1);
                        break;
                    }
                    attempts.add(SLICE);
                }
                report();
            }
        }

        /** Tries the next {@code count} guesses; returns how many came before the valid one, or -1. */
        private int tryNext(Guess guess, int count, MessageDigest sha256, byte[] digest) {
            for (int i = 0; i < count; i++) {
                sha256.update(guess.bytes, 0, guess.length);
                finish(sha256, digest);
                if (hasLeadingZeros(digest)) {
                    return i;
                }
                guess.countUp();
            }
            return -1;
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

        Guess(byte[] lastProof, String firstProof, byte[] suffix) {
            byte[] digits = ascii(firstProof);
            this.digitsStart = lastProof.length;
            this.suffix = suffix;
            this.bytes = new byte[lastProof.length + digits.length + suffix.length];
            System.arraycopy(lastProof, 0, bytes, 0, lastProof.length);
            System.arraycopy(digits, 0, bytes, digitsStart, digits.length);
            System.arraycopy(suffix, 0, bytes, digitsStart + digits.length, suffix.length);
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
