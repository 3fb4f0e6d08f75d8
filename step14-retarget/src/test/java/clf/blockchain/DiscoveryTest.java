package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** Discovery: a node finds its peers' peers, up to its cap, never itself, and forgets one it cannot reach. */
// Its tests wait for discovery's rounds, each on nodes of its own: they wait side by side.
@Execution(ExecutionMode.CONCURRENT)
class DiscoveryTest {

    final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable node : started) {
            node.close();
        }
    }

    TestNode node(boolean gossip, int maxPeers) {
        Blockchain blockchain = new Blockchain(Chains.work(4), Clock.systemUTC());
        TestNode node = new TestNode(blockchain, gossip, maxPeers);
        started.add(node);
        return node;
    }

    @Test
    @Tag("exercise-12.1")
    void aNodeAddsItsPeersPeersUpToItsCap() {
        TestNode capped = node(true, 2);
        TestNode hub = node(false, 8);
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            others.add(node(false, 8).address());
        }
        GossipTest.register(hub, others.toArray(String[]::new));
        GossipTest.register(capped, hub.address());
        GossipTest.within(10_000, () -> capped.node.blockchain().nodes().size() == 2, "the capped node has 2 peers",
                () -> capped.get("/nodes").body());
        Set<URI> peers = capped.node.blockchain().nodes();
        assertTrue(peers.contains(URI.create(hub.address())), peers.toString());
        try {
            Thread.sleep(Node.DISCOVERY.toMillis() * 2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertEquals(2, capped.node.blockchain().nodes().size(), "and no more, rounds later: " + capped.get("/nodes").body());
    }

    @Test
    void aNodeThatRegistersWithAnotherMakesItselfKnownAndIsNeverItsOwnPeer() {
        TestNode a = node(true, 8);
        TestNode b = node(true, 8);
        GossipTest.register(a, b.address());
        GossipTest.within(10_000, () -> b.node.blockchain().nodes().contains(URI.create(a.address())),
                "B knows A, which made itself known", () -> b.get("/nodes").body());
        TestNode.Reply self = a.post("/nodes/register", ConsensusTest.nodes(a.address()));
        assertEquals(400, self.status(), self.body());
        assertEquals("nothing was registered; bad address: \"" + a.address() + "\": it is this node itself",
                self.json().get("error").getAsString());
        assertFalse(a.node.blockchain().nodes().contains(URI.create(a.address())));
    }

    @Test
    void aPeerThatCannotBeReachedIsForgottenAfterThreeRounds() throws IOException {
        TestNode a = node(true, 8);
        try (Socket held = new Socket()) {
            held.bind(new InetSocketAddress("127.0.0.1", 0));
            String down = "http://127.0.0.1:" + held.getLocalPort();
            GossipTest.register(a, down);
            assertTrue(a.node.blockchain().nodes().contains(URI.create(down)));
            GossipTest.within(Node.DISCOVERY.toMillis() * (Discovery.FORGET_AFTER + 2), () -> a.node.blockchain().nodes()
                    .isEmpty(), "the peer that refuses every connection is forgotten", () -> a.get("/nodes").body());
        }
    }

    /** Only the ask for peers counts: a peer down from the start is kept for two rounds and forgotten at the third. */
    @Test
    void aPeerDownFromTheStartIsForgottenAtTheThirdRoundNotBefore() throws Exception {
        Blockchain blockchain = new Blockchain(Chains.work(4), Clock.systemUTC());
        PeerClient client = new PeerClient("test");
        Discovery discovery = new Discovery(blockchain, client, new Gossip(blockchain, client, null, () -> 1, false), 8);
        try (Socket held = new Socket()) {
            held.bind(new InetSocketAddress("127.0.0.1", 0));
            URI down = URI.create("http://127.0.0.1:" + held.getLocalPort());
            blockchain.registerNodes(List.of(down));
            for (int round = 1; round < Discovery.FORGET_AFTER; round++) {
                discovery.round().get(10, java.util.concurrent.TimeUnit.SECONDS);
                assertEquals(Set.of(down), blockchain.nodes(), "kept after round " + round);
            }
            discovery.round().get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(Set.of(), blockchain.nodes(), "forgotten at round " + Discovery.FORGET_AFTER);
        }
    }

    /** Five nodes that each know only the first find each other, and none takes itself for a peer. */
    @Test
    @Tag("exercise-12.1")
    void fiveNodesJoinedThroughOneKnowEachOtherWithinFifteenSeconds() {
        TestNode first = node(true, 8);
        List<TestNode> nodes = new ArrayList<>(List.of(first));
        for (int i = 0; i < 4; i++) {
            TestNode node = node(true, 8);
            GossipTest.register(node, first.address());
            nodes.add(node);
        }
        for (TestNode node : nodes) {
            GossipTest.within(15_000, () -> node.node.blockchain().nodes().size() == 4, node.address() + " knows the 4 others",
                    () -> node.get("/nodes").body());
            assertFalse(node.node.blockchain().nodes().contains(URI.create(node.address())), node.address() + " lists itself");
        }
    }
}
