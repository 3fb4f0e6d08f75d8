package clf.blockchain;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A resolve against a long chain: a node serves a chain on this machine, each block with its reward and one signed
 * payment, and a new node fetches, parses and validates it, five times over; then the signature checks alone, on
 * one core, and the ledger replay, which checks them on every core.
 *
 * <pre>java -cp bench/target/benchmarks.jar clf.blockchain.SyncBenchmark [BLOCKS]</pre>
 */
@Command(name = "SyncBenchmark", description = "A new node fetches and validates a long chain.")
public final class SyncBenchmark implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "BLOCKS", defaultValue = "10000",
            description = "the length of the chain (default: ${DEFAULT-VALUE})")
    int blocks;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SyncBenchmark()).execute(args));
    }

    @Override
    public Integer call() {
        // tools/DocCommands.java sets CLF_DOC_SHORT=1 to see that the command works, not to measure.
        boolean brief = "1".equals(System.getenv("CLF_DOC_SHORT"));
        int rounds = brief ? 1 : 5;
        if (brief) {
            blocks = Math.min(blocks, 1_000);
            System.out.println("a short run (CLF_DOC_SHORT=1): " + blocks + " blocks, one round");
        }
        Blockchain served = Chains.blockchain(blocks, true);
        Node source = new Node(served, null).start("127.0.0.1", 0);
        URI address = URI.create("http://127.0.0.1:" + source.port());
        try {
            for (int round = 1; round <= rounds; round++) {
                Blockchain fresh = Chains.fresh();
                fresh.registerNodes(List.of(address));
                long started = System.nanoTime();
                Consensus.Resolution resolution = new Consensus(fresh).resolveConflicts(new PeerClient("sync-benchmark"));
                long nanos = System.nanoTime() - started;
                if (!resolution.replaced() || fresh.chain().size() != blocks) {
                    throw new IllegalStateException("the chain was not adopted: " + resolution.unusablePeers());
                }
                System.out.printf("round %d: fetched and validated %,d blocks in %.0f ms%n", round, blocks, nanos / 1e6);
            }
            List<Block> chain = served.chain();
            List<SignedTransaction> payments = new ArrayList<>();
            chain.forEach(block -> block.transactions().forEach(transaction -> {
                if (!Ledger.isReward(transaction)) {
                    payments.add(SignedTransaction.fromJson(transaction));
                }
            }));
            int cores = Runtime.getRuntime().availableProcessors();
            for (int round = 1; round <= rounds; round++) {
                long started = System.nanoTime();
                payments.forEach(SignedTransaction::signatureIsValid);
                double oneCore = (System.nanoTime() - started) / 1e9;
                started = System.nanoTime();
                Ledger.of(chain);
                double replay = (System.nanoTime() - started) / 1e9;
                System.out.printf("round %d: %,d signatures checked at %,.0f/s on one core; the whole ledger replayed"
                        + " at %,.0f signatures/s on %d cores%n", round, payments.size(), payments.size() / oneCore,
                        payments.size() / replay, cores);
            }
        } finally {
            source.stop();
        }
        return 0;
    }
}
