package clf.blockchain;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Set;

/** The mining reward of "the mining endpoint": the one transaction that nobody pays, from sender "0". */
public final class Reward {

    /** Every mined block pays its miner one coin. */
    public static final long AMOUNT = 1;

    private Reward() {
    }

    /** Sender "0", or 0 as the text's code sends it. */
    public static boolean is(JsonElement transaction) {
        JsonElement sender = transaction.isJsonObject() ? transaction.getAsJsonObject().get("sender") : null;
        return sender != null && sender.isJsonPrimitive() && sender.getAsString().equals("0");
    }

    /** Exactly sender "0", an address, and amount 1. */
    public static boolean isWellFormed(JsonElement reward) {
        JsonObject json = reward.getAsJsonObject();
        JsonElement recipient = json.get("recipient");
        return json.keySet().equals(Set.of("sender", "recipient", "amount"))
                && json.get("sender").getAsJsonPrimitive().isString()
                && recipient.isJsonPrimitive() && SignedTransaction.isAddress(recipient.getAsString())
                && json.get("amount").toString().equals("1");
    }
}
