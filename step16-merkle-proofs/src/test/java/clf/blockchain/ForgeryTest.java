package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The forgery of step 03, against the header. The text's proof covered the last proof only, so a rewritten block
 * with recomputed links passed; the linked rule caught it one block later. Here a block's proof covers its own
 * header, and through merkle_root its transactions: the rewritten block itself fails, and so does a block
 * whose transactions were swapped under a header left as it was.
 */
class ForgeryTest {

    static String reason(List<Block> chain) {
        return assertThrows(IllegalArgumentException.class, () -> new ChainValidator(Chains.WORK).checkChain(chain))
                .getMessage();
    }

    static List<Block> honestChain() {
        Blockchain blockchain = new Blockchain(Chains.WORK, Clock.systemUTC());
        for (int i = 0; i < 3; i++) {
            Chains.mine(blockchain, Chains.MINER);
        }
        return blockchain.chain();
    }

    static JsonArray paysMallory() {
        JsonObject reward = new JsonObject();
        reward.addProperty("sender", "0");
        reward.addProperty("recipient", Wallet.create().address());
        reward.addProperty("amount", 1);
        JsonArray transactions = new JsonArray();
        transactions.add(reward);
        return transactions;
    }

    @Test
    @Tag("exercise-13.1")
    @Tag("exercise-14.2")
    @Tag("exercise-15.1")
    @Tag("exercise-16.1")
    void aRewrittenBlockWithRecomputedLinksFailsAtItsOwnProof() {
        List<Block> honest = honestChain();
        List<Block> forged = new ArrayList<>(List.of(honest.get(0)));
        for (int i = 1; i < honest.size(); i++) {
            Block old = honest.get(i);
            forged.add(Block.of(old.index(), old.timestamp(), i == 1 ? paysMallory() : old.transactions(), old.proof(),
                    new JsonPrimitive(Blockchain.hash(forged.get(i - 1))), old.target()));
        }
        new ChainValidator(Chains.WORK).checkChain(honest);
        assertEquals("block 2 has a proof that the rule does not accept", reason(forged));
    }

    @Test
    @Tag("exercise-13.1")
    @Tag("exercise-15.1")
    @Tag("exercise-16.1")
    void transactionsSwappedUnderAKeptHeaderDoNotMatchItsDigest() {
        List<Block> tampered = new ArrayList<>(honestChain());
        JsonObject block = tampered.get(1).toJson();
        block.add("transactions", paysMallory());
        tampered.set(1, Block.fromJson(block));
        assertEquals("block 2's merkle_root and transaction_count are not those of its transactions", reason(tampered));
    }
}
