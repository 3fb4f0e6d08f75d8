package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Mining on several threads finds exactly the proof that one thread finds: the smallest, the text's. */
class ParallelMiningTest {

    static final String LAST_HASH = "64e13bb0d32819937b586c46202bd83616f94c73be5cfd4c443d6df131050093";

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {2, 8})
    @Tag("exercise-7.1")
    void severalThreadsFindTheProofOneThreadFinds(int threads) {
        for (ProofOfWork.Rule rule : ProofOfWork.Rule.values()) {
            ProofOfWork one = new ProofOfWork(rule, 4, 1);
            ProofOfWork many = new ProofOfWork(rule, 4, threads);
            // At difficulty 4 a proof is about 65,000 on average, so about half of these lie past the first chunk.
            for (long lastProof = 0; lastProof < 8; lastProof++) {
                assertEquals(one.proofOfWork(lastProof, LAST_HASH).proof(),
                        many.proofOfWork(lastProof, LAST_HASH).proof(), rule + ", last proof " + lastProof);
            }
        }
    }

    @Test
    @Tag("exercise-7.1")
    void proofsFarPastTheFirstChunksAreFoundToo() {
        ProofOfWork one = new ProofOfWork(ProofOfWork.Rule.TEXT, 5, 1);
        ProofOfWork many = new ProofOfWork(ProofOfWork.Rule.TEXT, 5, 4);
        for (long lastProof = 0; lastProof < 4; lastProof++) {
            long proof = one.proofOfWork(lastProof, "").proof();
            assertEquals(proof, many.proofOfWork(lastProof, "").proof(), "last proof " + lastProof);
        }
    }

    @Test
    @Tag("exercise-7.1")
    void theTextsProofsComeOutOnFourThreads() {
        ProofOfWork work = new ProofOfWork(ProofOfWork.Rule.TEXT, 4, 4);
        assertEquals(35293, work.proofOfWork(100, "").proof());
        assertEquals(35089, work.proofOfWork(35293, "").proof());
    }

    @Test
    @Tag("exercise-7.1")
    void oneThreadTriesExactlyTheProofsUpToTheOneItFinds() {
        ProofOfWork.Result result = new ProofOfWork(ProofOfWork.Rule.TEXT, 4, 1).proofOfWork(100, "");
        assertEquals(result.proof() + 1, result.attempts());
    }

    @Test
    @Tag("exercise-7.1")
    void severalThreadsCountEveryGuessAndLeaveNoThreadBehind() throws Throwable {
        // Mined from a thread group of its own, which the miner threads join: another test's threads are not counted.
        ThreadGroup miners = new ThreadGroup("this test's miners");
        FutureTask<ProofOfWork.Result> search = new FutureTask<>(() -> new ProofOfWork(ProofOfWork.Rule.TEXT, 4, 4)
                .proofOfWork(100, ""));
        new Thread(miners, search).start();
        ProofOfWork.Result result;
        try {
            result = search.get();
        } catch (ExecutionException e) {
            throw e.getCause();
        }
        assertTrue(result.attempts() > result.proof(), "every proof below the one found was tried: " + result);
        // A thread whose search is over ends in a moment; one that is still searching does not.
        Thread[] left = new Thread[16];
        for (int i = miners.enumerate(left) - 1; i >= 0; i--) {
            left[i].join(10_000);
        }
        assertEquals(0, miners.activeCount(), "miner threads still running after the search");
    }

    @Test
    void miningNeedsAThread() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new ProofOfWork(ProofOfWork.Rule.TEXT, 4, 0));
    }
}
