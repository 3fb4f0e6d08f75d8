package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Each benchmark measures what it says: its set-up works and one call gives the right answer. */
class BenchmarksTest {

    @Test
    void miningFindsValidProofsAndCountsItsHashes() {
        for (String threads : new String[] {"1", "all"}) {
            MiningBenchmark benchmark = new MiningBenchmark();
            benchmark.threads = threads;
            benchmark.setUp();
            MiningBenchmark.Hashes counter = new MiningBenchmark.Hashes();
            long proof = benchmark.search(counter);
            assertTrue(MiningBenchmark.TARGET.admits(ProofOfWork.hash(HashRate.digest(0), proof)), "proof " + proof);
            assertTrue(counter.hashes > proof, threads + " threads tried every proof up to " + proof);
        }
    }

    @Test
    void validChainAcceptsBothKindsOfChain() {
        for (String blocks : new String[] {"unsigned", "signed"}) {
            ValidChainBenchmark benchmark = new ValidChainBenchmark();
            benchmark.blocks = blocks;
            benchmark.setUp();
            assertTrue(benchmark.validChainPerBlock(), blocks);
        }
    }

    @Test
    void theBlockHashIsTheBlocksHash() {
        BlockHashBenchmark benchmark = new BlockHashBenchmark();
        benchmark.setUp();
        assertEquals(64, benchmark.canonicalJsonAndHash().length());
    }

    @Test
    void signaturesAreMadeAndChecked() {
        SignatureBenchmark benchmark = new SignatureBenchmark();
        benchmark.setUp();
        assertTrue(benchmark.sign().signatureIsValid());
        assertTrue(benchmark.verify());
    }

    @Test
    void theStreamedChainIsTheSameBytesAsTheOneString() throws Exception {
        ChainJsonBenchmark benchmark = new ChainJsonBenchmark();
        benchmark.setUp();
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        Api.writeChain(benchmark.chain(), 1, benchmark.work(), streamed);
        byte[] whole = benchmark.asOneString();
        assertTrue(whole.length > 10_000_000, "100,000 blocks are tens of megabytes: " + whole.length);
        assertArrayEquals(whole, streamed.toByteArray());
    }

    @Test
    void theMerkleBenchmarksComputeTheRootAndCheckAProofOfIt() {
        MerkleBenchmark benchmark = new MerkleBenchmark();
        benchmark.setUp();
        assertEquals(64, benchmark.rootOf10000Payments().length());
        assertTrue(benchmark.verifyOneProof());
    }

    @Test
    void aLightSyncChecksTheHeadersOfAChain() {
        assertEquals(0, new CommandLine(new LightSync()).execute("300"));
    }

    /** GossipNetwork exits 1 when a block does not reach every node; with four nodes, every block must. */
    @Test
    void everyBlockOfTheGossipNetworkReachesEveryNode() {
        assertEquals(0, new CommandLine(new GossipNetwork()).execute("--nodes", "4", "--blocks", "2"));
    }

    @Test
    void thePaymentServersNodeAcceptsEveryPaymentItWrote(@TempDir Path out) throws Exception {
        PaymentServer server = new PaymentServer();
        new CommandLine(server).parseArgs("--wallets", "3", "--coins", "2", "--payments", "4", "--port", "0",
                "--out", out.toString());
        Node node = server.start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            for (int round = 0; round < 4; round++) {
                for (int wallet = 0; wallet < 3; wallet++) {
                    String payment = Files.readAllLines(out.resolve("payments-" + wallet + ".json")).get(round);
                    HttpResponse<String> reply = client.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + node.port() + "/transactions/new"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(payment)).build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(201, reply.statusCode(), reply.body());
                }
            }
        } finally {
            node.stop();
        }
    }
}
