package clf.blockchain;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Measures how fast the node mines: it runs the real proof of work at a difficulty high enough that each search
 * takes about a second, first on one thread, then on every core, and prints the guesses per second of each and
 * their ratio.
 *
 * <pre>java -cp step04-http-api/target/step04-http-api.jar clf.blockchain.HashRate [seconds]</pre>
 */
public final class HashRate {

    private HashRate() {
    }

    public static void main(String[] args) {
        double seconds = 10;
        try {
            seconds = args.length > 0 ? Double.parseDouble(args[0]) : seconds;
        } catch (NumberFormatException e) {
            System.err.println("usage: HashRate [seconds], for example HashRate 10");
            System.exit(2);
        }
        // The miner's progress lines would interleave with the figures; the figures say it all.
        Logger.getLogger("clf.blockchain.node").setLevel(Level.WARNING);
        int cores = Runtime.getRuntime().availableProcessors();
        double one = rate(new ProofOfWork(ProofOfWork.Rule.TEXT, 6, 1), seconds, "one thread");
        double all = rate(new ProofOfWork(ProofOfWork.Rule.TEXT, 6, cores), seconds, cores + " threads");
        System.out.printf("%d threads mine %.2f times as fast as one%n", cores, all / one);
    }

    private static double rate(ProofOfWork work, double seconds, String name) {
        // The first searches let the JIT compile the loop; they are not counted.
        for (long lastProof = 1; lastProof <= 3; lastProof++) {
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
