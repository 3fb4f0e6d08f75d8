package clf.blockchain;

import com.google.gson.JsonElement;

/** The mining reward of "the mining endpoint": the one transaction that nobody pays, from sender "0". */
public final class Reward {

    private Reward() {
    }

    /** Sender "0", or 0 as the text's code sends it. */
    public static boolean is(JsonElement transaction) {
        JsonElement sender = transaction.isJsonObject() ? transaction.getAsJsonObject().get("sender") : null;
        return sender != null && sender.isJsonPrimitive() && sender.getAsString().equals("0");
    }
}
