package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
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

    final ChainValidator judge = new ChainValidator(Chains.WORK);

    /** What checkChain says is wrong, or null if it says nothing. */
    String problemWith(List<Block> chain) {
        try {
            judge.checkChain(chain);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Test
    @Tag("exercise-5.1")
    @Tag("exercise-6.3")
    @Tag("exercise-7.1")
    @Tag("exercise-9.1")
    @Tag("exercise-13.1")
    @Tag("exercise-14.2")
    @Tag("exercise-15.1")
    @Tag("exercise-16.1")
    void anHonestChainIsValid() {
        List<Block> chain = mined(3);
        assertTrue(judge.validChain(chain));
        assertNull(problemWith(chain));
        assertTrue(judge.validChain(mined(0)), "genesis alone");
    }

    @Test
    @Tag("exercise-5.1")
    @Tag("exercise-6.3")
    @Tag("exercise-7.1")
    @Tag("exercise-9.1")
    @Tag("exercise-13.1")
    @Tag("exercise-14.2")
    @Tag("exercise-15.1")
    @Tag("exercise-16.1")
    void aBrokenLinkIsFound() {
        List<Block> chain = mined(3);
        List<Block> broken = replaced(chain, 2, with(chain.get(2), "previous_hash", new JsonPrimitive("0".repeat(64))));
        assertFalse(judge.validChain(broken));
        assertEquals("block 3 does not link to the hash of block 2", problemWith(broken));
    }

    @Test
    @Tag("exercise-5.1")
    @Tag("exercise-6.3")
    @Tag("exercise-7.1")
    @Tag("exercise-9.1")
    @Tag("exercise-13.1")
    @Tag("exercise-15.1")
    @Tag("exercise-16.1")
    void aChangedTransactionNoLongerMatchesItsBlocksDigest() {
        List<Block> chain = mined(3);
        JsonArray forged = new JsonArray();
        JsonObject payment = new JsonObject();
        payment.addProperty("sender", "alice");
        payment.addProperty("recipient", "mallory");
        payment.addProperty("amount", 500);
        forged.add(payment);
        assertEquals("block 2's merkle_root and transaction_count are not those of its transactions",
                problemWith(replaced(chain, 1, with(chain.get(1), "transactions", forged))));
    }

    @Test
    @Tag("exercise-5.1")
    @Tag("exercise-6.3")
    @Tag("exercise-7.1")
    @Tag("exercise-9.1")
    @Tag("exercise-13.1")
    @Tag("exercise-14.2")
    @Tag("exercise-15.1")
    @Tag("exercise-16.1")
    void aBadProofIsFound() {
        List<Block> chain = mined(2);
        assertEquals("block 3 has a proof that the rule does not accept",
                problemWith(replaced(chain, 2, with(chain.get(2), "proof", new JsonPrimitive(1)))));
    }

    @Test
    @Tag("exercise-5.1")
    @Tag("exercise-6.3")
    @Tag("exercise-7.1")
    @Tag("exercise-9.1")
    @Tag("exercise-13.1")
    @Tag("exercise-15.1")
    @Tag("exercise-16.1")
    void indexesMustCountUpFromOne() {
        List<Block> chain = mined(2);
        assertEquals("block 2 says it is block 7",
                problemWith(replaced(chain, 1, with(chain.get(1), "index", new JsonPrimitive(7)))));
        assertEquals("it has no blocks", problemWith(List.of()));
    }

    @Test
    @Tag("exercise-5.1")
    @Tag("exercise-7.1")
    @Tag("exercise-9.1")
    @Tag("exercise-13.1")
    @Tag("exercise-15.1")
    @Tag("exercise-16.1")
    void theFirstBlockMustBeAGenesisBlock() {
        List<Block> chain = mined(1);
        assertTrue(problemWith(chain.subList(1, 2)).contains("not a genesis block"));
        assertTrue(problemWith(replaced(chain, 0, with(chain.get(0), "previous_hash",
                new JsonPrimitive("1")))).contains("not a genesis block"), "the string \"1\" is not the number 1");
        assertTrue(problemWith(replaced(chain, 0, with(chain.get(0), "previous_hash",
                new JsonPrimitive(1.0)))).contains("not a genesis block"), "nor is the float 1.0, which Python hashes apart");
    }

    /** A chain made by the text's own Python code has no header: it is refused as it is read, with a reason. */
    @Test
    void aChainThatThePythonNodeMadeIsRefusedForItsMissingHeader() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, PythonNodeTest::pythonChain);
        assertTrue(refused.getMessage().contains("'target', 'merkle_root' and 'transaction_count'"), refused.getMessage());
    }
}
