package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Mining on several threads finds exactly the proof that one thread finds: the smallest, the text's. */
// Alone: it looks for miner threads in the whole JVM, and another class's node may be mining at that moment.
@Isolated
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
    void severalThreadsCountEveryGuessAndLeaveNoThreadBehind() {
        ProofOfWork.Result result = new ProofOfWork(ProofOfWork.Rule.TEXT, 4, 4).proofOfWork(100, "");
        assertTrue(result.attempts() > result.proof(), "every proof below the one found was tried: " + result);
        assertTrue(Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().equals("miner") && thread.isAlive()));
    }

    @Test
    void miningNeedsAThread() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new ProofOfWork(ProofOfWork.Rule.TEXT, 4, 0));
    }
}
