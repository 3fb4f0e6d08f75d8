package clf.conformance;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;

/** Makes the chains that the kit's peers serve: a node's chain with more blocks mined by the text's rules. */
public final class ChainMaker {

    private ChainMaker() {
    }

    /**
     * {@code chain} with {@code blocks} more blocks, each paying the mining reward to {@code miner}, their proofs
     * under the linked rule or the text's.
     */
    public static JsonArray extend(JsonArray chain, int blocks, String miner, boolean linked) {
        JsonArray longer = chain.deepCopy();
        for (int i = 0; i < blocks; i++) {
            JsonObject last = longer.get(longer.size() - 1).getAsJsonObject();
            JsonArray transactions = new JsonArray();
            JsonObject reward = new JsonObject();
            reward.addProperty("sender", "0");
            reward.addProperty("recipient", miner);
            reward.addProperty("amount", 1);
            transactions.add(reward);
            JsonObject block = new JsonObject();
            block.addProperty("index", longer.size() + 1);
            // Seconds with three decimals, the last not 0, so that Python writes the float back with the same digits.
            long millis = System.currentTimeMillis();
            block.addProperty("timestamp", BigDecimal.valueOf(millis % 10 == 0 ? millis + 1 : millis, 3));
            block.add("transactions", transactions);
            String lastHash = PythonJson.hash(last);
            block.addProperty("proof", PythonJson.proofOfWork(last.get("proof").getAsLong(), linked ? lastHash : ""));
            block.addProperty("previous_hash", lastHash);
            longer.add(block);
        }
        return longer;
    }

    /** A copy of {@code chain} with one field of block {@code index} changed, and nothing else. */
    public static JsonArray withBlockChanged(JsonArray chain, int index, String field, JsonElement value) {
        JsonArray changed = chain.deepCopy();
        changed.get(index - 1).getAsJsonObject().add(field, value);
        return changed;
    }
}
