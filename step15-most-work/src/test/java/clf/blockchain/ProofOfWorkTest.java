package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProofOfWorkTest {

    /** The SHA-256 of "header", the header digest of these tests. */
    static final byte[] DIGEST = digest("header");

    static byte[] digest(String text) {
        return Sha256.digest().digest(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The rule of the page, written as plainly as it reads: SHA-256(digest ‖ proof as 8 big-endian bytes), in hex. */
    static String plainHash(byte[] headerDigest, long proof) {
        return HexFormat.of().formatHex(Sha256.digest().digest(
                ByteBuffer.allocate(40).put(headerDigest).putLong(proof).array()));
    }

    /** Vectors from Python: hashlib.sha256(hashlib.sha256(b"header").digest() + proof.to_bytes(8, "big")). */
    @ParameterizedTest
    @CsvSource({
        "0, 954cba42934dd5075abd23a8ef6ca058fca1750c175f627e2c5d3dd44b660e05",
        "1, 48a11e86e5a029aad6e35dc48840861ad4a94976158b7e8803ee698ff49878cb",
        "256, 24be1aede37a14a800f9c1cc8929f5f6b77dce16de4c4fb2aec0b7c423e540d6",
        "1099511627781, f328ae34e72395f0ba76daaf1205130615063e85a0f280d49ab1c87e0d199db3",
        "9223372036854775807, a4e46b9c63b6c06ae289b1734f5a0b263528ffb00a3b1b33490aa8b31ab7db46",
    })
    @Tag("exercise-13.1")
    void hashesTheHeaderDigestThenTheProofAsEightBigEndianBytes(long proof, String expected) {
        assertEquals(expected, HexFormat.of().formatHex(ProofOfWork.hash(DIGEST, proof)));
    }

    @Test
    @Tag("exercise-13.1")
    void findsTheSmallestProofThePlainRuleAccepts() {
        Random random = new Random(42);
        for (int difficulty = 1; difficulty <= 3; difficulty++) {
            ProofOfWork work = new ProofOfWork(difficulty);
            for (int run = 0; run < 8; run++) {
                byte[] header = digest("header " + random.nextInt());
                long proof = work.proofOfWork(header, Target.ofDifficulty(difficulty)).proof();
                String zeros = "0".repeat(difficulty);
                assertTrue(plainHash(header, proof).startsWith(zeros), "found proof " + proof);
                for (long smaller = 0; smaller < proof; smaller++) {
                    assertFalse(plainHash(header, smaller).startsWith(zeros), "missed " + smaller);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    @Tag("exercise-13.1")
    void validProofAgreesWithThePlainRuleAtEveryDifficulty(int difficulty) {
        Block template = Block.of(2, 1.5, new JsonArray(), 0, new JsonPrimitive("ab"), Target.ofDifficulty(difficulty));
        int valid = 0;
        for (long proof = 0; proof < 40_000; proof++) {
            boolean expected = plainHash(template.headerDigest(), proof).startsWith("0".repeat(difficulty));
            assertEquals(expected, template.withProof(proof).validProof(), "proof " + proof);
            valid += expected ? 1 : 0;
        }
        assertTrue(valid > 0, "some proof in the range is valid at difficulty " + difficulty);
    }

    /** Python: the header's canonical JSON, the digest of its five fields in sorted order, then the rule above. */
    @Test
    @Tag("exercise-13.1")
    @Tag("exercise-15.1")
    void theGenesisOfTheTextsTimeHasTheHashPythonGivesIt() {
        Block genesis = new Blockchain(BlockchainTest.TEXT_GENESIS_TIME).lastBlock();
        assertEquals("5d03b3d0f375e82640e100fcca6ca860a11e49496b1b903f2d6e235edac89038",
                HexFormat.of().formatHex(genesis.headerDigest()));
        assertEquals("ab8c4bc08df08e25f1f3c5cf38113fefde915a3de1fb1242de4f35d52545579a", Blockchain.hash(genesis));
    }

    @Test
    @Tag("exercise-13.1")
    @Tag("exercise-15.1")
    void theProofCoversEveryFieldOfTheHeader() {
        Blockchain blockchain = new Blockchain(Chains.WORK, BlockchainTest.TEXT_GENESIS_TIME);
        Block mined = Chains.mine(blockchain, Chains.MINER);
        assertTrue(mined.validProof());
        for (UnaryOperator<JsonObject> change : Chains.HEADER_CHANGES) {
            Block changed = Block.fromJson(change.apply(mined.toJson()));
            assertNotEquals(Blockchain.hash(mined), Blockchain.hash(changed), changed.toString());
            assertFalse(changed.validProof(), "the proof still holds for " + changed);
        }
    }

    @Test
    @Tag("exercise-13.1")
    void reportsTheAttemptsOfTheSearch() {
        ProofOfWork.Result result = new ProofOfWork(4).proofOfWork(DIGEST, Target.ofDifficulty(4));
        assertEquals(result.proof() + 1, result.attempts(), "proofs 0 to the one found were tried");
        assertTrue(result.nanos() > 0);
        assertTrue(result.toString().contains(String.format("%,d attempts", result.attempts())), result.toString());
    }

    @Test
    @Tag("exercise-13.1")
    void anExtraZeroMakesTheSearchAboutSixteenTimesLonger() {
        long attempts4 = 0;
        long attempts5 = 0;
        for (int header = 1; header <= 8; header++) {
            attempts4 += new ProofOfWork(4).proofOfWork(digest("header " + header), Target.ofDifficulty(4)).attempts();
            attempts5 += new ProofOfWork(4).proofOfWork(digest("header " + header), Target.ofDifficulty(5)).attempts();
        }
        assertTrue(attempts5 > 4 * attempts4, attempts4 + " attempts at 4 zeros, " + attempts5 + " at 5");
    }

    @Test
    void refusesADifficultyOutsideOneToSixtyFour() {
        assertThrows(IllegalArgumentException.class, () -> new ProofOfWork(0));
        assertThrows(IllegalArgumentException.class, () -> new ProofOfWork(65));
    }
}
