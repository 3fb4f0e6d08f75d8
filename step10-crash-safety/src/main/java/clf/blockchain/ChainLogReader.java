package clf.blockchain;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/** Crash safety: reads a chain.log back, record by record, and says where it is damaged. */
final class ChainLogReader {

    /** A complete record that does not read: the log is damaged, or is not a log, and nothing may be cut. */
    static final class Damaged extends IllegalStateException {
        Damaged(String message) {
            super(message);
        }
    }

    private final Path file;
    List<Block> blocks = new ArrayList<>();
    JsonArray pending = new JsonArray();
    /** The difficulty the log was made with, or 0 for a log that does not say. */
    int difficulty;
    /** Where the last complete record ends: anything after it is a torn tail. */
    long sound;
    int records;

    ChainLogReader(Path file) {
        this.file = file;
    }

    /** Reads every complete record, each followed by its newline; throws {@link Damaged} at one that does not read. */
    ChainLogReader read(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b != '\n') {
                line.write(b);
                continue;
            }
            try {
                apply(record(line.toByteArray()));
            } catch (IllegalArgumentException e) {
                throw new Damaged(file + " is " + (records == 0 ? "not a chain log" : "damaged") + ": record "
                        + (records + 1) + ", at byte " + sound + ", " + e.getMessage() + ". Nothing was changed:"
                        + " move the file aside (mv " + file + " " + file + ".damaged) and start again, and a resolve"
                        + " fetches the chain from a peer; or give --data-dir a copy made before the damage");
            }
            sound += line.size() + 1;
            records++;
            line.reset();
        }
        if (line.size() > 0 && !isTornRecord(line.toByteArray())) {
            throw new Damaged(file + " is " + (records == 0 ? "not a chain log" : "damaged") + ": its last "
                    + line.size() + " bytes, at byte " + sound + ", are not a record cut short. Nothing was changed:"
                    + " move the file aside (mv " + file + " " + file + ".damaged) and start again");
        }
        return this;
    }

    /** The start of a line as {@code append} writes it, cut off anywhere by a crash, or zeros a crash left. */
    private static boolean isTornRecord(byte[] tail) {
        String text = new String(tail, StandardCharsets.ISO_8859_1);
        return text.matches("[0-9a-f]{0,8}( (\\{.*)?)?\\x00*") || text.matches("\\x00+");
    }

    /** A record as a line of the log: its CRC-32C in 8 hex digits, a space, the record, a newline. */
    static byte[] line(String record) {
        byte[] json = record.getBytes(StandardCharsets.UTF_8);
        return (String.format("%08x ", checksum(json)) + record + "\n").getBytes(StandardCharsets.UTF_8);
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
        String kind = record.keySet().iterator().next();
        JsonElement value = record.get(kind);
        switch (kind) {
            case "difficulty" -> {
                if (records > 0 || !value.toString().matches("[1-9][0-9]?")) {
                    throw new IllegalArgumentException("its difficulty is not the first record, or not 1 to 64");
                }
                difficulty = value.getAsInt();
            }
            case "block" -> {
                blocks.add(Block.fromJson(value));
                pending = new JsonArray();
            }
            case "transaction" -> pending.add(value);
            case "replace" -> replace(value);
            default -> throw new IllegalArgumentException("it is a record of no kind a node writes: " + kind);
        }
    }

    private void replace(JsonElement value) {
        JsonObject replace = value.isJsonObject() ? value.getAsJsonObject() : new JsonObject();
        JsonElement kept = replace.get("kept");
        if (kept == null || !kept.toString().matches("[0-9]{1,9}") || kept.getAsInt() > blocks.size()
                || !(replace.get("blocks") instanceof JsonArray added) || !(replace.get("pending") instanceof JsonArray waiting)) {
            throw new IllegalArgumentException("its replace record needs \"kept\" (0 to " + blocks.size()
                    + "), \"blocks\" and \"pending\" (two lists)");
        }
        List<Block> after = new ArrayList<>(blocks.subList(0, kept.getAsInt()));
        added.forEach(block -> after.add(Block.fromJson(block)));
        blocks = after;
        pending = waiting;
    }
}
