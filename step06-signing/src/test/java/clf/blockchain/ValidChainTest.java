package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The text's valid_chain, and the structure checks it lacks. */
class ValidChainTest {

    static List<Block> mined(int blocks) {
        return Chains.mined(blocks, Wallet.create());
    }

    static Block with(Block block, String field, JsonElement value) {
        JsonObject json = block.toJson();
        json.add(field, value);
        return Block.fromJson(json);
    }

    static List<Block> replaced(List<Block> chain, int position, Block block) {
        List<Block> copy = new ArrayList<>(chain);
        copy.set(position, block);
        return copy;
    }

    final Blockchain judge = new Blockchain();

    @Test
    @Tag("exercise-5.1")
    @Tag("exercise-6.3")
    @Tag("exercise-6.1")
    @Tag("exercise-6.2")
    void anHonestChainIsValid() {
        List<Block> chain = mined(3);
        assertTrue(judge.validChain(chain));
        assertNull(judge.problemWith(chain));
        assertTrue(judge.validChain(mined(0)), "genesis alone");
    }

    @Test
    @Tag("exercise-5.1")
    @Tag("exercise-6.3")
    @Tag("exercise-6.1")
    @Tag("exercise-6.2")
    void aBrokenLinkIsFound() {
        List<Block> chain = mined(3);
        List<Block> broken = replaced(chain, 2, with(chain.get(2), "previous_hash", new JsonPrimitive("0".repeat(64))));
        assertFalse(judge.validChain(broken));
        assertEquals("block 3 does not link to the hash of block 2", judge.problemWith(broken));
    }

    @Test
    @Tag("exercise-5.1")
    @Tag("exercise-6.3")
    @Tag("exercise-6.1")
    @Tag("exercise-6.2")
    void aChangedTransactionBreaksTheNextLink() {
        List<Block> chain = mined(3);
        JsonArray forged = new JsonArray();
        JsonObject payment = new JsonObject();
        payment.addProperty("sender", "alice");
        payment.addProperty("recipient", "mallory");
        payment.addProperty("amount", 500);
        forged.add(payment);
        assertEquals("block 3 does not link to the hash of block 2",
                judge.problemWith(replaced(chain, 1, with(chain.get(1), "transactions", forged))));
    }

    @Test
    @Tag("exercise-5.1")
    @Tag("exercise-6.3")
    @Tag("exercise-6.1")
    @Tag("exercise-6.2")
    void aBadProofIsFound() {
        List<Block> chain = mined(2);
        assertEquals("block 3 has a proof that the rule does not accept",
                judge.problemWith(replaced(chain, 2, with(chain.get(2), "proof", new JsonPrimitive(1)))));
    }

    @Test
    @Tag("exercise-5.1")
    @Tag("exercise-6.3")
    @Tag("exercise-6.1")
    @Tag("exercise-6.2")
    void indexesMustCountUpFromOne() {
        List<Block> chain = mined(2);
        assertEquals("block 2 says it is block 7",
                judge.problemWith(replaced(chain, 1, with(chain.get(1), "index", new JsonPrimitive(7)))));
        assertEquals("it has no blocks", judge.problemWith(List.of()));
    }

    @Test
    @Tag("exercise-5.1")
    void theFirstBlockMustBeAGenesisBlock() {
        List<Block> chain = mined(1);
        assertTrue(judge.problemWith(chain.subList(1, 2)).contains("not a genesis block"));
        assertTrue(judge.problemWith(replaced(chain, 0, with(chain.get(0), "previous_hash",
                new JsonPrimitive("1")))).contains("not a genesis block"), "the string \"1\" is not the number 1");
        assertTrue(judge.problemWith(replaced(chain, 0, with(chain.get(0), "previous_hash",
                new JsonPrimitive(1.0)))).contains("not a genesis block"), "nor is the float 1.0, which Python hashes apart");
    }

    @Test
    void aTransactionMustBeAPaymentOrTheReward() {
        Blockchain blockchain = new Blockchain();
        Block genesis = blockchain.lastBlock();
        JsonArray transactions = new JsonArray();
        transactions.add(Ledger.rewardTransaction(Chains.MINER.address()));
        transactions.add("not a transaction");
        long proof = blockchain.proofOfWork(genesis).proof();
        Block block = Block.of(2, 1.0, transactions, proof, new JsonPrimitive(Blockchain.hash(genesis)));
        assertEquals("block 2, transaction 2: a transaction must be a JSON object",
                judge.problemWith(List.of(genesis, block)));
    }

    /**
     * A chain made by the text's own Python code has the text's proofs, but no signatures and rewards from the
     * number 0 to no address: even a node that keeps the text's proof rule refuses it, and says why.
     */
    @Test
    void aChainThatThePythonNodeMadeIsRefusedForItsLedger() throws IOException {
        List<Block> chain = PythonNodeTest.pythonChain();
        assertEquals(4, chain.size());
        Blockchain textRule = new Blockchain(ProofOfWork.text(), java.time.Clock.systemUTC());
        assertEquals("block 2 does not start with its mining reward (sender \"0\", amount 1, to an address)",
                textRule.problemWith(chain));
        assertEquals("block 2 has a proof that the rule does not accept", judge.problemWith(chain),
                "and the linked rule, this step's default, refuses its proofs first");
    }
}
