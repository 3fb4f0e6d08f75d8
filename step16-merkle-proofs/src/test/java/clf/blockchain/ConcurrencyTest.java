package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Many clients at once: nothing accepted is lost, nothing lands twice, and mining blocks nobody. */
class ConcurrencyTest {

    /**
     * A client whose wallet pays itself one coin, {@code count} times: always covered, a new nonce each time. It
     * returns the payments the node accepted, as "address/nonce".
     */
    static Callable<List<String>> client(TestNode node, Wallet wallet, int count) {
        return () -> {
            List<String> accepted = new ArrayList<>();
            for (long nonce = 1; nonce <= count; nonce++) {
                SignedTransaction payment = SignedTransaction.sign(wallet, wallet.address(), 1, nonce);
                if (node.post("/transactions/new", CanonicalJson.write(payment.toJson())).status() == 201) {
                    accepted.add(wallet.address() + "/" + nonce);
                }
            }
            return accepted;
        };
    }

    /** How many times the chain and the pending list of a node hold each payment, by "address/nonce". */
    static Map<String, Integer> held(Blockchain blockchain) {
        return held(blockchain.chain(), blockchain.currentTransactions());
    }

    /** How many times these blocks and these pending payments hold each payment, by "address/nonce". */
    static Map<String, Integer> held(List<Block> chain, JsonArray pending) {
        List<JsonElement> held = new ArrayList<>();
        chain.forEach(block -> block.transactions().forEach(held::add));
        pending.forEach(held::add);
        Map<String, Integer> seen = new HashMap<>();
        for (JsonElement transaction : held) {
            JsonObject payment = transaction.getAsJsonObject();
            if (payment.has("nonce")) {
                seen.merge(payment.get("sender").getAsString() + "/" + payment.get("nonce").getAsLong(), 1, Integer::sum);
            }
        }
        return seen;
    }

    @Test
    @Tag("exercise-4.2")
    @Tag("exercise-6.3")
    @Tag("exercise-7.1")
    @Tag("exercise-9.1")
    @Tag("exercise-13.1")
    @Tag("exercise-15.1")
    @Tag("exercise-16.1")
    void theChainAndNewTransactionsAreAnsweredWhileAMineRuns() throws Exception {
        // A proof of work that waits, in the middle of its search, until the test lets it go on.
        CountDownLatch searching = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        Blockchain blockchain = new Blockchain(Chains.WORK, Clock.systemUTC()) {
            @Override
            public ProofOfWork.Result proofOfWork(Block lastBlock) {
                searching.countDown();
                try {
                    goOn.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.proofOfWork(lastBlock);
            }
        };
        try (TestNode node = new TestNode(blockchain)) {
            CompletableFuture<HttpResponse<String>> mine = node.client.sendAsync(
                    HttpRequest.newBuilder(node.uri("/mine")).build(), HttpResponse.BodyHandlers.ofString());
            try {
                assertTrue(searching.await(5, TimeUnit.SECONDS), "the mine started its search");

                assertEquals(200, node.get("/chain").status());
                assertEquals(200, node.get("/token").status());
                assertEquals(400, node.pay(Wallet.create(), node.miner.address(), 1).status(), "answered: no coins yet");
                assertFalse(mine.isDone(), "all were answered while the mine was still running");
            } finally {
                goOn.countDown(); // also when an assertion failed: the mine ends, and the node can stop
            }
            assertEquals(200, mine.get(10, TimeUnit.SECONDS).statusCode());
            assertEquals(2, blockchain.chain().size());
        }
    }

    @Test
    @Tag("exercise-6.3")
    @Tag("exercise-7.1")
    @Tag("exercise-9.1")
    @Tag("exercise-13.1")
    @Tag("exercise-14.2")
    @Tag("exercise-15.1")
    @Tag("exercise-16.1")
    void everyAcceptedPaymentEndsUpInExactlyOneBlock() throws Exception {
        boolean deep = Boolean.getBoolean("clf.deep");
        int clients = deep ? 8 : 4;
        int perClient = deep ? 60 : 20;
        int mines = 12;
        try (TestNode node = new TestNode(3)) {
            List<Wallet> wallets = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                node.mine();
            }
            for (int c = 0; c < clients; c++) {
                wallets.add(Wallet.create());
                assertEquals(201, node.pay(node.miner, wallets.get(c).address(), 1).status());
            }
            node.mine();

            ExecutorService pool = Executors.newFixedThreadPool(clients + 2);
            List<Future<List<String>>> payers = new ArrayList<>();
            for (Wallet wallet : wallets) {
                payers.add(pool.submit(client(node, wallet, perClient)));
            }
            List<Future<Integer>> miners = new ArrayList<>();
            for (int m = 0; m < 2; m++) {
                miners.add(pool.submit(() -> {
                    int mined = 0;
                    for (int i = 0; i < mines / 2; i++) {
                        mined += node.get("/mine").status() == 200 ? 1 : 0;
                    }
                    return mined;
                }));
            }
            List<String> accepted = new ArrayList<>();
            for (Future<List<String>> payer : payers) {
                accepted.addAll(payer.get());
            }
            int mined = 0;
            for (Future<Integer> miner : miners) {
                mined += miner.get();
            }
            pool.shutdown();
            node.mine();

            assertEquals(clients * perClient, accepted.size(), "every well-formed payment was accepted");
            assertEquals(mines, mined);
            Map<String, Integer> seen = held(node.node.blockchain());
            List<Block> chain = node.node.blockchain().chain();
            for (String payment : accepted) {
                assertEquals(1, seen.getOrDefault(payment, 0), payment + " is in exactly one block");
            }
            assertEquals(0, node.node.blockchain().currentTransactions().size());
            assertTrue(new ChainValidator(node.node.blockchain().work()).validChain(chain), "the chain is valid, ledger and all");
        }
    }

    /**
     * A network at work: on each of three nodes, clients post transactions while a miner mines and a resolver
     * resolves against the other two, all at once, and a checker reads the chain again and again. Every chain the
     * checkers saw was valid. At the end one node is made the longest and every node resolves: every transaction
     * a node accepted is then exactly once in its chain or its pending list, never twice, never lost. CI runs it
     * longer (-Dclf.deep=true).
     */
    @Test
    @Tag("exercise-5.2")
    @Tag("exercise-6.3")
    @Tag("exercise-7.1")
    @Tag("exercise-8.1")
    @Tag("exercise-9.1")
    @Tag("exercise-13.1")
    @Tag("exercise-14.2")
    @Tag("exercise-15.2")
    @Tag("exercise-16.1")
    void aNetworkThatPostsMinesAndResolvesAtOnceLosesNothing() throws Exception {
        boolean deep = Boolean.getBoolean("clf.deep");
        int clients = 2;
        int perClient = deep ? 300 : 40;
        int mines = deep ? 12 : 3;
        List<TestNode> network = List.of(new TestNode(3), new TestNode(3), new TestNode(3));
        ExecutorService pool = Executors.newCachedThreadPool();
        try {
            for (TestNode node : network) {
                for (TestNode peer : network) {
                    if (peer != node) {
                        assertEquals(201, node.post("/nodes/register", ConsensusTest.nodes(peer.address())).status());
                    }
                }
            }
            // The first node pays each client wallet a coin; the others take its chain, so that every chain to come
            // shares the block that pays them. Each client then pays itself, a coin at a time, at its own node.
            TestNode banker = network.get(0);
            Map<TestNode, List<Wallet>> wallets = new HashMap<>();
            for (TestNode node : network) {
                List<Wallet> ofNode = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    banker.mine();
                    ofNode.add(Wallet.create());
                }
                wallets.put(node, ofNode);
            }
            for (List<Wallet> ofNode : wallets.values()) {
                for (Wallet wallet : ofNode) {
                    assertEquals(201, banker.pay(banker.miner, wallet.address(), 1).status());
                }
            }
            banker.mine();
            for (TestNode node : network) {
                node.get("/nodes/resolve");
                assertEquals(banker.node.blockchain().chain(), node.node.blockchain().chain());
            }

            AtomicBoolean working = new AtomicBoolean(true);
            AtomicInteger checks = new AtomicInteger();
            AtomicInteger replaced = new AtomicInteger();
            List<String> invalid = new CopyOnWriteArrayList<>();
            AtomicInteger resolves = new AtomicInteger();
            Map<TestNode, List<Future<List<String>>>> posted = new HashMap<>();
            List<Future<?>> miners = new ArrayList<>();
            // Checkers and resolvers go on as long as anyone posts or mines, so that they meet chains of every length.
            List<Future<?>> watchers = new ArrayList<>();
            int minedBlocks = 0;
            for (TestNode node : network) {
                watchers.add(pool.submit(() -> {
                    while (working.get()) {
                        if (!new ChainValidator(node.node.blockchain().work()).validChain(node.node.blockchain().chain())) {
                            invalid.add(node.address());
                        }
                        checks.incrementAndGet();
                        Thread.sleep(2);
                    }
                    return null;
                }));
                List<Future<List<String>>> clientsOfNode = new ArrayList<>();
                for (Wallet wallet : wallets.get(node)) {
                    clientsOfNode.add(pool.submit(client(node, wallet, perClient)));
                }
                posted.put(node, clientsOfNode);
                // The nodes mine at different rates, so that their chains differ in length and resolves replace them.
                int blocks = mines + 2 * network.indexOf(node);
                minedBlocks += blocks;
                miners.add(pool.submit(() -> {
                    for (int i = 0; i < blocks; i++) {
                        node.mine();
                        Thread.sleep(ThreadLocalRandom.current().nextInt(50));
                    }
                    return null;
                }));
                watchers.add(pool.submit(() -> {
                    while (working.get()) {
                        TestNode.Reply reply = node.get("/nodes/resolve");
                        assertEquals(200, reply.status(), reply.body());
                        resolves.incrementAndGet();
                        if (reply.json().get("message").getAsString().equals("Our chain was replaced")) {
                            replaced.incrementAndGet();
                        }
                        Thread.sleep(ThreadLocalRandom.current().nextInt(20));
                    }
                    return null;
                }));
            }
            int accepted = 0;
            for (List<Future<List<String>>> futures : posted.values()) {
                for (Future<List<String>> future : futures) {
                    accepted += future.get().size();
                }
            }
            for (Future<?> miner : miners) {
                miner.get();
            }
            working.set(false);
            for (Future<?> watcher : watchers) {
                watcher.get();
            }

            // One node pulls ahead, and the others follow it: their own blocks' transactions go back to pending.
            TestNode leader = network.get(0);
            while (network.stream().anyMatch(node -> node != leader
                    && node.node.blockchain().chain().size() >= leader.node.blockchain().chain().size())) {
                leader.mine();
            }
            for (TestNode node : network) {
                node.get("/nodes/resolve");
                assertEquals(leader.node.blockchain().chain(), node.node.blockchain().chain(), "one chain");
            }

            assertEquals(List.of(), invalid, "every chain the checkers saw was valid");
            assertEquals(network.size() * clients * perClient, accepted, "every well-formed transaction was accepted");
            for (TestNode node : network) {
                Map<String, Integer> seen = held(node.node.blockchain());
                for (Future<List<String>> client : posted.get(node)) {
                    for (String payment : client.get()) {
                        assertEquals(1, seen.getOrDefault(payment, 0), payment + " is held exactly once by the node that took it");
                    }
                }
            }
            assertTrue(replaced.get() > 0, "some resolve replaced a chain");
            System.out.printf("concurrency: 3 nodes, %d transactions accepted, %d mines and %d resolves at once"
                    + " (%d replaced a chain), %d chain checks, none invalid; nothing lost, nothing twice%n",
                    accepted, minedBlocks, resolves.get(), replaced.get(), checks.get());
        } finally {
            pool.shutdownNow();
            network.forEach(TestNode::close);
        }
    }
}
