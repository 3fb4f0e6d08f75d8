package clf.blockchain;

import java.time.Clock;
import java.util.List;

/** Chains for the benchmarks, made quickly at difficulty 2 (checking a proof costs one hash at any difficulty). */
final class Chains {

    static final ProofOfWork WORK = new ProofOfWork(ProofOfWork.Rule.LINKED, 2);

    private Chains() {
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

    /** Mines the next block as a node does: the proof, the reward to {@code miner}, the block. */
    static Block mine(Blockchain blockchain, Wallet miner) {
        Block last = blockchain.lastBlock();
        long proof = blockchain.proofOfWork(last).proof();
        blockchain.newTransaction("0", miner.address(), 1);
        return blockchain.newBlock(proof, Blockchain.hash(last));
    }

    /** A new node's chain, genesis alone, mined by the benchmarks' rule. */
    static Blockchain fresh() {
        return new Blockchain(WORK, Clock.systemUTC());
    }
}
