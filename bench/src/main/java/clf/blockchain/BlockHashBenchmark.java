package clf.blockchain;

import com.google.gson.JsonObject;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The hash of a block as Python makes it: canonical JSON of a block with ten signed payments, then SHA-256. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BlockHashBenchmark {

    private JsonObject block;

    @Setup
    public void setUp() {
        Blockchain blockchain = Chains.fresh();
        Wallet miner = Wallet.create();
        for (int reward = 0; reward < 10; reward++) {
            Chains.mine(blockchain, miner);
        }
        for (int nonce = 1; nonce <= 10; nonce++) {
            blockchain.newTransaction(SignedTransaction.sign(miner, Wallet.create().address(), 1, nonce));
        }
        block = Chains.mine(blockchain, miner).toJson();
    }

    /** From the JSON, every time: a block caches its header's digest, which would measure nothing. */
    @Benchmark
    public String canonicalJsonAndHash() {
        return Blockchain.hash(Block.fromJson(block));
    }
}
