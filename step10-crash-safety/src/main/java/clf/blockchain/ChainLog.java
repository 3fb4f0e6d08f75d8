package clf.blockchain;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Crash safety: {@code DIR/chain.log}, where a node started with {@code --data-dir DIR} appends each change, and
 * flushes it to the disk before it acknowledges it; read back at start, a tail torn by a crash cut off.
 */
public final class ChainLog implements Journal, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ChainLog.class.getName());

    public static final String FILE_NAME = "chain.log";

    private final Path file;
    private final FileChannel channel;
    private final ChainLogReader read;
    private final Object flushing = new Object();
    /** The length of the log; guarded by this object's lock, as is {@link #failure}. */
    private long length;
    /** Once a write or a flush has failed, the log no longer matches memory: nothing more is written. */
    private IOException failure;
    /** How much of the log the disk is known to hold; guarded by {@link #flushing}. */
    private long durable;

    private ChainLog(Path file, FileChannel channel, ChainLogReader read) {
        this.file = file;
        this.channel = channel;
        this.read = read;
        this.length = read.sound;
        this.durable = read.sound;
    }

    /**
     * Opens {@code dir/chain.log}, made if it is new, and reads what it holds; a {@link ChainLogReader.Damaged} says
     * where a record does not read, and leaves the file as it is.
     */
    public static ChainLog open(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE_NAME);
        boolean created = !Files.exists(file);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            if (created) {
                // A new file is only there after a crash if its directory entry is on the disk too.
                try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
                    directory.force(true);
                }
            }
            // Not closed when read: closing a channel's stream closes the channel, which goes on to take the appends.
            ChainLogReader read = new ChainLogReader(file)
                    .read(new BufferedInputStream(Channels.newInputStream(channel.position(0)), 1 << 16));
            long size = channel.size();
            if (read.sound < size) {
                LOG.warning(file + ": cut " + (size - read.sound) + " bytes at byte " + read.sound + ": record "
                        + (read.records + 1) + " was cut short by a crash as it was written, so it was never"
                        + " acknowledged; the node goes on from the " + read.records + " records before it");
                channel.truncate(read.sound);
                channel.force(true);
            }
            return new ChainLog(file, channel, read);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The chain that the log holds, from genesis on; empty for a new log. */
    public List<Block> blocks() {
        return List.copyOf(read.blocks);
    }

    /** The pending payments that the log holds. */
    public JsonArray pending() {
        return read.pending.deepCopy();
    }

    /** The difficulty the chain of the log is mined at, or 0 for a log that does not say. */
    public int difficulty() {
        return read.difficulty;
    }

    public Path file() {
        return file;
    }

    /** The first record of a new log: the difficulty of its chain, which a restart must keep. */
    long difficulty(int difficulty) {
        return append("{\"difficulty\": " + difficulty + "}");
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
        ByteBuffer line = ByteBuffer.wrap(ChainLogReader.line(record));
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

    /** Returns once the disk holds the log up to {@code upTo}; who waits for a running flush most often finds it done. */
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
        return new UncheckedIOException(message + (cause.getMessage() != null ? ": " + cause.getMessage() : ""), cause);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
