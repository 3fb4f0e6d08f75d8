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
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Crash safety: {@code DIR/chain.log}, where a node started with {@code --data-dir DIR} appends each change and
 * flushes it before it acknowledges it, and from which it restores its chain at start.
 */
public final class ChainLog implements Journal, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ChainLog.class.getName());

    public static final String FILE_NAME = "chain.log";

    private final Path file;
    private final FileChannel channel;
    private final ChainLogReader read;
    private final Object flushing = new Object();
    /** Guarded by this object's lock: once a write or a flush has failed, the log no longer matches memory. */
    private long length;
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

    /** Opens {@code dir/chain.log}, made if it is new, and reads it; an {@link IllegalStateException} says where it is damaged. */
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
            ChainLogReader read = new ChainLogReader().read(new BufferedInputStream(Channels.newInputStream(channel.position(0)),
                    1 << 16));
            long size = channel.size();
            if (read.sound < size) {
                LOG.warning(file + ": cut " + ChainLogReader.count(size - read.sound, "byte") + " at byte " + read.sound
                        + ": record " + (read.records + 1) + " was cut short by a crash as it was written, so it was never"
                        + " acknowledged; the node goes on from the " + ChainLogReader.count(read.records, "record") + " before it");
                channel.truncate(read.sound);
                channel.force(true);
            }
            return new ChainLog(file, channel, read);
        } catch (IllegalArgumentException e) {
            channel.close();
            throw new IllegalStateException(file + " is " + e.getMessage() + ". Nothing was changed: move the file aside (mv "
                    + file + " " + file + ".damaged) and start again, and a resolve fetches the chain from a peer");
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The node's chain and pending payments, checked as a peer's would be, or a new chain for a new log. */
    public Blockchain restore(ProofOfWork work, Clock clock) {
        try {
            CheckedChain saved = read.blocks.isEmpty() ? null : new ChainValidator(work, clock).checkChain(read.blocks);
            return new Blockchain(work, clock, this, saved, read.pending);
        } catch (IllegalArgumentException e) {
            Target mined = read.blocks.get(0).target();
            throw new IllegalStateException(!mined.equals(work.retarget().genesis()) ? file + " holds a chain whose"
                    + " genesis target is " + mined + ", from another --difficulty: start the node with that one, or"
                    + " give it another --data-dir" : "the chain in " + file + " is not"
                    + " valid: " + e.getMessage() + "; move the file aside to start a new chain, which a resolve"
                    + " fetches from a peer");
        }
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
