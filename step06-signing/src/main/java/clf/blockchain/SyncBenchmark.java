package clf.blockchain;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures a resolve against a long chain: a node serves a chain of 10,000 blocks on this machine, each with its
 * reward and one signed payment, and a new node fetches, parses and validates it, five times over; then it times
 * the signature checks alone on one core, and the ledger replay, which checks them on every core. Proofs are made at
 * difficulty 2 so that building the chain is quick; checking a proof costs one hash at any difficulty.
 *
 * <pre>java -cp step06-signing/target/step06-signing.jar clf.blockchain.SyncBenchmark [blocks]</pre>
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
        ProofOfWork work = new ProofOfWork(ProofOfWork.Rule.LINKED, 2);
        Blockchain served = new Blockchain(work, Clock.systemUTC());
        Wallet alice = Wallet.create();
        String bob = Wallet.create().address();
        for (int i = 1; i < blocks; i++) {
            if (i > 1) {
                served.newTransaction(SignedTransaction.sign(alice, bob, 1, i - 1));
            }
            Block last = served.lastBlock();
            served.newBlock(served.proofOfWork(last).proof(), Blockchain.hash(last), alice.address());
        }
        Node source = new Node(served, "source", null).start("127.0.0.1", 0);
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
            List<Block> chain = served.chain();
            List<SignedTransaction> payments = new ArrayList<>();
            for (Block block : chain) {
                for (int i = 1; i < block.transactions().size(); i++) {
                    payments.add(SignedTransaction.fromJson(block.transactions().get(i)));
                }
            }
            int cores = Runtime.getRuntime().availableProcessors();
            for (int round = 1; round <= 5; round++) {
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
    }
}
