package clf.blockchain;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import java.util.List;

/** Crash safety: where a node writes each change first; {@link #sync} waits for the disk apart, for many writers at once. */
interface Journal {

    Journal IN_MEMORY = new Journal() {
    };

    default long block(Block block) {
        return 0;
    }

    default long transaction(JsonElement transaction) {
        return 0;
    }

    /** The chain cut back to its first {@code kept} blocks and extended with {@code blocks}, and the new pending list. */
    default long replaced(int kept, List<Block> blocks, JsonArray pending) {
        return 0;
    }

    default void sync(long length) {
    }
}
