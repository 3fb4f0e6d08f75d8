package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The compact pool gives back exactly what went in, in order, however many chunks it spans. */
class PendingTransactionsTest {

    static JsonObject transaction(int i) {
        JsonObject transaction = new JsonObject();
        transaction.addProperty("sender", "sender-" + i + " caf\u00e9 \ud83d\ude00 \"quoted\"\nnew line");
        transaction.addProperty("recipient", "r" + "x".repeat(i % 500));
        transaction.addProperty("amount", i + 1L);
        return transaction;
    }

    @Test
    @Tag("exercise-9.1")
    void manyTransactionsComeBackInOrderAndUnchanged() {
        PendingTransactions pool = new PendingTransactions();
        JsonArray expected = new JsonArray();
        // About 10 MB: enough to fill several chunks, the largest among them.
        for (int i = 0; i < 30_000; i++) {
            pool.add(transaction(i));
            expected.add(transaction(i));
        }
        assertEquals(30_000, pool.size());
        JsonArray back = pool.toJson();
        assertEquals(expected.size(), back.size());
        for (int i = 0; i < back.size(); i++) {
            assertEquals(CanonicalJson.write(expected.get(i)), CanonicalJson.write(back.get(i)), "transaction " + i);
        }
    }

    @Test
    @Tag("exercise-9.1")
    void aTransactionLargerThanAChunkIsKeptWhole() {
        PendingTransactions pool = new PendingTransactions();
        pool.add(transaction(1));
        JsonObject large = transaction(2);
        large.addProperty("recipient", "y".repeat(5 << 20));
        pool.add(large);
        pool.add(transaction(3));
        JsonArray back = pool.toJson();
        assertEquals(3, back.size());
        assertEquals(CanonicalJson.write(large), CanonicalJson.write(back.get(1)));
        assertEquals(CanonicalJson.write(transaction(3)), CanonicalJson.write(back.get(2)));
    }

    @Test
    @Tag("exercise-9.1")
    void clearEmptiesThePool() {
        PendingTransactions pool = new PendingTransactions();
        pool.add(transaction(1));
        pool.clear();
        assertEquals(0, pool.size());
        assertEquals(new JsonArray(), pool.toJson());
        pool.add(transaction(4));
        assertEquals(CanonicalJson.write(transaction(4)), CanonicalJson.write(pool.toJson().get(0)));
    }
}
