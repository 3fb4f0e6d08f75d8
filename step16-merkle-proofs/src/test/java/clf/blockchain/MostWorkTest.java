package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.math.BigInteger;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The chain with the most work wins, not the longest: the tutorial's repository, issue 116, where a longer chain of
 * easy blocks takes over every node, and its defence. The chains are honest, with synthetic timestamps in 2023:
 * blocks a second apart make the target harder each window, blocks ten seconds apart keep the genesis target.
 */
class MostWorkTest {

    static final ProofOfWork WORK = RetargetTest.WORK;

    /** An honest chain of blocks {@code seconds} apart, each mined at the target the retarget gives it. */
    static List<Block> chain(int blocks, double seconds) {
        return RetargetTest.chain(RetargetTest.times(blocks, seconds));
    }

    static BigInteger work(List<Block> chain) {
        return new BigInteger(Chains.workOf(chain));
    }

    /** A node holding {@code ours}, learnt from a peer that goes away. */
    static TestNode holding(List<Block> ours) throws Exception {
        TestNode node = new TestNode(new Blockchain(WORK, Clock.systemUTC()), false);
        try (FakePeer first = new FakePeer(FakePeer.serving(ours))) {
            node.post("/nodes/register", ConsensusTest.nodes(first.address()));
            assertEquals("Our chain was replaced", node.get("/nodes/resolve").json().get("message").getAsString());
            node.node.blockchain().forgetNode(java.net.URI.create(first.address()));
        }
        return node;
    }

    static JsonObject resolveAgainst(TestNode node, List<Block> theirs) throws Exception {
        try (FakePeer peer = new FakePeer(FakePeer.serving(theirs))) {
            node.post("/nodes/register", ConsensusTest.nodes(peer.address()));
            return node.get("/nodes/resolve").json();
        }
    }

    @ParameterizedTest(name = "target {0}: {1} guesses")
    @CsvSource({
        "0000ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff, 65536",
        "7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff, 2",
        "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff, 1",
        "0000000000000000000000000000000000000000000000000000000000000001, "
                + "57896044618658097711785492504343953926634992332820282019728792003956564819968",
        "00003fffffffffffffffffffffffffffffffffffffffffffffffffffffffffff, 262144",
    })
    @Tag("exercise-15.1")
    void aBlocksWorkIsTwoToThe256OverTheTargetPlusOne(String target, String work) {
        assertEquals(new BigInteger(work), Target.fromHex(target).work());
    }

    @Test
    @Tag("exercise-15.2")
    @Tag("exercise-16.1")
    void theTutorialsIssue116ALongerChainOfEasyBlocksNoLongerWins() throws Exception {
        List<Block> honest = chain(30, 1);
        List<Block> easy = chain(35, 10);
        new ChainValidator(WORK).checkChain(easy);
        assertTrue(easy.size() > honest.size(), "valid and longer: the rule of steps 05 to 14 adopts it");
        assertTrue(work(easy).compareTo(work(honest)) < 0, work(easy) + " against " + work(honest));
        try (TestNode node = holding(honest)) {
            JsonObject reply = resolveAgainst(node, easy);
            assertEquals("Our chain is authoritative", reply.get("message").getAsString(), reply.toString());
            assertEquals(honest, node.node.blockchain().chain());
        }
    }

    @Test
    @Tag("exercise-15.2")
    @Tag("exercise-16.1")
    void aShorterChainWithMoreWorkIsAdopted() throws Exception {
        List<Block> honest = chain(30, 1);
        try (TestNode node = holding(chain(35, 10))) {
            JsonObject reply = resolveAgainst(node, honest);
            assertEquals("Our chain was replaced", reply.get("message").getAsString(), reply.toString());
            assertEquals(honest, node.node.blockchain().chain());
            assertEquals(work(honest).toString(), node.get("/chain").json().get("work").getAsString());
        }
    }

    @Test
    @Tag("exercise-15.2")
    @Tag("exercise-16.1")
    void atEqualWorkTheChainSeenFirstStays() throws Exception {
        List<Block> first = chain(5, 10);
        List<Block> second = chain(5, 11);
        assertEquals(work(first), work(second));
        try (TestNode node = new TestNode(new Blockchain(WORK, Clock.systemUTC()), false);
                FakePeer a = new FakePeer(FakePeer.serving(first));
                FakePeer b = new FakePeer(FakePeer.serving(second))) {
            node.post("/nodes/register", ConsensusTest.nodes(a.address(), b.address()));
            assertEquals("Our chain was replaced", node.get("/nodes/resolve").json().get("message").getAsString());
            assertEquals(first, node.node.blockchain().chain(), "of two peers, the one asked first");
            node.node.blockchain().forgetNode(java.net.URI.create(a.address()));
            assertEquals("Our chain is authoritative", node.get("/nodes/resolve").json().get("message").getAsString());
            assertEquals(first, node.node.blockchain().chain(), "and ours against an equal one");
        }
    }

    @Test
    @Tag("exercise-15.2")
    @Tag("exercise-16.1")
    void aPeerThatClaimsMoreWorkThanItHasIsCheckedAndNotFollowed() throws Exception {
        List<Block> easy = chain(35, 10);
        try (TestNode node = holding(chain(30, 1));
                FakePeer liar = new FakePeer(FakePeer.answering(200, AttackLabTest.json(easy, easy.size())))) {
            node.post("/nodes/register", ConsensusTest.nodes(liar.address()));
            JsonObject reply = node.get("/nodes/resolve").json();
            assertEquals("Our chain is authoritative", reply.get("message").getAsString(), reply.toString());
            assertEquals(30 + 1, node.node.blockchain().chain().size());
        }
    }
}
