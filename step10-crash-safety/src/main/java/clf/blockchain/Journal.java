package clf.blockchain;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import java.util.List;

/**
 * Crash safety: where a node writes each change before it acknowledges it. A record returns the log's length after
 * it; {@link #sync} waits for the disk apart, so that one flush can cover many writers.
 */
interface Journal {

    /** The text's node: nothing is written, and a restart starts a new chain. */
    Journal IN_MEMORY = new Journal() {
        @Override
        public long block(Block block) {
            return 0;
        }

        @Override
        public long transaction(JsonElement transaction) {
            return 0;
        }

        @Override
        public long replaced(int kept, List<Block> blocks, JsonArray pending) {
            return 0;
        }

        @Override
        public void sync(long length) {
        }
    };

    /** A block added at the end of the chain, which took in every pending payment. */
    long block(Block block);

    /** A payment added to the pending list. */
    long transaction(JsonElement transaction);

    /** The chain cut back to its first {@code kept} blocks and extended with {@code blocks}; the pending list now {@code pending}. */
    long replaced(int kept, List<Block> blocks, JsonArray pending);

    /** Returns once the disk holds the log up to {@code length}. */
    void sync(long length);
}
