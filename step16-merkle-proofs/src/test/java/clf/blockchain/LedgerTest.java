package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The ledger's rules, each shown twice: refused when a client posts it, and refused in a peer's chain, where
 * validChain replays the ledger of every block.
 */
class LedgerTest {

    static final ProofOfWork EASY = Chains.work(2);
    final Wallet alice = Chains.MINER;
    final Wallet bob = Wallet.create();
    final ChainValidator judge = new ChainValidator(EASY);

    /** A chain whose blocks hold exactly the given transactions, with valid links and proofs. */
    static List<Block> chainOf(List<JsonArray> blocks) {
        return chainOf(EASY, blocks);
    }

    /** The same, with the proofs of the given rule and difficulty. */
    static List<Block> chainOf(ProofOfWork work, List<JsonArray> blocks) {
        List<Block> chain = new ArrayList<>(new Blockchain(work, Clock.systemUTC()).chain());
        for (JsonArray transactions : blocks) {
            Block last = chain.get(chain.size() - 1);
            chain.add(Chains.forge(last, last.timestamp() + 1, transactions, work.retarget().genesis()));
        }
        return chain;
    }

    static JsonArray block(JsonElement... transactions) {
        JsonArray array = new JsonArray();
        for (JsonElement transaction : transactions) {
            array.add(transaction);
        }
        return array;
    }

    JsonObject reward() {
        JsonObject reward = new JsonObject();
        reward.addProperty("sender", "0");
        reward.addProperty("recipient", alice.address());
        reward.addProperty("amount", 1);
        return reward;
    }

    /** What checkChain says is wrong, or null if it says nothing. */
    String problemWith(List<Block> chain) {
        try {
            judge.checkChain(chain);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    JsonObject pay(long amount, long nonce) {
        return SignedTransaction.sign(alice, bob.address(), amount, nonce).toJson();
    }

    @Test
    @Tag("exercise-6.3")
    @Tag("exercise-7.1")
    @Tag("exercise-13.1")
    @Tag("exercise-14.2")
    @Tag("exercise-15.1")
    @Tag("exercise-16.1")
    void anHonestChainIsValidAndItsBalancesAddUp() {
        List<Block> chain = chainOf(List.of(block(reward()), block(reward(), pay(2, 1)), block(reward(), pay(1, 2))));
        assertNull(problemWith(chain));
        Ledger ledger = Ledger.of(chain);
        assertEquals(0, ledger.balance(alice.address()));
        assertEquals(3, ledger.balance(bob.address()));
        assertEquals(3, ledger.totalSupply());
        assertEquals(3, ledger.nextNonce(alice.address()));
        assertEquals(1, ledger.nextNonce(bob.address()));
    }

    @Test
    @Tag("exercise-6.2")
    @Tag("exercise-7.1")
    @Tag("exercise-13.1")
    @Tag("exercise-14.2")
    @Tag("exercise-15.1")
    @Tag("exercise-16.1")
    void aForgedSignatureIsRefused() {
        JsonObject forged = pay(1, 1);
        forged.addProperty("amount", 2);
        assertEquals("block 3, transaction 2: the signature is not the sender's: it was made with another key, or a"
                + " field was changed after signing", problemWith(chainOf(List.of(block(reward()), block(reward(), forged)))));
        JsonObject otherKey = SignedTransaction.sign(bob, bob.address(), 1, 1).toJson();
        otherKey.addProperty("sender", alice.address());
        assertTrue(problemWith(chainOf(List.of(block(reward(), otherKey)))).contains("not the sender's"));
    }

    @Test
    @Tag("exercise-6.1")
    @Tag("exercise-7.1")
    @Tag("exercise-13.1")
    @Tag("exercise-14.2")
    @Tag("exercise-15.1")
    @Tag("exercise-16.1")
    void aMissingSignatureIsRefused() {
        JsonObject unsigned = pay(1, 1);
        unsigned.remove("signature");
        assertEquals("block 2, transaction 2: missing: signature; the fields are sender, recipient, amount, nonce, signature",
                problemWith(chainOf(List.of(block(reward(), unsigned)))));
    }

    @Test
    @Tag("exercise-6.3")
    @Tag("exercise-7.1")
    @Tag("exercise-13.1")
    @Tag("exercise-14.2")
    @Tag("exercise-15.1")
    @Tag("exercise-16.1")
    void anOverspendIsRefused() {
        assertEquals("block 2, transaction 2: the sender has 1 coin (counting payments already waiting) and cannot send 2",
                problemWith(chainOf(List.of(block(reward(), pay(2, 1))))));
    }

    @Test
    @Tag("exercise-6.3")
    @Tag("exercise-7.1")
    @Tag("exercise-13.1")
    @Tag("exercise-14.2")
    @Tag("exercise-15.1")
    @Tag("exercise-16.1")
    void aReplayIsRefused() {
        JsonObject payment = pay(1, 1);
        assertTrue(problemWith(chainOf(List.of(block(reward(), payment), block(reward(), payment))))
                .contains("block 3, transaction 2: this is a replay"));
    }

    @Test
    @Tag("exercise-6.3")
    @Tag("exercise-7.1")
    @Tag("exercise-13.1")
    @Tag("exercise-14.2")
    @Tag("exercise-15.1")
    @Tag("exercise-16.1")
    void aBlockHoldsExactlyOneRewardOfOneCoinToAnAddress() {
        String exactlyOne = "does not hold exactly one mining reward";
        assertTrue(problemWith(chainOf(List.of(block()))).contains(exactlyOne));
        assertTrue(problemWith(chainOf(List.of(block(reward(), reward())))).contains(exactlyOne));
        assertNull(problemWith(chainOf(List.of(block(reward()), block(pay(1, 1), reward())))), "last, as the text's /mine puts it");
        JsonObject two = reward();
        two.addProperty("amount", 2);
        assertTrue(problemWith(chainOf(List.of(block(two)))).contains(exactlyOne));
        JsonObject toNobody = reward();
        toNobody.addProperty("recipient", "the miner");
        assertTrue(problemWith(chainOf(List.of(block(toNobody)))).contains(exactlyOne));
        JsonObject fromTheNumberZero = reward();
        fromTheNumberZero.addProperty("sender", 0);
        assertTrue(problemWith(chainOf(List.of(block(fromTheNumberZero)))).contains(exactlyOne));
    }

    @Test
    @Tag("exercise-6.1")
    void aClientCannotSendFromZero() {
        JsonObject mint = pay(1, 1);
        mint.addProperty("sender", "0");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SignedTransaction.fromJson(mint));
        assertTrue(e.getMessage().contains("only a mining reward may have"), e.getMessage());
    }

    /** A chain of two blocks, both mined by alice. */
    Blockchain aliceHasTwoCoins() {
        Blockchain blockchain = new Blockchain(EASY, Clock.systemUTC());
        Chains.mine(blockchain, alice);
        Chains.mine(blockchain, alice);
        return blockchain;
    }

    @Test
    @Tag("exercise-6.3")
    @Tag("exercise-7.1")
    @Tag("exercise-9.1")
    @Tag("exercise-13.1")
    @Tag("exercise-15.1")
    @Tag("exercise-16.1")
    void pendingPaymentsCountAgainstTheBalance() {
        Blockchain blockchain = aliceHasTwoCoins();
        blockchain.newTransaction(SignedTransaction.sign(alice, bob.address(), 2, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> blockchain.newTransaction(SignedTransaction.sign(alice, bob.address(), 1, 2)));
        assertEquals("the sender has 0 coins (counting payments already waiting) and cannot send 1", e.getMessage());
        assertEquals(2, blockchain.ledger().balance(alice.address()), "nothing has moved in the chain yet");
    }

    @Test
    @Tag("exercise-6.3")
    @Tag("exercise-7.1")
    @Tag("exercise-9.1")
    @Tag("exercise-13.1")
    @Tag("exercise-15.1")
    @Tag("exercise-16.1")
    void aClientReplayAndANonceAheadAreRefused() {
        Blockchain blockchain = aliceHasTwoCoins();
        SignedTransaction payment = SignedTransaction.sign(alice, bob.address(), 1, 1);
        blockchain.newTransaction(payment);
        Chains.mine(blockchain, alice);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> blockchain.newTransaction(payment))
                .getMessage().startsWith("this is a replay: the sender's payment number 1 was already made"));
        assertEquals("the nonce is 5, but the sender's next payment is number 2",
                assertThrows(IllegalArgumentException.class, () -> blockchain.newTransaction(
                        SignedTransaction.sign(alice, bob.address(), 1, 5))).getMessage());
    }

    @Test
    @Tag("exercise-6.3")
    @Tag("exercise-7.1")
    @Tag("exercise-9.1")
    @Tag("exercise-13.1")
    @Tag("exercise-15.1")
    @Tag("exercise-16.1")
    void aPaymentMayMoveEveryCoinButNotOneMore() {
        Blockchain blockchain = aliceHasTwoCoins();
        blockchain.newTransaction(SignedTransaction.sign(alice, bob.address(), 2, 1));
        Chains.mine(blockchain, alice);
        assertEquals(1, blockchain.ledger().balance(alice.address()));
        assertEquals(2, blockchain.ledger().balance(bob.address()));
        assertEquals(3, blockchain.ledger().totalSupply());
    }
}
