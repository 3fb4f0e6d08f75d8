package clf.blockchain;

import java.time.Clock;
import java.util.List;

/** Chains for tests: honest ones, mined in this JVM, with signed payments. */
final class Chains {

    static final Wallet MINER = Wallet.fromSecret(new byte[32]);
    static final ProofOfWork LINKED = new ProofOfWork(ProofOfWork.Rule.LINKED, 4);

    private Chains() {
    }

    /** Adds the reward to {@code miner}, which a block must hold; returns the blockchain. */
    static Blockchain rewarded(Blockchain blockchain, Wallet miner) {
        blockchain.newTransaction("0", miner.address(), 1);
        return blockchain;
    }

    /** Mines the next block of {@code blockchain} as the node does: the proof, the reward to {@code miner}, the block. */
    static Block mine(Blockchain blockchain, Wallet miner) {
        Block last = blockchain.lastBlock();
        long proof = blockchain.proofOfWork(last).proof();
        return rewarded(blockchain, miner).newBlock(proof, Blockchain.hash(last));
    }

    /** Genesis, then {@code blocks} blocks mined by {@link #MINER}; from block 3 on each pays {@code payee} 1 coin. */
    static List<Block> mined(int blocks, Wallet payee) {
        Blockchain blockchain = new Blockchain(LINKED, Clock.systemUTC());
        for (int i = 1; i <= blocks; i++) {
            if (i > 1) {
                blockchain.newTransaction(SignedTransaction.sign(MINER, payee.address(), 1, i - 1));
            }
            mine(blockchain, MINER);
        }
        return blockchain.chain();
    }
}
