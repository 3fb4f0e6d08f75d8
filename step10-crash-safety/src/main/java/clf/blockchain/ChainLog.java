package clf.blockchain;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.zip.CRC32C;

/**
 * Crash safety: a node started with {@code --data-dir DIR} keeps its chain and its pending payments in
 * {@code DIR/chain.log}, and reads them back when it starts again. The log is only ever appended to. Each line is one record: a CRC-32C of the record in 8 hex digits, a space,
 * the record as JSON, and a newline. A record is {@code {"block": B}} (a block added to the chain, which took in
 * every pending payment), {@code {"transaction": T}} (a payment added to the pending list) or
 * {@code {"replace": {"blocks": [...], "kept": N, "pending": [...]}}} (a resolve adopted a longer chain). A node
 * acknowledges nothing before the disk holds its record: {@link #sync} flushes the file with {@code fdatasync}.
 *
 * <p>A {@code kill -9} or a power cut may leave the last line half written. Reading stops at the first line that
 * is incomplete or damaged, cuts the file back to the line before it, and says so: what was cut was never
 * acknowledged. The node then checks the whole chain again, as it would a peer's.
 */
public final class ChainLog implements Journal, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ChainLog.class.getName());

    public static final String FILE_NAME = "chain.log";

    private final Path file;
    private final FileChannel channel;
    private final List<Block> blocks;
    private final JsonArray pending;
    private final Object flushing = new Object();
    /** The length of the log; guarded by this object's lock, as is {@link #failure}. */
    private long length;
    /** Once a write or a flush has failed, the log no longer matches memory: nothing more is written. */
    private IOException failure;
    /** How much of the log the disk is known to hold; guarded by {@link #flushing}. */
    private long durable;

    private ChainLog(Path file, FileChannel channel, List<Block> blocks, JsonArray pending, long length) {
        this.file = file;
        this.channel = channel;
        this.blocks = blocks;
        this.pending = pending;
        this.length = length;
        this.durable = length;
    }

    /**
     * Opens {@code dir/chain.log}, making the directory and the file if they are new, and reads what it holds.
     *
     * @throws IOException if the directory or the file cannot be made, read or written
     */
    public static ChainLog open(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE_NAME);
        boolean created = !Files.exists(file);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        if (created) {
            // A new file is only there after a crash if its directory entry is on the disk too.
            try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
                directory.force(true);
            }
        }
        Reader reader = new Reader();
        // Not closed when read: closing a channel's stream closes the channel, which goes on to take the appends.
        reader.read(new BufferedInputStream(Channels.newInputStream(channel.position(0)), 1 << 16));
        long size = channel.size();
        if (reader.valid < size) {
            LOG.warning(file + ": cut " + (size - reader.valid) + " bytes at byte " + reader.valid + " (" + reader.problem
                    + "), left by a crash in the middle of a write or damaged on the disk; they were never"
                    + " acknowledged. The node goes on from the " + reader.records + " records before them.");
            channel.truncate(reader.valid);
            channel.force(true);
        }
        return new ChainLog(file, channel, reader.blocks, reader.pending, reader.valid);
    }

    /** The chain that the log holds, from genesis on; empty for a new log. */
    public List<Block> blocks() {
        return List.copyOf(blocks);
    }

    /** The pending payments that the log holds. */
    public JsonArray pending() {
        return pending.deepCopy();
    }

    public Path file() {
        return file;
    }

    @Override
    public long block(Block block) {
        return append("{\"block\": " + block.canonicalJson() + "}");
    }

    @Override
    public long transaction(JsonElement transaction) {
        return append("{\"transaction\": " + CanonicalJson.write(transaction) + "}");
    }

    @Override
    public long replaced(int kept, List<Block> blocks, JsonArray pending) {
        String texts = blocks.stream().map(Block::canonicalJson).collect(Collectors.joining(", "));
        return append("{\"replace\": {\"blocks\": [" + texts + "], \"kept\": " + kept + ", \"pending\": "
                + CanonicalJson.write(pending) + "}}");
    }

    private synchronized long append(String record) {
        if (failure != null) {
            throw failed("the node could not write " + file + " earlier and writes nothing more until it restarts",
                    failure);
        }
        byte[] json = record.getBytes(StandardCharsets.UTF_8);
        ByteBuffer line = ByteBuffer.wrap((String.format("%08x ", checksum(json)) + record + "\n")
                .getBytes(StandardCharsets.UTF_8));
        try {
            while (line.hasRemaining()) {
                length += channel.write(line, length);
            }
            return length;
        } catch (IOException e) {
            failure = e;
            throw failed("the node could not write " + file, e);
        }
    }

    /**
     * Returns once the disk holds the log up to {@code upTo}. Callers that arrive while a flush runs wait for it and
     * then, most often, find their record already flushed by it: one flush serves many payments.
     */
    @Override
    public void sync(long upTo) {
        synchronized (flushing) {
            if (durable >= upTo) {
                return;
            }
            long target;
            synchronized (this) {
                if (failure != null) {
                    throw failed("the node could not write " + file, failure);
                }
                target = length;
            }
            try {
                channel.force(false);
            } catch (IOException e) {
                synchronized (this) {
                    failure = e;
                }
                throw failed("the node could not flush " + file + " to the disk", e);
            }
            durable = target;
        }
    }

    private static UncheckedIOException failed(String message, IOException cause) {
        return new UncheckedIOException(message + ": " + (cause.getMessage() != null ? cause.getMessage()
                : cause.getClass().getSimpleName()), cause);
    }

    static long checksum(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return crc.getValue();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Reads records while they are whole and sound; remembers where the last sound one ends. */
    private static final class Reader {
        List<Block> blocks = new ArrayList<>();
        JsonArray pending = new JsonArray();
        long valid;
        int records;
        String problem;

        void read(InputStream in) throws IOException {
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
                    // A record that does not read as one is damage; anything else is a bug, and the log is left as it is.
                    problem = "record " + (records + 1) + ": " + e.getMessage();
                    return;
                }
                valid += line.size() + 1;
                records++;
                line.reset();
            }
            if (line.size() > 0) {
                problem = "record " + (records + 1) + " has no end of line";
            }
        }

        private static JsonObject record(byte[] line) {
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
                blocks.add(Block.fromJson(record.get("block")));
                pending = new JsonArray();
            } else if (record.has("transaction")) {
                pending.add(record.get("transaction"));
            } else if (record.has("replace") && record.get("replace").isJsonObject()) {
                JsonObject replace = record.getAsJsonObject("replace");
                int kept = replace.get("kept").getAsInt();
                if (kept < 0 || kept > blocks.size()) {
                    throw new IllegalArgumentException("it keeps " + kept + " blocks of " + blocks.size());
                }
                List<Block> after = new ArrayList<>(blocks.subList(0, kept));
                for (JsonElement block : replace.getAsJsonArray("blocks")) {
                    after.add(Block.fromJson(block));
                }
                blocks = after;
                pending = replace.getAsJsonArray("pending");
            } else {
                throw new IllegalArgumentException("it is not a record");
            }
        }
    }
}
