package clf.blockchain;

import java.time.Clock;

/**
 * Step 03 at work: mines three blocks after genesis, as the text's author did, and prints the chain with the
 * attempts and hash rate of each search. From the genesis proof 100 the text's rule finds 35293, then 35089.
 *
 * <pre>java -jar step03-proof-of-work/target/step03-proof-of-work.jar [--difficulty N] [--rule text|linked]</pre>
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int difficulty = ProofOfWork.DEFAULT_DIFFICULTY;
        ProofOfWork.Rule rule = ProofOfWork.Rule.TEXT;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--difficulty" -> difficulty = Integer.parseInt(args[++i]);
                    case "--rule" -> rule = ProofOfWork.Rule.valueOf(args[++i].toUpperCase());
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            new ProofOfWork(rule, difficulty);
        } catch (RuntimeException e) {
            System.err.println("error: " + (e instanceof ArrayIndexOutOfBoundsException ? "an option lacks its value"
                    : e.getMessage()));
            System.err.println("usage: java -jar step03-proof-of-work.jar [--difficulty 1-64] [--rule text|linked]");
            System.exit(2);
        }
        Blockchain blockchain = new Blockchain(new ProofOfWork(rule, difficulty), Clock.systemUTC());
        System.out.println("mining 3 blocks, rule " + rule.name().toLowerCase() + ", difficulty " + difficulty);
        for (int i = 1; i <= 3; i++) {
            ProofOfWork.Result result = blockchain.proofOfWork(blockchain.lastBlock());
            blockchain.newTransaction("0", "this-miner", 1);
            Block block = blockchain.newBlock(result.proof());
            System.out.println("block " + block.index() + ": " + result);
        }
        for (Block block : blockchain.chain()) {
            System.out.println(block.canonicalJson());
        }
    }
}
