package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Many clients at once: nothing accepted is lost, nothing lands twice, and mining blocks nobody. */
class ConcurrencyTest {

    @Test
    @Tag("exercise-4.1")
    @Tag("exercise-4.2")
    void theChainAndNewTransactionsAreAnsweredWhileALongMineRuns() throws Exception {
        // At difficulty 6 the proof after 100 is 49,259,370: a mine of seconds, the same on every run.
        try (TestNode node = new TestNode(6)) {
            CompletableFuture<HttpResponse<String>> mine = node.client.sendAsync(
                    HttpRequest.newBuilder(node.uri("/mine")).build(), HttpResponse.BodyHandlers.ofString());
            Thread.sleep(100);

            assertEquals(200, node.get("/chain").status());
            TestNode.Reply posted = node.post("/transactions/new", "{\"sender\": \"a\", \"recipient\": \"b\", \"amount\": 1}");
            assertEquals(201, posted.status());
            assertFalse(mine.isDone(), "both were answered while the mine was still running");

            assertEquals(200, mine.get().statusCode());
            Block mined = node.node.blockchain().lastBlock();
            assertEquals(49_259_370, mined.proof());
            assertEquals(2, mined.transactions().size(), "the transaction that arrived during the mine, and the reward");
        }
    }

    @Test
    @Tag("exercise-4.1")
    @Tag("exercise-4.2")
    void everyAcceptedTransactionEndsUpInExactlyOneBlock() throws Exception {
        int clients = 8;
        int perClient = 100;
        int mines = 12;
        try (TestNode node = new TestNode()) {
            ExecutorService pool = Executors.newFixedThreadPool(clients + 2);
            List<Future<List<String>>> posters = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                posters.add(pool.submit(() -> {
                    List<String> accepted = new ArrayList<>();
                    for (int i = 0; i < perClient; i++) {
                        String sender = "client-" + client + "-" + i;
                        String json = "{\"sender\": \"" + sender + "\", \"recipient\": \"r\", \"amount\": 1}";
                        if (node.post("/transactions/new", json).status() == 201) {
                            accepted.add(sender);
                        }
                    }
                    return accepted;
                }));
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
            Map<String, Integer> seen = new HashMap<>();
            List<Block> chain = node.node.blockchain().chain();
            for (Block block : chain) {
                for (JsonElement transaction : block.transactions()) {
                    seen.merge(transaction.getAsJsonObject().get("sender").getAsString(), 1, Integer::sum);
                }
            }
            for (String sender : accepted) {
                assertEquals(1, seen.getOrDefault(sender, 0), sender + " is in exactly one block");
            }
            assertEquals(mines + 1, seen.get("0"), "one reward per mined block");
            assertEquals(0, node.node.blockchain().currentTransactions().size());
            assertEquals(mines + 2, chain.size());
            for (int i = 1; i < chain.size(); i++) {
                Block last = chain.get(i - 1);
                assertEquals(Blockchain.hash(last), chain.get(i).previousHash().getAsString());
                assertTrue(node.node.blockchain().validProof(last, chain.get(i).proof()), "block " + (i + 1));
            }
        }
    }
}
