package clf.blockchain;

import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A resolve against a peer 10 blocks ahead on a long shared history, as a node of this workshop does it (fetching
 * and checking only the blocks after its last one, {@code GET /chain?from=N}), and as it must against a peer that
 * sends its whole chain (the text's node, or any peer whose chain forked): a new node that fetches and checks all
 * of it. Each block holds its reward and one signed payment. 60,000 blocks by default: with a header (step 14 on)
 * such a block is about 800 bytes, and a whole chain of 100,000 (80 MB) is more than the 64 MiB a node takes from a
 * peer in one answer.
 *
 * <pre>java -cp bench/target/benchmarks.jar clf.blockchain.IncrementalResolve [blocks]</pre>
 */
@Command(name = "IncrementalResolve", description = "A resolve of the 10 new blocks of a long chain, and of all of it.")
public final class IncrementalResolve implements Callable<Integer> {

    @Parameters(arity = "0..1", paramLabel = "BLOCKS", defaultValue = "60000",
            description = "the length of the chain (default: ${DEFAULT-VALUE})")
    int blocks;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    public static void main(String[] args) {
        System.exit(new CommandLine(new IncrementalResolve()).execute(args));
    }

    @Override
    public Integer call() {
        // tools/DocCommands.java sets CLF_DOC_SHORT=1 to see that the command works, not to measure.
        boolean brief = "1".equals(System.getenv("CLF_DOC_SHORT"));
        int rounds = brief ? 1 : 3;
        if (brief) {
            blocks = Math.min(blocks, 2_000);
            System.out.println("a short run (CLF_DOC_SHORT=1): " + blocks + " blocks, one round");
        }
        long started = System.nanoTime();
        Blockchain peer = Chains.blockchain(blocks, true);
        System.out.printf("made a chain of %,d blocks in %.0f s%n", blocks, (System.nanoTime() - started) / 1e9);
        Node node = new Node(peer, null).start("127.0.0.1", 0);
        URI address = URI.create("http://127.0.0.1:" + node.port());
        PeerClient peers = new PeerClient("incremental-resolve");
        try {
            Blockchain ours = Chains.fresh();
            ours.registerNodes(List.of(address));
            resolve(ours, peers);
            for (int round = 1; round <= rounds; round++) {
                Wallet miner = Wallet.create();
                for (int i = 0; i < 10; i++) {
                    Chains.mine(peer, miner);
                }
                Blockchain fresh = Chains.fresh();
                fresh.registerNodes(List.of(address));
                double full = resolve(fresh, peers);
                double incremental = resolve(ours, peers);
                System.out.printf("round %d: the peer is 10 blocks ahead of %,d: the whole chain fetched and checked in"
                        + " %,.0f ms; only the 10 new blocks, in %,.1f ms (%,.0f times less)%n", round,
                        ours.chain().size() - 10, full, incremental, full / incremental);
            }
        } finally {
            node.stop();
        }
        return 0;
    }

    /** Resolves, checks that the chain was adopted, and returns the time it took in milliseconds. */
    private static double resolve(Blockchain blockchain, PeerClient peers) {
        long started = System.nanoTime();
        Consensus.Resolution resolution = new Consensus(blockchain).resolveConflicts(peers);
        double millis = (System.nanoTime() - started) / 1e6;
        if (!resolution.replaced()) {
            throw new IllegalStateException("the peer's chain was not adopted: " + resolution.unusablePeers());
        }
        return millis;
    }
}
