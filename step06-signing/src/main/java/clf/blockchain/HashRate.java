package clf.blockchain;

/**
 * Measures how fast one core mines: it runs the real proof of work at a difficulty high enough that each search
 * takes about a second, for a few seconds, and prints the guesses per second.
 *
 * <pre>java -cp step03-proof-of-work/target/step03-proof-of-work.jar clf.blockchain.HashRate [seconds]</pre>
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
        ProofOfWork work = new ProofOfWork(ProofOfWork.Rule.TEXT, 6);
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
        System.out.printf("one core: %.2f Mhash/s (%d searches at difficulty 6, %,d hashes in %.1f s)%n",
                attempts * 1e3 / nanos, searches, attempts, nanos / 1e9);
    }
}
