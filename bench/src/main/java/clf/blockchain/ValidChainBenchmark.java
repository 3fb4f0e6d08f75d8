package clf.blockchain;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code validChain} per block: links, proofs and the ledger, on a chain of 1,000 blocks whose blocks hold only the
 * miner's reward ("unsigned"), or the reward and one signed payment ("signed"), whose signature is checked.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ValidChainBenchmark {

    static final int BLOCKS = 1_000;

    @Param({"unsigned", "signed"})
    public String blocks;

    private List<Block> chain;
    private ChainValidator validator;

    @Setup
    public void setUp() {
        chain = Chains.make(BLOCKS, blocks.equals("signed"));
        validator = new ChainValidator(Chains.WORK);
    }

    @Benchmark
    @OperationsPerInvocation(BLOCKS)
    public boolean validChainPerBlock() {
        return validator.validChain(chain);
    }
}
