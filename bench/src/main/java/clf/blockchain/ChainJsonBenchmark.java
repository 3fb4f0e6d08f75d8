package clf.blockchain;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Writing {@code GET /chain} for 100,000 blocks, each with its reward: as the node streams it, and, for comparison,
 * built as one string first, as it did before. Run with {@code -prof gc} to see the bytes allocated per write.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ChainJsonBenchmark {

    static final int BLOCKS = 100_000;

    private List<Block> chain;
    private String work;

    @Setup
    public void setUp() {
        chain = Chains.make(BLOCKS, false);
        work = chain.stream().map(block -> block.target().work()).reduce(java.math.BigInteger.ZERO,
                java.math.BigInteger::add).toString();
    }

    List<Block> chain() {
        return chain;
    }

    String work() {
        return work;
    }

    @Benchmark
    public void streamed() throws IOException {
        Api.writeChain(chain, 1, work, OutputStream.nullOutputStream());
    }

    @Benchmark
    public byte[] asOneString() {
        return asOneString(chain, work);
    }

    /** The answer built as one string, then its bytes, as the node did before it streamed it. */
    static byte[] asOneString(List<Block> chain, String work) {
        StringBuilder body = new StringBuilder("{\"chain\": [");
        for (int i = 0; i < chain.size(); i++) {
            body.append(i == 0 ? "" : ", ").append(chain.get(i).canonicalJson());
        }
        body.append("], \"length\": ").append(chain.size()).append(", \"work\": \"").append(work).append("\"}");
        return body.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
