package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

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
            assertTrue(new ProofOfWork(ProofOfWork.Rule.TEXT, 5).validProof(0, proof, ""), "proof " + proof);
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
        Api.writeChain(benchmark.chain(), 1, streamed);
        byte[] whole = benchmark.asOneString();
        assertTrue(whole.length > 10_000_000, "100,000 blocks are tens of megabytes: " + whole.length);
        assertArrayEquals(whole, streamed.toByteArray());
    }
}
