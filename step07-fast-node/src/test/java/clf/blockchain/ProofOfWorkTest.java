package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProofOfWorkTest {

    /** The text's valid_proof, written as plainly as the text writes it: a string, its hex hash, a prefix. */
    static boolean textValidProof(long lastProof, long proof, String suffix, int difficulty) {
        String guessHash = Sha256.hex(lastProof + "" + proof + suffix);
        return guessHash.startsWith("0".repeat(difficulty));
    }

    @Test
    @Tag("exercise-3.2")
    @Tag("exercise-7.1")
    void fromTheGenesisProofTheTextsRuleFinds35293Then35089() {
        Blockchain blockchain = new Blockchain();
        ProofOfWork.Result first = blockchain.proofOfWork(blockchain.lastBlock());
        assertEquals(35293, first.proof());
        Chains.rewarded(blockchain, Chains.MINER).newBlock(first.proof());
        ProofOfWork.Result second = blockchain.proofOfWork(blockchain.lastBlock());
        assertEquals(35089, second.proof());
        Chains.rewarded(blockchain, Chains.MINER).newBlock(second.proof());
        assertEquals(119678, blockchain.proofOfWork(blockchain.lastBlock()).proof(), "the block after the text's");
    }

    @Test
    @Tag("exercise-3.1")
    void theTextsProofsHashToFourLeadingZeros() {
        assertTrue(Sha256.hex("10035293").startsWith("0000"));
        assertTrue(Sha256.hex("3529335089").startsWith("0000"));
        assertTrue(ProofOfWork.text().validProof(100, 35293, "ignored by the text's rule"));
        assertTrue(ProofOfWork.text().validProof(35293, 35089, ""));
        assertFalse(ProofOfWork.text().validProof(100, 35292, ""));
    }

    @Test
    @Tag("exercise-3.2")
    @Tag("exercise-7.1")
    void reportsTheAttemptsOfTheSearch() {
        ProofOfWork.Result result = ProofOfWork.text().proofOfWork(100, "");
        assertEquals(35294, result.attempts(), "proofs 0 to 35293 were tried");
        assertTrue(result.nanos() > 0);
        assertTrue(result.toString().contains("35,294 attempts"), result.toString());
    }

    /**
     * The fast search must find exactly what the text's plain loop finds: a valid proof, and no smaller one. Many
     * last proofs and both rules exercise the odometer (9 to 10, 99 to 100) and the moving suffix.
     */
    @ParameterizedTest
    @EnumSource(ProofOfWork.Rule.class)
    @Tag("exercise-3.2")
    @Tag("exercise-7.1")
    void findsTheSmallestProofThePlainLoopFinds(ProofOfWork.Rule rule) {
        Random random = new Random(42);
        for (int difficulty = 1; difficulty <= 3; difficulty++) {
            ProofOfWork work = new ProofOfWork(rule, difficulty);
            for (int run = 0; run < 8; run++) {
                long lastProof = random.nextInt(1_000_000);
                String lastHash = Sha256.hex("block " + run);
                String suffix = rule == ProofOfWork.Rule.LINKED ? lastHash : "";
                long proof = work.proofOfWork(lastProof, lastHash).proof();
                assertTrue(textValidProof(lastProof, proof, suffix, difficulty), "found proof " + proof);
                for (long smaller = 0; smaller < proof; smaller++) {
                    assertFalse(textValidProof(lastProof, smaller, suffix, difficulty), "missed " + smaller);
                }
                assertTrue(work.validProof(lastProof, proof, lastHash));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    @Tag("exercise-3.1")
    void validProofAgreesWithThePlainRuleAtEveryDifficulty(int difficulty) {
        ProofOfWork work = new ProofOfWork(ProofOfWork.Rule.TEXT, difficulty);
        int valid = 0;
        for (long proof = 0; proof < 40_000; proof++) {
            boolean expected = textValidProof(100, proof, "", difficulty);
            assertEquals(expected, work.validProof(100, proof, ""), "proof " + proof);
            valid += expected ? 1 : 0;
        }
        assertTrue(valid > 0, "some proof in the range is valid at difficulty " + difficulty);
    }

    /** Under the linked rule the guess is the last proof, the proof and the last hash, in that order. */
    @Test
    @Tag("exercise-3.1")
    void underTheLinkedRuleTheLastHashEndsTheGuess() {
        ProofOfWork linked = new ProofOfWork(ProofOfWork.Rule.LINKED, 2);
        String lastHash = Sha256.hex("a");
        int valid = 0;
        for (long proof = 0; proof < 4_000; proof++) {
            boolean expected = textValidProof(100, proof, lastHash, 2);
            assertEquals(expected, linked.validProof(100, proof, lastHash), "proof " + proof);
            valid += expected ? 1 : 0;
        }
        assertTrue(valid > 0, "some proof in the range is valid");
    }

    @Test
    @Tag("exercise-3.2")
    @Tag("exercise-7.1")
    void anExtraZeroMakesTheSearchAboutSixteenTimesLonger() {
        long attempts4 = 0;
        long attempts5 = 0;
        for (long lastProof = 1; lastProof <= 8; lastProof++) {
            attempts4 += new ProofOfWork(ProofOfWork.Rule.TEXT, 4).proofOfWork(lastProof, "").attempts();
            attempts5 += new ProofOfWork(ProofOfWork.Rule.TEXT, 5).proofOfWork(lastProof, "").attempts();
        }
        assertTrue(attempts5 > 4 * attempts4, attempts4 + " attempts at 4 zeros, " + attempts5 + " at 5");
    }

    @Test
    @Tag("exercise-3.2")
    @Tag("exercise-7.1")
    void theLinkedRuleDependsOnTheLastHash() {
        ProofOfWork linked = new ProofOfWork(ProofOfWork.Rule.LINKED, 4);
        String hashA = Sha256.hex("a");
        long proof = linked.proofOfWork(100, hashA).proof();
        assertTrue(linked.validProof(100, proof, hashA));
        assertFalse(linked.validProof(100, proof, Sha256.hex("b")));
    }

    @Test
    void refusesADifficultyOutsideOneToSixtyFour() {
        assertThrows(IllegalArgumentException.class, () -> new ProofOfWork(ProofOfWork.Rule.TEXT, 0));
        assertThrows(IllegalArgumentException.class, () -> new ProofOfWork(ProofOfWork.Rule.TEXT, 65));
    }
}
