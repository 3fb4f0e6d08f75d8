package clf.blockchain;

import java.time.Clock;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Chains for the benchmarks, made quickly at difficulty 2 (checking a proof costs one hash at any difficulty), with
 * a window longer than any chain here, so that the target stays the genesis one.
 */
final class Chains {

    static final ProofOfWork WORK = work(2);
    /** Held here, so that its level stays: a line for every block mined would drown the figures. */
    static final Logger NODE_LOG = quiet(Logger.getLogger("clf.blockchain"));

    private Chains() {
    }

    private static Logger quiet(Logger logger) {
        logger.setLevel(Level.WARNING);
        return logger;
    }

    /**
     * A chain of {@code blocks} blocks; each after the first holds the miner's reward and, if {@code signed}, one
     * signed payment from the miner.
     */
    static List<Block> make(int blocks, boolean signed) {
        return blockchain(blocks, signed).chain();
    }

    /** The same chain, in a node's {@link Blockchain}. */
    static Blockchain blockchain(int blocks, boolean signed) {
        Blockchain blockchain = new Blockchain(WORK, Clock.systemUTC());
        Wallet miner = Wallet.create();
        String bob = Wallet.create().address();
        for (int i = 1; i < blocks; i++) {
            if (signed && i > 1) {
                blockchain.newTransaction(SignedTransaction.sign(miner, bob, 1, i - 1));
            }
            mine(blockchain, miner);
        }
        return blockchain;
    }

    /** A proof of work at this difficulty, on one thread, whose target never moves. */
    static ProofOfWork work(int difficulty) {
        return new ProofOfWork(new Retarget(Target.ofDifficulty(difficulty), 1_000_000, Retarget.BLOCK_SECONDS), 1);
    }

    /** Mines the next block as a node does: the template with the reward to {@code miner}, its proof, the block. */
    static Block mine(Blockchain blockchain, Wallet miner) {
        Block template = blockchain.nextBlock(miner.address());
        return blockchain.newBlock(template, blockchain.proofOfWork(template).proof());
    }

    /** A new node's chain, genesis alone, mined by the benchmarks' rule. */
    static Blockchain fresh() {
        return new Blockchain(WORK, Clock.systemUTC());
    }
}
