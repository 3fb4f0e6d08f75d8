package clf.blockchain;

import java.time.Clock;

/**
 * Step 03 at work: mines three blocks after genesis and prints the chain with the attempts and hash rate of each
 * search. From the genesis proof 100 the text's rule finds 35293 and 35089, the proofs the text prints, then 119678.
 * The first search also pays for the JIT compiling the loop, so its rate is low; HashRate measures properly.
 *
 * <pre>java -jar step03-proof-of-work/target/step03-proof-of-work.jar [--difficulty N] [--rule text|linked]</pre>
 */
public final class Main {

    private static final String USAGE =
            "usage: java -jar step03-proof-of-work.jar [--difficulty 1-64] [--rule text|linked]";

    private Main() {
    }

    private static ProofOfWork.Rule rule(String name) {
        for (ProofOfWork.Rule rule : ProofOfWork.Rule.values()) {
            if (rule.name().equalsIgnoreCase(name)) {
                return rule;
            }
        }
        throw new IllegalArgumentException("--rule is text or linked, not " + name);
    }

    public static void main(String[] args) {
        int difficulty = ProofOfWork.DEFAULT_DIFFICULTY;
        ProofOfWork.Rule rule = ProofOfWork.Rule.TEXT;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "-h", "--help" -> {
                        System.out.println(USAGE);
                        return;
                    }
                    case "--difficulty" -> difficulty = Integer.parseInt(args[++i]);
                    case "--rule" -> rule = rule(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            new ProofOfWork(rule, difficulty);
        } catch (RuntimeException e) {
            System.err.println("error: " + (e instanceof ArrayIndexOutOfBoundsException ? "an option lacks its value"
                    : e.getMessage()));
            System.err.println(USAGE);
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
