package clf.blockchain;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Ed25519 with BouncyCastle (step 06): signing a payment, and checking its signature, on one thread. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SignatureBenchmark {

    private Wallet wallet;
    private String recipient;
    private SignedTransaction payment;
    private long nonce;

    @Setup
    public void setUp() {
        wallet = Wallet.create();
        recipient = Wallet.create().address();
        payment = SignedTransaction.sign(wallet, recipient, 5, 1);
    }

    @Benchmark
    public SignedTransaction sign() {
        return SignedTransaction.sign(wallet, recipient, 5, ++nonce);
    }

    @Benchmark
    public boolean verify() {
        return payment.signatureIsValid();
    }
}
