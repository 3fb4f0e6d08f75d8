package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Mining on several threads finds exactly the proof that one thread finds: the smallest. */
class ParallelMiningTest {

    static void sameProof(int difficulty, int headers, int threads) {
        ProofOfWork one = new ProofOfWork(Chains.retarget(difficulty), 1);
        ProofOfWork many = new ProofOfWork(Chains.retarget(difficulty), threads);
        Target target = Target.ofDifficulty(difficulty);
        for (int header = 0; header < headers; header++) {
            byte[] digest = ProofOfWorkTest.digest("header " + header);
            assertEquals(one.proofOfWork(digest, target).proof(), many.proofOfWork(digest, target).proof(),
                    "header " + header);
        }
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {2, 8})
    @Tag("exercise-13.1")
    void severalThreadsFindTheProofOneThreadFinds(int threads) {
        // At difficulty 4 a proof is about 65,000 on average, so about half of these lie past the first chunk.
        sameProof(4, 12, threads);
    }

    @Test
    @Tag("exercise-13.1")
    void proofsFarPastTheFirstChunksAreFoundToo() {
        sameProof(5, 4, 4);
    }

    @Test
    @Tag("exercise-13.1")
    void severalThreadsCountEveryGuessAndLeaveNoThreadBehind() throws Throwable {
        // Mined from a thread group of its own, which the miner threads join: another test's threads are not counted.
        ThreadGroup miners = new ThreadGroup("this test's miners");
        FutureTask<ProofOfWork.Result> search = new FutureTask<>(() -> new ProofOfWork(Chains.retarget(4), 4)
                .proofOfWork(ProofOfWorkTest.DIGEST, Target.ofDifficulty(4)));
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
        assertThrows(IllegalArgumentException.class, () -> new ProofOfWork(Chains.retarget(4), 0));
    }
}
