package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
    @Tag("exercise-1.2")
    void genesisHashesToThePreviousHashTheTextPrintsForBlock2() {
        // The text abbreviates block 2's previous_hash as "c099bc...bfb7"; this is the whole of it.
        String hash = Blockchain.hash(new Blockchain(TEXT_GENESIS_TIME).lastBlock());
        assertEquals("c099bc76471bfdd48ae262ba832388af2b87904924730633db415994fb82bfb7", hash);
    }

    @Test
    @Tag("exercise-1.2")
    @Tag("exercise-9.1")
    void newBlockLinksToTheHashOfTheLastBlock() {
        Blockchain blockchain = new Blockchain();
        Block genesis = blockchain.lastBlock();
        Block second = Chains.rewarded(blockchain, Chains.MINER).newBlock(35293);
        Block third = Chains.rewarded(blockchain, Chains.MINER).newBlock(35089);

        assertEquals(List.of(genesis, second, third), blockchain.chain());
        assertEquals(third, blockchain.lastBlock());
        assertEquals(2, second.index());
        assertEquals(3, third.index());
        assertEquals(Blockchain.hash(genesis), second.previousHash().getAsString());
        assertEquals(Blockchain.hash(second), third.previousHash().getAsString());
        assertEquals(35089, third.proof());
    }

    @Test
    @Tag("exercise-1.2")
    @Tag("exercise-9.1")
    void newBlockTakesAnExplicitPreviousHash() {
        Blockchain blockchain = new Blockchain();
        assertEquals("abc", Chains.rewarded(blockchain, Chains.MINER).newBlock(7, "abc").previousHash().getAsString());
    }

    @Test
    @Tag("exercise-1.2")
    void timestampsComeFromTheClockWithMicroseconds() {
        Clock clock = Clock.fixed(Instant.parse("2017-09-24T19:17:44.717925999Z"), ZoneOffset.UTC);
        assertEquals(1506280664.717925, new Blockchain(clock).lastBlock().timestamp());
    }

    @Test
    @Tag("exercise-1.2")
    void aChangedBlockHasAnotherHash() {
        Blockchain blockchain = new Blockchain(TEXT_GENESIS_TIME);
        Block genesis = blockchain.lastBlock();
        Block changed = Block.of(1, genesis.timestamp(), genesis.transactions(), 101, genesis.previousHash());
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
