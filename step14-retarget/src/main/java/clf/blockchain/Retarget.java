package clf.blockchain;

import java.math.BigInteger;
import java.util.List;

/**
 * A difficulty that follows the clock: every {@code every} blocks the target moves by the time they took against the
 * time they should have taken, as Bitcoin's retarget does, and a block's timestamp has to be plausible.
 */
public final class Retarget {

    /** What the rule reads of a block: when it was made, and its target. */
    public interface Dated {
        double timestamp();
        Target target();
    }

    /** Blocks in a window, by default. */
    public static final int EVERY = 10;
    /** The seconds a block should take, by default: a classroom's, not Bitcoin's ten minutes. */
    public static final double BLOCK_SECONDS = 10;
    /** A timestamp is later than the median of this many blocks before it. */
    public static final int MEDIAN_OF = 11;
    /** How far ahead of this node's clock a timestamp may be, in seconds. */
    public static final double FUTURE_LIMIT = 60;

    private final Target genesis;
    private final int every;
    private final double blockSeconds;

    public Retarget(Target genesis, int every, double blockSeconds) {
        if (every < 2 || !(blockSeconds > 0)) {
            throw new IllegalArgumentException("a window is 2 blocks or more, and a block takes more than 0 s");
        }
        this.genesis = genesis;
        this.every = every;
        this.blockSeconds = blockSeconds;
    }

    /** The genesis block's target, the easiest a block may have. */
    public Target genesis() {
        return genesis;
    }

    /** Is the block at this height (genesis is 0) the first of a window, whose target moves? */
    private boolean startsWindow(int height) {
        return height > every && (height - 1) % every == 0;
    }

    /**
     * The target of the block after {@code chain}: the last block's; at the start of a window, the last block's
     * times the window's time over its intended time, that ratio kept within [1/4, 4], and never easier than genesis.
     */
    public Target next(List<? extends Dated> chain) {
        int height = chain.size();
        Target last = chain.get(height - 1).target();
        if (!startsWindow(height)) {
            return last;
        }
        // exercise 14.1: Take the time of the window's blocks, from block height - 1 - every to block height - 1, in milliseconds, within a quarter and four times the intended time; scale the last target by it, and never past the genesis target.
        // exercise 14.1 begin
        long actual = millis(chain.get(height - 1)) - millis(chain.get(height - 1 - every));
        long intended = Math.round(every * blockSeconds * 1000);
        actual = Math.max(intended / 4, Math.min(intended * 4, actual));
        BigInteger scaled = last.value().multiply(BigInteger.valueOf(actual)).divide(BigInteger.valueOf(intended));
        return scaled.compareTo(genesis.value()) > 0 ? genesis : Target.of(scaled.max(BigInteger.ONE));
        // exercise 14.1 end
    }

    /** A timestamp in whole milliseconds, rounded down, as Python's {@code math.floor(t * 1000)}. */
    private static long millis(Dated block) {
        return (long) Math.floor(block.timestamp() * 1000);
    }

    /**
     * Refuses the timestamp of the block after {@code chain} if it is at or before the median of the 11 blocks
     * before it, more than {@link #FUTURE_LIMIT} ahead of {@code now}, or, at the start of a window, more than one
     * block's time before the block before it (the time-warp rule); an {@link IllegalArgumentException} says which.
     */
    public void checkTimestamp(List<? extends Dated> chain, double timestamp, double now) {
        long index = chain.size() + 1;
        // exercise 14.2: Refuse (IllegalArgumentException) a timestamp at or before medianTimePast(chain), one more than FUTURE_LIMIT ahead of now, and at the start of a window one more than blockSeconds before the last block's.
        // exercise 14.2 begin
        double median = medianTimePast(chain);
        if (timestamp <= median) {
            throw new IllegalArgumentException("block " + index + " has the timestamp " + timestamp + ", not after "
                    + median + ", the median of the " + MEDIAN_OF + " blocks before it");
        }
        if (timestamp > now + FUTURE_LIMIT) {
            throw new IllegalArgumentException("block " + index + " has the timestamp " + timestamp + ", more than "
                    + FUTURE_LIMIT + " s ahead of this node's clock, " + now);
        }
        double last = chain.get(chain.size() - 1).timestamp();
        if (startsWindow(chain.size()) && timestamp < last - blockSeconds) {
            throw new IllegalArgumentException("block " + index + " starts a window with the timestamp " + timestamp
                    + ", more than " + blockSeconds + " s before the block before it, " + last);
        }
        // exercise 14.2 end
    }

    /** The earliest timestamp that the block after {@code chain} may have, if the clock says {@code now}. */
    public double earliest(List<? extends Dated> chain, double now) {
        double last = chain.get(chain.size() - 1).timestamp();
        return Math.max(now, Math.max(Math.nextUp(medianTimePast(chain)), last - blockSeconds));
    }

    /** The median timestamp of the last 11 blocks, or of all of them while there are fewer. */
    static double medianTimePast(List<? extends Dated> chain) {
        double[] times = chain.subList(Math.max(0, chain.size() - MEDIAN_OF), chain.size()).stream()
                .mapToDouble(Dated::timestamp).sorted().toArray();
        return times[times.length / 2];
    }
}
