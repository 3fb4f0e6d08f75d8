package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class BlockchainTest {

    /** The moment the text's author made the genesis block of the chain the text prints. */
    static final Clock TEXT_GENESIS_TIME = Clock.fixed(Instant.parse("2017-09-24T19:17:30.770839Z"), ZoneOffset.UTC);

    @Test
    @Tag("exercise-1.2")
    void startsWithTheGenesisBlockOfTheText() {
        Block genesis = new Blockchain(TEXT_GENESIS_TIME).lastBlock();
        assertEquals(1, genesis.index());
        assertEquals(100, genesis.proof());
        assertEquals(0, genesis.transactions().size());
        assertEquals(1506280650.770839, genesis.timestamp());
        assertTrue(genesis.previousHash().getAsJsonPrimitive().isNumber(), "previous_hash is the number 1");
        assertEquals(1, genesis.previousHash().getAsInt());
    }

    @Test
    @Tag("exercise-13.1")
    void newBlockLinksToTheHashOfTheLastBlock() {
        Blockchain blockchain = new Blockchain();
        Block genesis = blockchain.lastBlock();
        Block second = Chains.mine(blockchain, Chains.MINER);
        Block third = Chains.mine(blockchain, Chains.MINER);

        assertEquals(List.of(genesis, second, third), blockchain.chain());
        assertEquals(third, blockchain.lastBlock());
        assertEquals(2, second.index());
        assertEquals(3, third.index());
        assertEquals(Blockchain.hash(genesis), second.previousHash().getAsString());
        assertEquals(Blockchain.hash(second), third.previousHash().getAsString());
        assertTrue(Blockchain.hash(third).startsWith("0000"), "a block's hash is its proof of work");
    }

    @Test
    @Tag("exercise-13.1")
    void aTemplateHoldsThePaymentsWaitingAndTheRewardLast() {
        Blockchain blockchain = new Blockchain();
        Chains.mine(blockchain, Chains.MINER);
        Wallet payee = Wallet.fromSecret(Arrays.copyOf(new byte[] {7}, 32));
        blockchain.newTransaction(SignedTransaction.sign(Chains.MINER, payee.address(), 1, 1));
        Block template = blockchain.nextBlock(payee.address());
        assertEquals(0, template.proof());
        assertEquals(2, template.transactions().size());
        assertTrue(Ledger.isReward(template.transactions().get(1)));
        assertEquals(payee.address(), template.transactions().get(1).getAsJsonObject().get("recipient").getAsString());
        assertEquals(1, blockchain.currentTransactions().size(), "the payment waits until the block is forged");
    }

    @Test
    @Tag("exercise-13.1")
    void paymentsThatArriveDuringTheSearchWaitForTheNextBlock() {
        Blockchain blockchain = new Blockchain();
        Chains.mine(blockchain, Chains.MINER);
        Chains.mine(blockchain, Chains.MINER);
        Wallet payee = Wallet.fromSecret(Arrays.copyOf(new byte[] {7}, 32));
        blockchain.newTransaction(SignedTransaction.sign(Chains.MINER, payee.address(), 1, 1));
        Block template = blockchain.nextBlock(Chains.MINER.address());
        SignedTransaction late = SignedTransaction.sign(Chains.MINER, payee.address(), 1, 2);
        blockchain.newTransaction(late);
        Block block = blockchain.newBlock(template, blockchain.proofOfWork(template).proof());
        assertEquals(2, block.transactions().size(), "the payment of the template and the reward");
        assertEquals(List.of(late.toJson()), blockchain.currentTransactions().asList());
        assertEquals(1, blockchain.pendingLedger().balance(Chains.MINER.address()), "3 coins mined, 2 paid");
        assertEquals(3, blockchain.pendingLedger().nextNonce(Chains.MINER.address()));
    }

    @Test
    @Tag("exercise-13.1")
    void aTemplateForgedWithAWrongProofOrAfterTheChainMovedOnIsRefused() {
        Blockchain blockchain = new Blockchain();
        Block template = blockchain.nextBlock(Chains.MINER.address());
        long proof = blockchain.proofOfWork(template).proof();
        long wrong = proof + 1;
        while (template.withProof(wrong).validProof()) {
            wrong++;
        }
        long wrongProof = wrong;
        assertThrows(IllegalArgumentException.class, () -> blockchain.newBlock(template, wrongProof));
        Chains.mine(blockchain, Chains.MINER);
        assertThrows(IllegalArgumentException.class, () -> blockchain.newBlock(template, proof));
        assertEquals(2, blockchain.chain().size());
    }

    @Test
    @Tag("exercise-1.2")
    void timestampsComeFromTheClockWithMicroseconds() {
        Clock clock = Clock.fixed(Instant.parse("2017-09-24T19:17:44.717925999Z"), ZoneOffset.UTC);
        assertEquals(1506280664.717925, new Blockchain(clock).lastBlock().timestamp());
    }

    @Test
    @Tag("exercise-13.1")
    void aChangedBlockHasAnotherHash() {
        Blockchain blockchain = new Blockchain(TEXT_GENESIS_TIME);
        Block genesis = blockchain.lastBlock();
        Block changed = genesis.withProof(101);
        assertTrue(!Blockchain.hash(genesis).equals(Blockchain.hash(changed)));
    }

    @Test
    @Tag("exercise-1.2")
    void theChainCannotBeChangedFromOutside() {
        Blockchain blockchain = new Blockchain();
        assertThrows(UnsupportedOperationException.class, () -> blockchain.chain().clear());
        assertEquals(0, blockchain.currentTransactions().size());
    }
}
