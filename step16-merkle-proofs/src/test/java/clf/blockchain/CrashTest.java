package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety, tested as a process: a node started with {@code --data-dir} runs in a JVM of its own while clients
 * pay and mine, and it is killed with SIGKILL at a random moment, again and again (once on a learner's run, 8 times in
 * CI). After every restart each block and each payment that the node acknowledged is there, and the chain is valid.
 * Whatever happens, the node's process ends with the test.
 */
class CrashTest {

    static final int CRASHES = Boolean.getBoolean("clf.deep") ? 8 : 1;
    static final ProofOfWork WORK = new ProofOfWork(3);  // as the node runs: --difficulty 3, the default retarget

    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final Wallet miner = Wallet.create();
    /** The blocks the node acknowledged, by index: their proof and previous hash. */
    final Map<Long, String> blocks = new ConcurrentHashMap<>();
    /** The payments the node acknowledged, as "address/nonce". */
    final Set<String> payments = ConcurrentHashMap.newKeySet();
    int port;
    Path log;
    /** The node's process, the one running now or the last one; ended after each test, whatever happened. */
    Process node;

    @AfterEach
    void stopTheNode() throws InterruptedException {
        if (node != null) {
            node.destroyForcibly().waitFor();
        }
    }

    /** The node's command line, {@code java clf.blockchain.Main ARGS}, on this test's classes. */
    static ProcessBuilder main(String... args) {
        // A node that lives a second or two starts faster without the JIT's slow tier and with the simplest collector.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "clf.blockchain.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    /** Starts the node in a JVM of its own and waits until it answers. */
    void start(Path dir) throws Exception {
        node = main("--port", String.valueOf(port), "--data-dir", dir.toString(), "--difficulty", "3",
                "--miner-threads", "1", "--miner-address", miner.address())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!node.isAlive()) {
                throw new AssertionError("the node stopped at start:\n" + Files.readString(log));
            }
            try {
                if (send("GET", "/chain", null).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the node did not answer within 30 s:\n" + Files.readString(log));
    }

    HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20));
        request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Pays, and remembers the payment if the node acknowledged it. */
    boolean pay(Wallet from, String to, long amount) throws IOException, InterruptedException {
        JsonObject balance = JsonParser.parseString(send("GET", "/balances/" + from.address(), null).body()).getAsJsonObject();
        long nonce = balance.get("nextNonce").getAsLong();
        String payment = CanonicalJson.write(SignedTransaction.sign(from, to, amount, nonce).toJson());
        if (send("POST", "/transactions/new", payment).statusCode() == 201) {
            payments.add(from.address() + "/" + nonce);
            return true;
        }
        return false;
    }

    /** Mines, and remembers the block if the node acknowledged it. */
    void mine() throws IOException, InterruptedException {
        HttpResponse<String> reply = send("GET", "/mine", null);
        assertEquals(200, reply.statusCode(), reply.body());
        JsonObject block = JsonParser.parseString(reply.body()).getAsJsonObject();
        blocks.put(block.get("index").getAsLong(), block.get("proof") + " " + block.get("previous_hash"));
    }

    /**
     * Mines once, which takes every pending payment into a block, then checks the whole chain: valid, ledger and
     * all, with every acknowledged block at its index and every acknowledged payment exactly once.
     */
    void check() throws Exception {
        mine();
        JsonObject body = JsonParser.parseString(send("GET", "/chain", null).body()).getAsJsonObject();
        List<Block> chain = new ArrayList<>();
        for (JsonElement block : body.getAsJsonArray("chain")) {
            chain.add(Block.fromJson(block));
        }
        new ChainValidator(WORK).checkChain(chain);
        blocks.forEach((index, block) -> assertEquals(block, chain.get((int) (index - 1)).proof() + " "
                + chain.get((int) (index - 1)).previousHash(), "acknowledged block " + index));
        Map<String, Integer> held = ConcurrencyTest.held(chain, new JsonArray());
        for (String payment : payments) {
            assertEquals(1, held.getOrDefault(payment, 0), "acknowledged payment " + payment);
        }
    }

    @Test
    @Tag("exercise-10.1")
    @Tag("exercise-13.1")
    @Tag("exercise-14.2")
    @Tag("exercise-15.1")
    @Tag("exercise-16.1")
    void everyAcknowledgedBlockAndPaymentSurvivesKillNine(@TempDir Path tmp) throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        log = tmp.resolve("node.log");
        Path dir = tmp.resolve("data");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<Wallet> wallets = List.of(Wallet.create(), Wallet.create(), Wallet.create());

        start(dir);
        for (int i = 0; i < wallets.size(); i++) {
            mine();
        }
        for (Wallet wallet : wallets) {
            assertTrue(pay(miner, wallet.address(), 1));
        }
        mine();

        ExecutorService pool = Executors.newCachedThreadPool();
        try {
            for (int crash = 1; crash <= CRASHES; crash++) {
                List<Future<?>> clients = new ArrayList<>();
                // Each wallet pays itself a coin, over and over, while another client mines, until the node dies.
                for (Wallet wallet : wallets) {
                    clients.add(pool.submit(() -> {
                        while (true) {
                            pay(wallet, wallet.address(), 1);
                        }
                    }));
                }
                clients.add(pool.submit(() -> {
                    while (true) {
                        mine();
                    }
                }));
                Thread.sleep(200 + random.nextInt(1300));
                node.destroyForcibly().waitFor();
                for (Future<?> work : clients) {
                    try {
                        work.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        if (!(e.getCause() instanceof IOException)) {
                            throw e;
                        }
                    }
                }
                start(dir);
                check();
            }
        } finally {
            pool.shutdownNow();
        }
        String output = Files.readString(log);
        long cuts = output.lines().filter(line -> line.contains("chain.log: cut ")).count();
        System.out.printf("crash safety: %d kill -9 survived (seed %d), %d acknowledged blocks and %d acknowledged"
                + " payments all there after every restart, the chain valid; %d torn tails cut at start%n",
                CRASHES, seed, blocks.size(), payments.size(), cuts);
    }

    @Test
    @Tag("exercise-10.1")
    @Tag("exercise-13.1")
    @Tag("exercise-15.1")
    @Tag("exercise-16.1")
    void aNodeWhoseSavedChainWasChangedByHandDoesNotStart(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("data");
        try (ChainLog saved = ChainLog.open(dir)) {
            Blockchain blockchain = saved.restore(WORK, Clock.systemUTC());
            Chains.mine(blockchain, miner);
            Chains.mine(blockchain, miner);
        }
        // Block 2 is taken out: block 3 now stands where block 2 should.
        Path file = dir.resolve(ChainLog.FILE_NAME);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.remove(1);
        Files.write(file, lines);

        StringWriter err = new StringWriter();
        int exit = Main.commandLine().setErr(new PrintWriter(err)).execute("--port", "0", "--data-dir", dir.toString(),
                "--difficulty", "3");
        assertEquals(1, exit, err.toString());
        assertEquals("error: cannot use --data-dir " + dir + ": the chain in " + file + " is not valid: block 2 says it"
                + " is block 3; move the file aside to start a new chain, which a resolve fetches from a peer",
                err.toString().strip());
    }
}
