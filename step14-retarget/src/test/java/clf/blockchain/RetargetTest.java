package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The retarget of Bitcoin, every 10 blocks against 10 s a block, and the timestamp rules that keep it honest. */
class RetargetTest {

    static final Target GENESIS = Target.ofDifficulty(1);
    static final Retarget RULE = new Retarget(GENESIS, 10, 10);
    static final ProofOfWork WORK = new ProofOfWork(RULE, 1);
    static final double T0 = 1.7e9;

    static JsonArray reward() {
        JsonObject reward = new JsonObject();
        reward.addProperty("sender", "0");
        reward.addProperty("recipient", Chains.MINER.address());
        reward.addProperty("amount", 1);
        JsonArray transactions = new JsonArray();
        transactions.add(reward);
        return transactions;
    }

    static Block genesis() {
        return Block.of(1, T0, new JsonArray(), 100, new JsonPrimitive(1), GENESIS);
    }

    /** An honest chain whose blocks came {@code intervals} seconds apart, each with the target the rule gives it. */
    static List<Block> chain(double... intervals) {
        List<Block> chain = new ArrayList<>(List.of(genesis()));
        for (double interval : intervals) {
            Block last = chain.get(chain.size() - 1);
            chain.add(Chains.forge(last, last.timestamp() + interval, reward(), RULE.next(chain)));
        }
        return chain;
    }

    static double[] times(int blocks, double seconds) {
        double[] intervals = new double[blocks];
        Arrays.fill(intervals, seconds);
        return intervals;
    }

    /** The page's rule, written again: the last target times actual over intended milliseconds. */
    static BigInteger scaled(Target last, long actualMillis, long intendedMillis) {
        return last.value().multiply(BigInteger.valueOf(actualMillis)).divide(BigInteger.valueOf(intendedMillis));
    }

    static BigInteger target(List<Block> chain, int height) {
        return chain.get(height).target().value();
    }

    @Test
    @Tag("exercise-14.2")
    void theTargetStaysWithinAWindowAndMovesAtTheStartOfTheNext() {
        List<Block> chain = chain(times(25, 5));
        for (int height = 1; height <= 10; height++) {
            assertEquals(GENESIS.value(), target(chain, height), "height " + height);
        }
        BigInteger halved = scaled(GENESIS, 50_000, 100_000);
        for (int height = 11; height <= 20; height++) {
            assertEquals(halved, target(chain, height), "blocks twice as fast halve the target, height " + height);
        }
        assertEquals(scaled(chain.get(20).target(), 50_000, 100_000), target(chain, 21));
        new ChainValidator(WORK).checkChain(chain);
    }

    @Test
    @Tag("exercise-14.1")
    void theWindowSpansItsTenIntervalsWithoutBitcoinsOffByOne() {
        double[] intervals = times(10, 1);
        intervals[0] = 90;
        List<Block> chain = chain(intervals);
        // Genesis to block 10 took 99 s; Bitcoin's way, from block 1, would see 9 s, and clamp to a quarter.
        assertEquals(scaled(GENESIS, 99_000, 100_000), RULE.next(chain).value());
    }

    @Test
    @Tag("exercise-14.1")
    void aWindowTooFastMovesTheTargetByAQuarterAtMost() {
        List<Block> chain = chain(times(10, 0.1));
        assertEquals(scaled(GENESIS, 25_000, 100_000), RULE.next(chain).value(), "1 s against 100 s: clamped to 1/4");
    }

    @Test
    @Tag("exercise-14.1")
    void aWindowTooSlowMovesTheTargetByFourAtMostAndNeverPastGenesis() {
        double[] intervals = new double[30];
        Arrays.fill(intervals, 0, 20, 0.1);
        Arrays.fill(intervals, 20, 30, 1000);
        List<Block> chain = chain(intervals);
        Target sixteenth = chain.get(21).target();
        assertEquals(scaled(Target.of(scaled(GENESIS, 25_000, 100_000)), 25_000, 100_000), sixteenth.value(),
                "two fast windows: a quarter of a quarter");
        assertEquals(scaled(sixteenth, 400_000, 100_000), RULE.next(chain).value(), "10,000 s against 100: clamped to 4");
        assertEquals(GENESIS, RULE.next(chain(times(10, 1000))), "never easier than the genesis target");
    }

    @Test
    @Tag("exercise-14.2")
    void aBlockWithTheWrongTargetForItsWindowIsRefused() {
        List<Block> chain = chain(times(10, 1));
        Block last = chain.get(10);
        chain.add(Chains.forge(last, last.timestamp() + 1, reward(), last.target()));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new ChainValidator(WORK).checkChain(chain));
        assertEquals("block 12 has the target " + GENESIS + ", not " + RULE.next(chain.subList(0, 11))
                + ", which the retarget gives it", refused.getMessage());
    }

    /** The refusal of the block after {@code chain} stamped {@code timestamp}, checked at {@code now}. */
    static String refusal(List<Block> chain, double timestamp, double now) {
        return assertThrows(IllegalArgumentException.class, () -> RULE.checkTimestamp(chain, timestamp, now))
                .getMessage();
    }

    @Test
    @Tag("exercise-14.2")
    void aTimestampAtOrBeforeTheMedianOfTheElevenBeforeItIsRefused() {
        List<Block> chain = chain(times(14, 1));
        double median = chain.get(9).timestamp();  // the 11 before block 16 are blocks 5 to 15; block 10 is the middle
        double now = chain.get(14).timestamp();
        assertEquals("block 16 has the timestamp " + median + ", not after " + median + ", the median of the 11 blocks"
                + " before it", refusal(chain, median, now));
        refusal(chain, median - 1, now);
        RULE.checkTimestamp(chain, Math.nextUp(median), now);
        assertEquals(Math.nextUp(median), RULE.earliest(chain, median - 50), "a miner whose clock is behind");
    }

    @Test
    @Tag("exercise-14.2")
    void aTimestampMoreThanAMinuteAheadOfTheClockIsRefused() {
        List<Block> chain = chain(times(3, 1));
        double now = chain.get(3).timestamp();
        RULE.checkTimestamp(chain, now + Retarget.FUTURE_LIMIT, now);
        assertTrue(refusal(chain, now + Retarget.FUTURE_LIMIT + 1, now).contains("more than 60.0 s ahead"));
    }

    @Test
    @Tag("exercise-14.2")
    void aWindowThatStartsMoreThanABlockTimeBeforeTheBlockBeforeItIsRefused() {
        List<Block> chain = chain(times(10, 20));
        double last = chain.get(10).timestamp();
        double now = last + 30;
        RULE.checkTimestamp(chain, last - 10, now);
        assertEquals("block 12 starts a window with the timestamp " + (last - 11) + ", more than 10.0 s before the"
                + " block before it, " + last, refusal(chain, last - 11, now));
        RULE.checkTimestamp(chain.subList(0, 10), last - 31, now);  // not a window's first block: the median rule only
    }

    @Test
    @Tag("exercise-14.2")
    void aNodeRefusesAChainWithAFutureTimestamp() {
        List<Block> chain = chain(times(3, 1));
        Block last = chain.get(3);
        chain.add(Chains.forge(last, last.timestamp() + 3600, reward(), RULE.next(chain)));
        Clock clock = Clock.fixed(Instant.ofEpochMilli((long) (last.timestamp() * 1000)), ZoneOffset.UTC);
        String refused = assertThrows(IllegalArgumentException.class,
                () -> new ChainValidator(WORK, clock).checkChain(chain)).getMessage();
        assertTrue(refused.startsWith("block 5 has the timestamp"), refused);
    }

    @Test
    @Tag("exercise-14.2")
    void aMinerFollowsTheTargetAndStampsItsBlocksAfterTheMedianWhenItsClockStandsStill() {
        AtomicLong millis = new AtomicLong((long) (T0 * 1000));
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(millis.get());
            }

            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        Blockchain blockchain = new Blockchain(WORK, clock);
        for (int i = 0; i < 10; i++) {
            millis.addAndGet(2_000);
            Chains.mine(blockchain, Chains.MINER);
        }
        Block quick = Chains.mine(blockchain, Chains.MINER);
        assertEquals(scaled(GENESIS, 25_000, 100_000), quick.target().value(), "10 blocks in 20 s, not 100 s");
        for (int i = 0; i < 8; i++) {
            Chains.mine(blockchain, Chains.MINER);
        }
        assertTrue(blockchain.lastBlock().timestamp() > millis.get() / 1000.0,
                "a clock that stands still: each block just after the median, which has caught up with the clock");
        new ChainValidator(WORK, clock).checkChain(blockchain.chain());
    }

    /**
     * The benchmark of docs/benchmarks.md, in short: 200 blocks whose hash rate rises fourfold after block 100; the
     * retarget brings the mean time of the last 50 back within 25% of 10 s. Simulated time: a block's time is its
     * expected number of guesses, 2^256 / (target + 1), over the hash rate, times a random draw of the exponential
     * distribution, as the time to a first success of many independent guesses is.
     */
    @Test
    @Tag("exercise-14.1")
    void aHashRateFourTimesHigherIsFollowedWithinAFewWindows() {
        Random random = new Random(2024);
        List<Block> chain = new ArrayList<>(List.of(genesis()));
        // Guesses a second: at the genesis target a block takes 10 s, until block 100.
        double rate = Math.pow(2, 256) / (GENESIS.value().doubleValue() + 1) / 10;
        double sum = 0;
        for (int height = 1; height <= 200; height++) {
            Target target = RULE.next(chain);
            double guesses = Math.pow(2, 256) / (target.value().doubleValue() + 1);
            double seconds = guesses / (height > 100 ? 4 * rate : rate) * -Math.log(1 - random.nextDouble());
            Block last = chain.get(chain.size() - 1);
            chain.add(Block.of(height + 1, last.timestamp() + seconds, new JsonArray(), 0,
                    new JsonPrimitive(Blockchain.hash(last)), target));
            sum += height > 150 ? seconds : 0;
        }
        double mean = sum / 50;
        assertTrue(Math.abs(mean - 10) <= 2.5, "the last 50 blocks took " + mean + " s each on average");
    }
}
