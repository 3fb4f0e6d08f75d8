package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class TransactionsTest {

    @Test
    @Tag("exercise-2.1")
    void newTransactionReturnsTheIndexOfTheNextBlock() {
        Blockchain blockchain = new Blockchain();
        assertEquals(2, blockchain.newTransaction("alice", "bob", 5));
        assertEquals(2, blockchain.newTransaction("bob", "carol", 1));
        blockchain.newBlock(35293);
        assertEquals(3, blockchain.newTransaction("carol", "alice", 2));
    }

    @Test
    @Tag("exercise-2.1")
    void aTransactionHasTheFieldsSenderRecipientAndAmount() {
        Blockchain blockchain = new Blockchain();
        blockchain.newTransaction("alice", "bob", 5);
        JsonObject transaction = blockchain.currentTransactions().get(0).getAsJsonObject();
        assertEquals(Set.of("sender", "recipient", "amount"), transaction.keySet());
        assertEquals(JsonParser.parseString("{\"sender\": \"alice\", \"recipient\": \"bob\", \"amount\": 5}"),
                transaction);
    }

    @Test
    @Tag("exercise-2.1")
    void newBlockTakesThePendingTransactionsInOrderAndEmptiesTheList() {
        Blockchain blockchain = new Blockchain();
        blockchain.newTransaction("alice", "bob", 5);
        blockchain.newTransaction("bob", "carol", 1);
        JsonArray pending = blockchain.currentTransactions();

        Block block = blockchain.newBlock(35293);

        assertEquals(pending, block.transactions());
        assertEquals("bob", block.transactions().get(0).getAsJsonObject().get("recipient").getAsString());
        assertEquals(0, blockchain.currentTransactions().size());
        assertEquals(0, blockchain.newBlock(35089).transactions().size(), "the next block starts empty");
    }

    @Test
    @Tag("exercise-2.1")
    void aBlockKeepsItsTransactionsWhenMoreArrive() {
        Blockchain blockchain = new Blockchain();
        blockchain.newTransaction("alice", "bob", 5);
        Block block = blockchain.newBlock(35293);
        blockchain.newTransaction("mallory", "mallory", 1000);
        assertEquals(1, block.transactions().size());
        assertEquals(1, blockchain.chain().get(1).transactions().size());
    }

    @Test
    @Tag("exercise-2.1")
    void transactionsAreCoveredByTheBlockHash() {
        Blockchain one = new Blockchain(BlockchainTest.TEXT_GENESIS_TIME);
        Blockchain two = new Blockchain(BlockchainTest.TEXT_GENESIS_TIME);
        one.newTransaction("alice", "bob", 5);
        two.newTransaction("alice", "bob", 6);
        assertEquals(Blockchain.hash(one.lastBlock()), Blockchain.hash(two.lastBlock()));
        Block a = one.newBlock(35293);
        Block b = two.newBlock(35293);
        assertEquals(a.previousHash(), b.previousHash());
        assertEquals(false, Blockchain.hash(a).equals(Blockchain.hash(b)));
    }
}
