package clf.blockchain;

import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * Measures a resolve against a long chain: a node serves a chain of 10,000 blocks (three transactions each) on
 * this machine, and a new node fetches, parses and validates it, five times over. Proofs are made at difficulty
 * 2 so that building the chain is quick; checking a proof costs one hash at any difficulty.
 *
 * <pre>java -cp step05-consensus/target/step05-consensus.jar clf.blockchain.SyncBenchmark [blocks]</pre>
 */
public final class SyncBenchmark {

    private SyncBenchmark() {
    }

    public static void main(String[] args) {
        int blocks = 10_000;
        try {
            blocks = args.length > 0 ? Integer.parseInt(args[0]) : blocks;
        } catch (NumberFormatException e) {
            System.err.println("usage: SyncBenchmark [blocks], for example SyncBenchmark 10000");
            System.exit(2);
        }
        ProofOfWork work = new ProofOfWork(ProofOfWork.Rule.TEXT, 2);
        Blockchain served = new Blockchain(work, Clock.systemUTC());
        for (int i = 1; i < blocks; i++) {
            served.newTransaction("alice-" + i, "bob", i);
            served.newTransaction("bob", "carol-" + i, 1);
            served.newTransaction("0", "miner", 1);
            served.newBlock(served.proofOfWork(served.lastBlock()).proof());
        }
        Node source = new Node(served, "source").start("127.0.0.1", 0);
        URI address = URI.create("http://127.0.0.1:" + source.port());
        try {
            for (int round = 1; round <= 5; round++) {
                Blockchain fresh = new Blockchain(work, Clock.systemUTC());
                fresh.registerNodes(List.of(address));
                long started = System.nanoTime();
                Blockchain.Resolution resolution = fresh.resolveConflicts(new PeerClient("benchmark"));
                long nanos = System.nanoTime() - started;
                if (!resolution.replaced() || fresh.chain().size() != blocks) {
                    throw new IllegalStateException("the chain was not adopted: " + resolution.unusablePeers());
                }
                System.out.printf("round %d: fetched and validated %,d blocks in %.0f ms%n", round, blocks, nanos / 1e6);
            }
        } finally {
            source.stop();
        }
    }
}
