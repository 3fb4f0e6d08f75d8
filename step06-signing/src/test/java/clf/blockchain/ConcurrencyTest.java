package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
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
    @Tag("exercise-6.3")
    @Tag("exercise-6.1")
    @Tag("exercise-6.2")
    void theChainAndNewTransactionsAreAnsweredWhileALongMineRuns() throws Exception {
        // With the text's rule at difficulty 6, the proof after 100 is 49,259,370: a mine of seconds, every run.
        try (TestNode node = new TestNode(ProofOfWork.Rule.TEXT, 6)) {
            CompletableFuture<HttpResponse<String>> mine = node.client.sendAsync(
                    HttpRequest.newBuilder(node.uri("/mine")).build(), HttpResponse.BodyHandlers.ofString());
            Thread.sleep(100);

            assertEquals(200, node.get("/chain").status());
            assertEquals(200, node.get("/token").status());
            assertEquals(400, node.pay(Wallet.create(), node.miner.address(), 1).status(), "answered: no coins yet");
            assertFalse(mine.isDone(), "all were answered while the mine was still running");

            assertEquals(200, mine.get().statusCode());
            assertEquals(49_259_370, node.node.blockchain().lastBlock().proof());
        }
    }

    @Test
    @Tag("exercise-6.3")
    @Tag("exercise-6.1")
    @Tag("exercise-6.2")
    void everyAcceptedPaymentEndsUpInExactlyOneBlock() throws Exception {
        int clients = 8;
        int perClient = 60;
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
                payers.add(pool.submit(() -> {
                    // Each client pays itself one coin, over and over: always covered, a new nonce each time.
                    List<String> accepted = new ArrayList<>();
                    for (long nonce = 1; nonce <= perClient; nonce++) {
                        SignedTransaction payment = SignedTransaction.sign(wallet, wallet.address(), 1, nonce);
                        if (node.post("/transactions/new", CanonicalJson.write(payment.toJson())).status() == 201) {
                            accepted.add(wallet.address() + "/" + nonce);
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
            Map<String, Integer> seen = new HashMap<>();
            List<Block> chain = node.node.blockchain().chain();
            for (Block block : chain) {
                for (JsonElement transaction : block.transactions()) {
                    JsonObject payment = transaction.getAsJsonObject();
                    if (payment.has("nonce")) {
                        seen.merge(payment.get("sender").getAsString() + "/" + payment.get("nonce").getAsLong(), 1, Integer::sum);
                    }
                }
            }
            for (String payment : accepted) {
                assertEquals(1, seen.getOrDefault(payment, 0), payment + " is in exactly one block");
            }
            assertEquals(0, node.node.blockchain().currentTransactions().size());
            assertNull(node.node.blockchain().problemWith(chain), "the chain is valid, ledger and all");
        }
    }
}
