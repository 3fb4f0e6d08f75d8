package clf.blockchain;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The text's {@code current_transactions}, kept compact: lines of canonical JSON in a few large byte arrays, not
 * millions of small objects for the garbage collector to copy.
 */
public final class PendingTransactions {

    /** A chunk starts small and doubles up to 4 MiB, which G1 keeps in its old generation and never copies. */
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
            for (int start = 0, newline = start; start < end && chunk[start] != 0; start = newline + 1) {
                newline = start;
                while (chunk[newline] != '\n') {
                    newline++;
                }
                array.add(HttpJson.parse(new String(chunk, start, newline - start, StandardCharsets.US_ASCII)));
            }
        }
        return array;
    }

    public void clear() {
        chunks.clear();
        used = 0;
        size = 0;
    }
}
