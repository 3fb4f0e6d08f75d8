package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
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

    /** A client that posts {@code count} transactions, each from a sender of its own; it returns the senders accepted. */
    static Callable<List<String>> client(TestNode node, String name, int count) {
        return () -> {
            List<String> accepted = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String sender = name + "-" + i;
                String json = "{\"sender\": \"" + sender + "\", \"recipient\": \"r\", \"amount\": 1}";
                if (node.post("/transactions/new", json).status() == 201) {
                    accepted.add(sender);
                }
            }
            return accepted;
        };
    }

    /** How many times the chain and the pending list of a node hold a transaction from each sender. */
    static Map<String, Integer> held(Blockchain blockchain) {
        List<JsonElement> held = new ArrayList<>();
        blockchain.chain().forEach(block -> block.transactions().forEach(held::add));
        blockchain.currentTransactions().forEach(held::add);
        Map<String, Integer> seen = new HashMap<>();
        held.forEach(transaction -> seen.merge(transaction.getAsJsonObject().get("sender").getAsString(), 1, Integer::sum));
        return seen;
    }

    @Test
    @Tag("exercise-4.2")
    void theChainAndNewTransactionsAreAnsweredWhileAMineRuns() throws Exception {
        // A proof of work that waits, in the middle of its search, until the test lets it go on.
        CountDownLatch searching = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        Blockchain blockchain = new Blockchain(Clock.systemUTC()) {
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
                TestNode.Reply posted = node.post("/transactions/new", "{\"sender\": \"a\", \"recipient\": \"b\", \"amount\": 1}");
                assertEquals(201, posted.status());
                assertFalse(mine.isDone(), "both were answered while the mine was still running");
            } finally {
                goOn.countDown(); // also when an assertion failed: the mine ends, and the node can stop
            }
            assertEquals(200, mine.get(10, TimeUnit.SECONDS).statusCode());
            Block mined = blockchain.lastBlock();
            assertEquals(35293, mined.proof());
            assertEquals(2, mined.transactions().size(), "the transaction that arrived during the mine, and the reward");
        }
    }

    @Test
    @Tag("exercise-4.2")
    void everyAcceptedTransactionEndsUpInExactlyOneBlock() throws Exception {
        int clients = 8;
        int perClient = 100;
        int mines = 12;
        try (TestNode node = new TestNode()) {
            ExecutorService pool = Executors.newFixedThreadPool(clients + 2);
            List<Future<List<String>>> posters = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                posters.add(pool.submit(client(node, "client-" + c, perClient)));
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
            for (Future<List<String>> poster : posters) {
                accepted.addAll(poster.get());
            }
            int mined = 0;
            for (Future<Integer> miner : miners) {
                mined += miner.get();
            }
            pool.shutdown();
            node.get("/mine");

            assertEquals(clients * perClient, accepted.size(), "every well-formed transaction was accepted");
            assertEquals(mines, mined);
            Map<String, Integer> seen = held(node.node.blockchain());
            for (String sender : accepted) {
                assertEquals(1, seen.getOrDefault(sender, 0), sender + " is in exactly one block");
            }
            assertEquals(mines + 1, seen.get("0"), "one reward per mined block");
            assertEquals(0, node.node.blockchain().currentTransactions().size());
            List<Block> chain = node.node.blockchain().chain();
            assertEquals(mines + 2, chain.size());
            for (int i = 1; i < chain.size(); i++) {
                Block last = chain.get(i - 1);
                assertEquals(Blockchain.hash(last), chain.get(i).previousHash().getAsString());
                assertTrue(node.node.blockchain().validProof(last, chain.get(i).proof()), "block " + (i + 1));
            }
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
            AtomicBoolean working = new AtomicBoolean(true);
            AtomicInteger checks = new AtomicInteger();
            AtomicInteger replaced = new AtomicInteger();
            AtomicInteger resolves = new AtomicInteger();
            List<String> invalid = new CopyOnWriteArrayList<>();
            Map<TestNode, List<Future<List<String>>>> posted = new HashMap<>();
            List<Future<?>> miners = new ArrayList<>();
            // Checkers and resolvers go on as long as anyone posts or mines, so that they meet chains of every length.
            List<Future<?>> watchers = new ArrayList<>();
            for (TestNode node : network) {
                watchers.add(pool.submit(() -> {
                    while (working.get()) {
                        if (!new Consensus(node.node.blockchain()).validChain(node.node.blockchain().chain())) {
                            invalid.add(node.address());
                        }
                        checks.incrementAndGet();
                        Thread.sleep(2);
                    }
                    return null;
                }));
                List<Future<List<String>>> clientsOfNode = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    clientsOfNode.add(pool.submit(client(node, "client-" + node.node.port() + "-" + c, perClient)));
                }
                posted.put(node, clientsOfNode);
                // The nodes mine at different rates, so that their chains differ in length and resolves replace them.
                int blocks = mines + 2 * network.indexOf(node);
                miners.add(pool.submit(() -> {
                    for (int i = 0; i < blocks; i++) {
                        assertEquals(200, node.get("/mine").status());
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
                leader.get("/mine");
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
                    for (String sender : client.get()) {
                        assertEquals(1, seen.getOrDefault(sender, 0), sender + " is held exactly once by the node that took it");
                    }
                }
            }
            assertTrue(replaced.get() > 0, "some resolve replaced a chain");
            System.out.printf("concurrency: 3 nodes, %d transactions accepted, %d resolves at once (%d replaced a"
                    + " chain), %d chain checks, none invalid; nothing lost, nothing twice%n",
                    accepted, resolves.get(), replaced.get(), checks.get());
        } finally {
            pool.shutdownNow();
            network.forEach(TestNode::close);
        }
    }
}
