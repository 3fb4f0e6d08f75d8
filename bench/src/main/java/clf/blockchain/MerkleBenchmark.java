package clf.blockchain;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The Merkle root of a block of 10,000 payments, leaves included, and one proof of it checked, on one core. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MerkleBenchmark {

    static final int PAYMENTS = 10_000;

    private JsonArray transactions;
    private byte[] leaf;
    private List<byte[]> path;
    private byte[] root;

    @Setup
    public void setUp() {
        transactions = new JsonArray();
        Wallet alice = Wallet.create();
        String bob = Wallet.create().address();
        JsonObject payment = SignedTransaction.sign(alice, bob, 1, 1).toJson();
        for (int nonce = 1; nonce <= PAYMENTS; nonce++) {
            // Signing 10,000 payments would take the set-up seconds; a payment's size is what the root costs.
            JsonObject copy = payment.deepCopy();
            copy.addProperty("nonce", nonce);
            transactions.add(copy);
        }
        List<byte[]> leaves = Block.leaves(transactions);
        root = Merkle.root(leaves);
        leaf = leaves.get(PAYMENTS / 3);
        path = Merkle.path(leaves, PAYMENTS / 3);
    }

    @Benchmark
    public String rootOf10000Payments() {
        return Block.merkleRoot(transactions);
    }

    @Benchmark
    public boolean verifyOneProof() {
        return Merkle.verify(leaf, PAYMENTS / 3, PAYMENTS, path, root);
    }
}
