package clf.blockchain;

import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How fast the complete node mines: the real proof of work at a difficulty high enough that each search takes about
 * a second, first on one thread, then on every core, with the hashes per second of each and their ratio.
 *
 * <pre>java -cp bench/target/benchmarks.jar clf.blockchain.HashRate [--seconds N]</pre>
 */
@Command(name = "HashRate", description = "Measures how fast the node mines, on one thread and on every core.")
public final class HashRate implements Callable<Integer> {

    @Option(names = "--seconds", paramLabel = "N", defaultValue = "10",
            description = "how long each measurement runs (default: ${DEFAULT-VALUE})")
    double seconds;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    private int warmUps = 3;

    private static final Target DIFFICULTY_6 = Target.ofDifficulty(6);

    public static void main(String[] args) {
        System.exit(new CommandLine(new HashRate()).execute(args));
    }

    @Override
    public Integer call() {
        // The miner's progress lines would interleave with the figures; the figures say it all.
        Logger.getLogger("clf.blockchain").setLevel(Level.WARNING);
        // tools/DocCommands.java sets CLF_DOC_SHORT=1 to see that the command works, not to measure.
        if ("1".equals(System.getenv("CLF_DOC_SHORT"))) {
            seconds = Math.min(seconds, 1);
            warmUps = 1;
            System.out.println("a short run (CLF_DOC_SHORT=1): " + seconds + " s a measurement");
        }
        int cores = Runtime.getRuntime().availableProcessors();
        double one = rate(miner(1), "one thread");
        double all = rate(miner(cores), cores + " threads");
        System.out.printf("%d threads mine %.2f times as fast as one%n", cores, all / one);
        return 0;
    }

    private static ProofOfWork miner(int threads) {
        return new ProofOfWork(new Retarget(DIFFICULTY_6, Retarget.EVERY, Retarget.BLOCK_SECONDS), threads);
    }

    /** A header's digest for search n: each search hashes 40-byte guesses, the digest then the proof. */
    static byte[] digest(long n) {
        return Sha256.digest().digest(java.nio.ByteBuffer.allocate(8).putLong(n).array());
    }

    private double rate(ProofOfWork work, String name) {
        // The first searches let the JIT compile the loop; they are not counted.
        for (long search = 1; search <= warmUps; search++) {
            work.proofOfWork(digest(search), DIFFICULTY_6);
        }
        long attempts = 0;
        long nanos = 0;
        int searches = 0;
        for (long search = 100; nanos < seconds * 1e9; search++) {
            ProofOfWork.Result result = work.proofOfWork(digest(search), DIFFICULTY_6);
            attempts += result.attempts();
            nanos += result.nanos();
            searches++;
        }
        double rate = attempts * 1e3 / nanos;
        System.out.printf("%s: %.2f Mhash/s (%d searches at difficulty 6, 40-byte guesses, %,d hashes in %.1f s)%n",
                name, rate, searches, attempts, nanos / 1e9);
        return rate;
    }
}
