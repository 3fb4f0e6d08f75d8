package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Mining on several threads finds exactly the proof that one thread finds: the smallest. */
// Alone: it looks for miner threads in the whole JVM, and another class's node may be mining at that moment.
@Isolated
class ParallelMiningTest {

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {2, 8})
    @Tag("exercise-13.1")
    void severalThreadsFindTheProofOneThreadFinds(int threads) {
        ProofOfWork one = new ProofOfWork(4, 1);
        ProofOfWork many = new ProofOfWork(4, threads);
        // At difficulty 4 a proof is about 65,000 on average, so about half of these lie past the first chunk.
        for (int header = 0; header < 12; header++) {
            byte[] digest = ProofOfWorkTest.digest("header " + header);
            assertEquals(one.proofOfWork(digest).proof(), many.proofOfWork(digest).proof(), "header " + header);
        }
    }

    @Test
    @Tag("exercise-13.1")
    void proofsFarPastTheFirstChunksAreFoundToo() {
        ProofOfWork one = new ProofOfWork(5, 1);
        ProofOfWork many = new ProofOfWork(5, 4);
        for (int header = 0; header < 4; header++) {
            byte[] digest = ProofOfWorkTest.digest("header " + header);
            assertEquals(one.proofOfWork(digest).proof(), many.proofOfWork(digest).proof(), "header " + header);
        }
    }

    @Test
    @Tag("exercise-13.1")
    void severalThreadsCountEveryGuessAndLeaveNoThreadBehind() {
        ProofOfWork.Result result = new ProofOfWork(4, 4).proofOfWork(ProofOfWorkTest.DIGEST);
        assertTrue(result.attempts() > result.proof(), "every proof below the one found was tried: " + result);
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().equals("miner") && thread.isAlive()));
    }

    @Test
    void miningNeedsAThread() {
        assertThrows(IllegalArgumentException.class, () -> new ProofOfWork(4, 0));
    }
}
