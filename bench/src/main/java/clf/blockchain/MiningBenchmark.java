package clf.blockchain;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Mining (step 04 on): searches for proofs at difficulty 5 under the text's rule, whose guesses are short enough
 * for one SHA-256 block (as the C reference's), on one thread and on every core. The {@code hashes} line of the
 * result is the hash rate; the search line, how many proofs are found per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MiningBenchmark {

    /** "1", or "all" for one thread per core. */
    @Param({"1", "all"})
    public String threads;

    private ProofOfWork work;
    /** Difficulty 5: a search takes about a million guesses. */
    static final Target TARGET = Target.ofDifficulty(5);
    long search;

    @Setup
    public void setUp() {
        int count = threads.equals("all") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(threads);
        work = new ProofOfWork(new Retarget(TARGET, Retarget.EVERY, Retarget.BLOCK_SECONDS), count);
    }

    /** Counts the hashes tried, which JMH reports per second beside the searches. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Hashes {
        public long hashes;

        @Setup(Level.Iteration)
        public void reset() {
            hashes = 0;
        }
    }

    @Benchmark
    public long search(Hashes counter) {
        ProofOfWork.Result result = work.proofOfWork(HashRate.digest(search++), TARGET);
        counter.hashes += result.attempts();
        return result.proof();
    }

}
