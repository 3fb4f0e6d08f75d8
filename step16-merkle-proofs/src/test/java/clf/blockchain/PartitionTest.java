package clf.blockchain;

import static clf.blockchain.GossipTest.register;
import static clf.blockchain.GossipTest.within;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Four nodes in a line, A - B - C - D, as Bitcoin Core's functional tests wire them: the middle link is cut, each
 * side mines, and the link comes back. The side with more work wins; the payments of the blocks the other side
 * leaves are pending again everywhere, unless the winning side spent the same coins.
 */
class PartitionTest {

    TestNode a;
    TestNode b;
    TestNode c;
    TestNode d;

    /** The ends keep one peer and the middle two, so that discovery keeps the line a line. */
    static TestNode node(int maxPeers) {
        return new TestNode(new Blockchain(Chains.work(4), Clock.systemUTC()), true, maxPeers);
    }

    @BeforeEach
    void line() {
        a = node(1);
        b = node(2);
        c = node(2);
        d = node(1);
        register(a, b.address());
        register(b, a.address(), c.address());
        register(c, b.address(), d.address());
        register(d, c.address());
        a.mine();
        agree("every node has A's first block", a, b, c, d);
    }

    @AfterEach
    void stop() {
        Stream.of(a, b, c, d).forEach(TestNode::close);
    }

    void agree(String what, TestNode... nodes) {
        within(10_000, () -> Stream.of(nodes).allMatch(node -> node.node.blockchain().chain()
                .equals(nodes[0].node.blockchain().chain())), what, () -> Stream.of(nodes)
                .map(node -> node.node.blockchain().chain().size() + " blocks").toList().toString());
    }

    void cut() {
        b.node.blockchain().forgetNode(URI.create(c.address()));
        c.node.blockchain().forgetNode(URI.create(b.address()));
    }

    void join() {
        register(b, c.address());
        register(c, b.address());
    }

    static boolean pending(TestNode node, SignedTransaction payment) {
        return node.node.blockchain().currentTransactions().contains(payment.toJson());
    }

    static long times(TestNode node, SignedTransaction payment) {
        return node.node.blockchain().chain().stream()
                .flatMap(block -> block.transactions().asList().stream())
                .filter(payment.toJson()::equals).count();
    }

    /** Every balance the node reports is what a replay of its chain from genesis gives. */
    static void balancesReplay(TestNode node, List<String> addresses) {
        Ledger replay = Ledger.of(node.node.blockchain().chain());
        for (String address : addresses) {
            assertEquals(replay.balance(address), node.node.blockchain().ledger().balance(address), address);
        }
    }

    @Test
    @Tag("exercise-15.2")
    @Tag("exercise-16.1")
    void theSideWithMoreWorkWinsAndThePaymentOfTheOtherIsMinedOnceAfter() {
        cut();
        SignedTransaction p = SignedTransaction.sign(a.miner, Wallet.create().address(), 1, 1);
        assertEquals(201, a.post("/transactions/new", CanonicalJson.write(p.toJson())).status());
        within(5_000, () -> pending(b, p), "B has P", () -> "not yet");
        a.mine();
        for (int i = 0; i < 3; i++) {
            d.mine();
        }
        agree("the left has P's block", a, b);
        agree("the right has three blocks", c, d);
        assertFalse(pending(c, p) || pending(d, p), "the right never heard of P");

        join();
        agree("every node has the right's chain", d, c, b, a);
        assertEquals(5, a.node.blockchain().chain().size());
        for (TestNode node : List.of(a, b, c, d)) {
            within(10_000, () -> pending(node, p), "P is pending on " + node.address(), () -> "not yet");
        }
        c.mine();
        agree("every node has the block that holds P", a, b, c, d);
        for (TestNode node : List.of(a, b, c, d)) {
            assertEquals(1, times(node, p), "P is in exactly one block");
            assertFalse(pending(node, p));
            balancesReplay(node, List.of(a.miner.address(), c.miner.address(), d.miner.address(), p.recipient()));
        }
    }

    @Test
    @Tag("exercise-15.2")
    @Tag("exercise-16.1")
    void aPaymentThatTheWinningSideSpentAgainIsDroppedNotBroughtBack() {
        cut();
        SignedTransaction p = SignedTransaction.sign(a.miner, Wallet.create().address(), 1, 1);
        SignedTransaction again = SignedTransaction.sign(a.miner, Wallet.create().address(), 1, 1);
        assertEquals(201, a.post("/transactions/new", CanonicalJson.write(p.toJson())).status());
        a.mine();
        assertEquals(201, d.post("/transactions/new", CanonicalJson.write(again.toJson())).status());
        for (int i = 0; i < 3; i++) {
            d.mine();
        }
        agree("the right has the other payment", c, d);

        join();
        agree("every node has the right's chain", d, c, b, a);
        for (TestNode node : List.of(a, b, c, d)) {
            assertEquals(0, times(node, p), "P is in no block");
            assertFalse(pending(node, p), "P, whose nonce the right used, is not pending on " + node.address());
            assertEquals(1, times(node, again));
            balancesReplay(node, List.of(a.miner.address(), p.recipient(), again.recipient()));
        }
    }
}
