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
        double one = rate(new ProofOfWork(ProofOfWork.Rule.TEXT, 6, 1), "one thread");
        double all = rate(new ProofOfWork(ProofOfWork.Rule.TEXT, 6, cores), cores + " threads");
        System.out.printf("%d threads mine %.2f times as fast as one%n", cores, all / one);
        return 0;
    }

    private double rate(ProofOfWork work, String name) {
        // The first searches let the JIT compile the loop; they are not counted.
        for (long lastProof = 1; lastProof <= warmUps; lastProof++) {
            work.proofOfWork(lastProof, "");
        }
        long attempts = 0;
        long nanos = 0;
        int searches = 0;
        for (long lastProof = 100; nanos < seconds * 1e9; lastProof++) {
            ProofOfWork.Result result = work.proofOfWork(lastProof, "");
            attempts += result.attempts();
            nanos += result.nanos();
            searches++;
        }
        double rate = attempts * 1e3 / nanos;
        System.out.printf("%s: %.2f Mhash/s (%d searches at difficulty 6, %,d hashes in %.1f s)%n",
                name, rate, searches, attempts, nanos / 1e9);
        return rate;
    }
}
