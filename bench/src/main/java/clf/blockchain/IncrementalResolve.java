package clf.blockchain;

import java.net.URI;
import java.util.List;

/**
 * A resolve against a peer 10 blocks ahead on a long shared history, as a node of this workshop does it (fetching
 * and checking only the blocks after its last one, {@code GET /chain?from=N}), and as it must against a peer that
 * sends its whole chain (the text's node, or any peer whose chain forked): a new node that fetches and checks all
 * of it. Each block holds its reward and one signed payment.
 *
 * <pre>java -cp bench/target/benchmarks.jar clf.blockchain.IncrementalResolve [blocks]</pre>
 */
public final class IncrementalResolve {

    private IncrementalResolve() {
    }

    public static void main(String[] args) {
        int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long started = System.nanoTime();
        Blockchain peer = Chains.blockchain(blocks, true);
        System.out.printf("made a chain of %,d blocks in %.0f s%n", blocks, (System.nanoTime() - started) / 1e9);
        Node node = new Node(peer, "peer", null).start("127.0.0.1", 0);
        URI address = URI.create("http://127.0.0.1:" + node.port());
        PeerClient peers = new PeerClient("incremental-resolve");
        try {
            Blockchain ours = Chains.validator();
            ours.registerNodes(List.of(address));
            resolve(ours, peers);
            for (int round = 1; round <= 3; round++) {
                Wallet miner = Wallet.create();
                for (int i = 0; i < 10; i++) {
                    Block last = peer.lastBlock();
                    peer.newBlock(peer.proofOfWork(last).proof(), Blockchain.hash(last), miner.address());
                }
                Blockchain fresh = Chains.validator();
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
    }

    /** Resolves, checks that the chain was adopted, and returns the time it took in milliseconds. */
    private static double resolve(Blockchain blockchain, PeerClient peers) {
        long started = System.nanoTime();
        Blockchain.Resolution resolution = blockchain.resolveConflicts(peers);
        double millis = (System.nanoTime() - started) / 1e6;
        if (!resolution.replaced()) {
            throw new IllegalStateException("the peer's chain was not adopted: " + resolution.unusablePeers());
        }
        return millis;
    }
}
