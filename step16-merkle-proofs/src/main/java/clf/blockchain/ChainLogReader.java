package clf.blockchain;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/** Crash safety: reads a chain.log back, and stops at a record that does not read, saying where. */
final class ChainLogReader {

    List<Block> blocks = new ArrayList<>();
    JsonArray pending = new JsonArray();
    /** Where the last complete record ends: what follows it is a tail torn by a crash. */
    long sound;
    int records;

    ChainLogReader read(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b != '\n') {
                line.write(b);
                continue;
            }
            JsonObject record;
            try {
                record = record(line.toByteArray());
            } catch (IllegalArgumentException e) {
                throw damaged("record " + (records + 1) + ", at byte " + sound + ", " + e.getMessage());
            }
            try {
                apply(record);
            } catch (RuntimeException e) {
                throw damaged("record " + (records + 1) + ", at byte " + sound + ", is not of the shape a node writes"
                        + (e instanceof IllegalArgumentException ? ": " + e.getMessage() : ""));
            }
            sound += line.size() + 1;
            records++;
            line.reset();
        }
        // A crash cuts the last line short, or leaves zeros: anything else after the last newline is not ours.
        if (line.size() > 0 && !new String(line.toByteArray(), StandardCharsets.ISO_8859_1)
                .matches("([0-9a-f]{0,8}( (\\{.*)?)?)?\\x00*")) {
            throw damaged("its tail, " + count(line.size(), "byte") + " at byte " + sound + ", is not a record cut short");
        }
        return this;
    }

    private IllegalArgumentException damaged(String where) {
        return new IllegalArgumentException((records == 0 ? "not a chain log: " : "damaged: ") + where);
    }

    /** A record as a line of the log: its CRC-32C in 8 hex digits, a space, the record, a newline. */
    static byte[] line(String record) {
        byte[] json = record.getBytes(StandardCharsets.UTF_8);
        return (String.format("%08x ", checksum(json)) + record + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A count and its noun, in plain grammar: "1 record", "2 records". */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static long checksum(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return crc.getValue();
    }

    /** The record of a line that {@link #line} wrote, its newline taken off. */
    static JsonObject record(byte[] line) {
        // exercise 10.1: Check that the line starts with the CRC-32C of the rest in 8 hex digits and a space, then read the rest as a JSON object of one member; throw an IllegalArgumentException saying what is wrong.
        // exercise 10.1 begin
        if (line.length < 10 || line[8] != ' ') {
            throw new IllegalArgumentException("it does not start with a checksum");
        }
        String expected = new String(line, 0, 8, StandardCharsets.US_ASCII);
        byte[] json = Arrays.copyOfRange(line, 9, line.length);
        if (!expected.equals(String.format("%08x", checksum(json)))) {
            throw new IllegalArgumentException("its checksum does not match");
        }
        JsonElement record = StrictJson.parse(json);
        if (!record.isJsonObject() || record.getAsJsonObject().size() != 1) {
            throw new IllegalArgumentException("it is not a record");
        }
        return record.getAsJsonObject();
        // exercise 10.1 end
    }

    private void apply(JsonObject record) {
        if (record.has("block")) {
            Block block = Block.fromJson(record.get("block"));
            blocks.add(block);
            // A block holds the first payments waiting and its reward; those that came while it was mined wait on.
            JsonArray waiting = new JsonArray();
            pending.asList().stream().skip(Math.max(0, block.transactions().size() - 1)).forEach(waiting::add);
            pending = waiting;
        } else if (record.has("transaction")) {
            pending.add(record.get("transaction"));
        } else if (record.has("replace")) {
            JsonObject replace = record.getAsJsonObject("replace");
            int kept = replace.get("kept").getAsInt();
            if (kept < 0 || kept > blocks.size()) {
                throw new IllegalArgumentException("it keeps " + count(kept, "block") + " of " + blocks.size());
            }
            List<Block> after = new ArrayList<>(blocks.subList(0, kept));
            replace.getAsJsonArray("blocks").forEach(block -> after.add(Block.fromJson(block)));
            pending = replace.getAsJsonArray("pending").deepCopy();
            blocks = after;
        } else {
            throw new IllegalArgumentException("it is a record of no kind a node writes");
        }
    }
}
