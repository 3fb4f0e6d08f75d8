package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Step 02's lesson with signed payments: the pending list, and the block that takes it in with its reward. */
class TransactionsTest {

    final Wallet bob = Wallet.fromSecret(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17,
        18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});

    @Test
    @Tag("exercise-2.1")
    @Tag("exercise-6.3")
    @Tag("exercise-7.1")
    @Tag("exercise-9.1")
    @Tag("exercise-13.1")
    @Tag("exercise-15.1")
    @Tag("exercise-16.1")
    void newTransactionReturnsTheIndexOfTheNextBlock() {
        Blockchain blockchain = new Blockchain(Clock.systemUTC());
        Chains.mine(blockchain, Chains.MINER);
        Chains.mine(blockchain, Chains.MINER);
        assertEquals(4, blockchain.newTransaction(SignedTransaction.sign(Chains.MINER, bob.address(), 1, 1)));
        assertEquals(4, blockchain.newTransaction(SignedTransaction.sign(Chains.MINER, bob.address(), 1, 2)));
    }

    @Test
    @Tag("exercise-6.3")
    @Tag("exercise-7.1")
    @Tag("exercise-9.1")
    @Tag("exercise-13.1")
    @Tag("exercise-15.1")
    @Tag("exercise-16.1")
    void aPaymentHasItsFieldsNonceAndSignature() {
        Blockchain blockchain = new Blockchain(Clock.systemUTC());
        Chains.mine(blockchain, Chains.MINER);
        blockchain.newTransaction(SignedTransaction.sign(Chains.MINER, bob.address(), 1, 1));
        JsonObject transaction = blockchain.currentTransactions().get(0).getAsJsonObject();
        assertEquals(Set.of("sender", "recipient", "amount", "nonce", "signature"), transaction.keySet());
        assertEquals(Chains.MINER.address(), transaction.get("sender").getAsString());
    }

    @Test
    @Tag("exercise-2.1")
    @Tag("exercise-6.3")
    @Tag("exercise-7.1")
    @Tag("exercise-9.1")
    @Tag("exercise-13.1")
    @Tag("exercise-15.1")
    @Tag("exercise-16.1")
    void newBlockTakesThePaymentsAndTheRewardInOrderAndEmptiesTheList() {
        Blockchain blockchain = new Blockchain(Clock.systemUTC());
        Chains.mine(blockchain, Chains.MINER);
        Chains.mine(blockchain, Chains.MINER);
        blockchain.newTransaction(SignedTransaction.sign(Chains.MINER, bob.address(), 2, 1));
        JsonArray pending = blockchain.currentTransactions();

        Block block = Chains.mine(blockchain, Chains.MINER);

        assertEquals(2, block.transactions().size(), "the payment and the reward");
        assertEquals(pending.get(0), block.transactions().get(0));
        assertTrue(Ledger.isReward(block.transactions().get(1)), "the reward, added last as the text's /mine adds it");
        assertEquals(0, blockchain.currentTransactions().size());
        assertEquals(2, blockchain.ledger().balance(bob.address()));
        assertEquals(1, blockchain.ledger().balance(Chains.MINER.address()), "3 rewards, 2 coins paid");
    }

    @Test
    @Tag("exercise-6.3")
    @Tag("exercise-7.1")
    @Tag("exercise-9.1")
    @Tag("exercise-13.1")
    @Tag("exercise-15.1")
    @Tag("exercise-16.1")
    void aRefusedPaymentLeavesNothingPending() {
        Blockchain blockchain = new Blockchain(Clock.systemUTC());
        Chains.mine(blockchain, Chains.MINER);
        assertThrows(IllegalArgumentException.class,
                () -> blockchain.newTransaction(SignedTransaction.sign(Chains.MINER, bob.address(), 2, 1)));
        assertEquals(0, blockchain.currentTransactions().size());
        assertEquals(1, blockchain.pendingLedger().balance(Chains.MINER.address()));
    }

    @Test
    @Tag("exercise-7.1")
    @Tag("exercise-9.1")
    @Tag("exercise-13.1")
    @Tag("exercise-15.1")
    @Tag("exercise-16.1")
    void transactionsAreCoveredByTheBlockHash() {
        Blockchain one = new Blockchain(BlockchainTest.TEXT_GENESIS_TIME);
        Blockchain two = new Blockchain(BlockchainTest.TEXT_GENESIS_TIME);
        Block a = Chains.mine(one, Chains.MINER);
        Block b = Chains.mine(two, bob);
        assertEquals(a.previousHash(), b.previousHash());
        assertEquals(false, Blockchain.hash(a).equals(Blockchain.hash(b)));
    }
}
