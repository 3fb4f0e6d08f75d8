package clf.blockchain;

import java.security.DigestException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

/**
 * The proof of work of a block header: the smallest proof whose hash, after the header's digest, starts with
 * the block's target, searched on every core.
 */
public final class ProofOfWork {

    private static final Logger LOG = Logger.getLogger(ProofOfWork.class.getName());

    /** Guesses a thread takes at a time: a few milliseconds of work. */
    private static final int CHUNK = 1 << 16;
    private static final int SLICE = 1 << 12;
    /** A long mine says how it is doing this often. */
    private static final long REPORT_NANOS = 2_000_000_000L;

    private final Retarget retarget;
    private final int threads;

    /** A proof of work that mines on one thread, with the default window and block time. */
    public ProofOfWork(int difficulty) {
        this(new Retarget(Target.ofDifficulty(difficulty), Retarget.EVERY, Retarget.BLOCK_SECONDS), 1);
    }

    /** A proof of work whose targets follow {@code retarget}, mining on {@code threads} threads. */
    public ProofOfWork(Retarget retarget, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("mining needs at least one thread, not " + threads);
        }
        this.retarget = retarget;
        this.threads = threads;
    }

    public Retarget retarget() {
        return retarget;
    }

    /** The text's valid_proof: is the hash of the header's digest and the proof at most the target? One hash. */
    public static boolean validProof(byte[] headerDigest, long proof, Target target) {
        return target.admits(hash(headerDigest, proof));
    }

    /** The block's hash: the SHA-256 of its header's 32-byte digest followed by its proof. */
    static byte[] hash(byte[] headerDigest, long proof) {
        byte[] message = Arrays.copyOf(headerDigest, 40);
        byte[] hash = new byte[32];
        hash(Sha256.digest(), message, proof, hash);
        return hash;
    }

    /** Hashes a guess, 40 bytes: the header's digest, then the proof, which goes into the message's last 8 bytes. */
    private static void hash(MessageDigest sha256, byte[] message, long proof, byte[] hash) {
        // exercise 13.1: Write the proof into the last 8 bytes of the message, most significant byte first, and put the SHA-256 of the 40 bytes into hash.
        // exercise 13.1 begin
        for (int i = 0; i < 8; i++) {
            message[39 - i] = (byte) (proof >>> (8 * i));
        }
        sha256.update(message);
        try {
            sha256.digest(hash, 0, 32);
        } catch (DigestException e) {
            throw new IllegalStateException("a 32-byte buffer always holds a SHA-256 digest", e);
        }
        // exercise 13.1 end
    }

    /**
     * The text's {@code proof_of_work}: each thread takes the next chunk of proofs and tries them in order until a
     * found proof bounds the search, so every proof below the smallest valid one is tried, exactly once.
     */
    public Result proofOfWork(byte[] headerDigest, Target target) {
        Search search = new Search(headerDigest, target);
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
        private final byte[] headerDigest;
        private final Target target;
        private final long started = System.nanoTime();
        private final AtomicLong nextChunk = new AtomicLong();
        /** The smallest proof found so far. */
        private final AtomicLong best = new AtomicLong(Long.MAX_VALUE);
        private final LongAdder attempts = new LongAdder();
        private final AtomicLong nextReport = new AtomicLong(started + REPORT_NANOS);

        Search(byte[] headerDigest, Target target) {
            this.headerDigest = headerDigest.clone();
            this.target = target;
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
            // The header is hashed once a block; a guess hashes its digest and the proof, one block of SHA-256.
            byte[] message = Arrays.copyOf(headerDigest, 40);
            long proof = from;
            // A proof found by another thread lowers the bound; it is read between slices, not on every guess.
            for (; proof < from + CHUNK && (proof % SLICE != 0 || proof < best.get()); proof++) {
                hash(sha256, message, proof, digest);
                if (target.admits(digest)) {
                    best.accumulateAndGet(proof, Math::min);
                    return proof - from + 1;
                }
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

    /** A found proof, with the number of guesses it took and the time. */
    public record Result(long proof, long attempts, long nanos) {

        @Override
        public String toString() {
            return String.format("proof %d after %,d attempt%s in %.1f ms (%.2f Mhash/s)", proof, attempts,
                    attempts == 1 ? "" : "s", nanos / 1e6, attempts * 1e3 / Math.max(1, nanos));
        }
    }
}
