package clf.blockchain;

import java.time.Clock;
import java.util.List;

/** Chains for tests: honest ones, mined in this JVM, with signed payments. */
final class Chains {

    static final Wallet MINER = Wallet.fromSecret(new byte[32]);

    private Chains() {
    }

    /** Mines the next block of {@code blockchain}, its reward to {@code miner}. */
    static Block mine(Blockchain blockchain, Wallet miner) {
        Block last = blockchain.lastBlock();
        return blockchain.newBlock(blockchain.proofOfWork(last).proof(), Blockchain.hash(last), miner.address());
    }

    /** Genesis, then {@code blocks} blocks mined by {@link #MINER}; from block 3 on each pays {@code payee} 1 coin. */
    static List<Block> mined(int blocks, Wallet payee) {
        Blockchain blockchain = new Blockchain(Clock.systemUTC());
        for (int i = 1; i <= blocks; i++) {
            if (i > 1) {
                blockchain.newTransaction(SignedTransaction.sign(MINER, payee.address(), 1, i - 1));
            }
            mine(blockchain, MINER);
        }
        return blockchain.chain();
    }
}
