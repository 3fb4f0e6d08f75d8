package clf.blockchain;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The transactions waiting for the next block (the text's {@code current_transactions}), kept compact.
 *
 * <p>A node under load may hold hundreds of thousands of them. Kept as Gson trees, they cost a dozen small objects
 * each, and the garbage collector copies every one of them several times before it settles, pausing the node for
 * tens of milliseconds. So they are kept here as lines of canonical JSON in a few large byte arrays, which the
 * collector moves in one piece, and turned back into JSON when a block takes them in. Canonical JSON has no
 * newline of its own (it escapes them) and reads back to the same tree, so nothing is lost on the way.
 */
public final class PendingTransactions {

    /**
     * A chunk starts small and doubles up to 4 MiB, so an idle node holds kilobytes and a busy pool is a handful of
     * arrays. At 4 MiB a chunk is "humongous" for G1 on heaps under 32 GiB: it goes straight to the old generation
     * and is never copied at all.
     */
    private static final int FIRST_CHUNK_BYTES = 16 << 10;
    private static final int LARGEST_CHUNK_BYTES = 4 << 20;

    private final List<byte[]> chunks = new ArrayList<>();
    /** How many bytes of the last chunk hold transactions. */
    private int used;
    private int size;

    /** Appends a transaction to the pool. */
    public void add(JsonElement transaction) {
        byte[] line = (CanonicalJson.write(transaction) + "\n").getBytes(StandardCharsets.US_ASCII);
        if (chunks.isEmpty() || used + line.length > chunks.get(chunks.size() - 1).length) {
            int next = chunks.isEmpty() ? FIRST_CHUNK_BYTES
                    : Math.min(LARGEST_CHUNK_BYTES, 2 * chunks.get(chunks.size() - 1).length);
            chunks.add(new byte[Math.max(next, line.length)]);
            used = 0;
        }
        System.arraycopy(line, 0, chunks.get(chunks.size() - 1), used, line.length);
        used += line.length;
        size++;
    }

    public int size() {
        return size;
    }

    /** The transactions in the order they came, as a new JSON array. */
    public JsonArray toJson() {
        JsonArray array = new JsonArray(size);
        for (int c = 0; c < chunks.size(); c++) {
            byte[] chunk = chunks.get(c);
            int end = c == chunks.size() - 1 ? used : chunk.length;
            for (int start = 0, newline; start < end; start = newline + 1) {
                newline = indexOfNewline(chunk, start, end);
                if (newline < 0) {
                    break;
                }
                array.add(StrictJson.parse(Arrays.copyOfRange(chunk, start, newline)));
            }
        }
        return array;
    }

    public void clear() {
        chunks.clear();
        used = 0;
        size = 0;
    }

    private static int indexOfNewline(byte[] chunk, int from, int end) {
        for (int i = from; i < end; i++) {
            if (chunk[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
