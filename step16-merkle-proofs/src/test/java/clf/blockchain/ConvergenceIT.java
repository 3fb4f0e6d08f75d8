package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;

/**
 * Nodes that are really separate: each in its own container, on one Docker network where they know each other
 * by name. They mine apart, register each other by name, resolve, and end with one chain.
 */
@ExtendWith(DockerAvailable.class)
// One container test class at a time: each removes the images it built when it ends.
@ResourceLock("docker-images")
class ConvergenceIT {

    @AfterAll
    static void removeTheImage() {
        NodeContainers.removeImage();
    }

    static String nodes(String... aliases) {
        List<String> addresses = new ArrayList<>();
        for (String alias : aliases) {
            addresses.add("\"http://" + alias + ":5000\"");
        }
        return "{\"nodes\": [" + String.join(", ", addresses) + "]}";
    }

    static void mine(GenericContainer<?> node, int blocks) {
        for (int i = 0; i < blocks; i++) {
            assertEquals(200, NodeContainers.get(node, "/mine").status());
        }
    }

    static String chain(GenericContainer<?> node) {
        return NodeContainers.get(node, "/chain").json().getAsJsonArray("chain").toString();
    }

    @Test
    void fiveNodesThatMinedApartAgreeOnTheLongestChain() {
        String[] aliases = {"node1", "node2", "node3", "node4", "node5"};
        try (Network network = Network.newNetwork()) {
            List<GenericContainer<?>> nodes = new ArrayList<>();
            for (String alias : aliases) {
                nodes.add(NodeContainers.node(network, alias));
            }
            try {
                NodeContainers.startAll(nodes);
                int[] blocks = {1, 3, 2, 0, 1};
                for (int i = 0; i < nodes.size(); i++) {
                    mine(nodes.get(i), blocks[i]);
                }
                // Registered only once all have mined: a greeted or gossiping node would take a chain and mine on it.
                for (int i = 0; i < nodes.size(); i++) {
                    List<String> others = new ArrayList<>(List.of(aliases));
                    others.remove(aliases[i]);
                    NodeContainers.Reply registered = NodeContainers.post(nodes.get(i), "/nodes/register",
                            nodes(others.toArray(String[]::new)));
                    assertEquals(201, registered.status(), registered.body());
                }

                long started = System.nanoTime();
                for (GenericContainer<?> node : nodes) {
                    assertEquals(200, NodeContainers.get(node, "/nodes/resolve").status());
                }
                System.out.printf("five containers agreed %.0f ms after the first resolve began%n",
                        (System.nanoTime() - started) / 1e6);

                String longest = chain(nodes.get(1));
                assertEquals(4, NodeContainers.get(nodes.get(1), "/chain").json().get("length").getAsInt());
                for (GenericContainer<?> node : nodes) {
                    assertEquals(longest, chain(node));
                }

                // A signed payment posted to one node is in every node's chain after the next resolve.
                Wallet payer = NodeContainers.miner("node2");
                String payee = Wallet.create().address();
                SignedTransaction payment = SignedTransaction.sign(payer, payee, 2, 1);
                assertEquals(201, NodeContainers.post(nodes.get(0), "/transactions/new",
                        CanonicalJson.write(payment.toJson())).status());
                mine(nodes.get(0), 1);
                for (GenericContainer<?> node : nodes) {
                    assertEquals(200, NodeContainers.get(node, "/nodes/resolve").status());
                    assertTrue(chain(node).contains(payment.signature()), "the payment is in " + node.getNetworkAliases());
                    assertEquals(2, NodeContainers.get(node, "/balances/" + payee).json().get("balanceOf").getAsLong());
                }
            } finally {
                nodes.forEach(GenericContainer::stop);
            }
        }
    }

    @Test
    void afterAPartitionHealsTheLongerSideWinsAndNothingAcceptedIsLost() {
        // Each node starts on a network of its own, which carries this test's requests, and joins the shared
        // network, where the nodes know each other by name. The shared network is internal, so it never becomes a
        // node's route to this test. Cutting node3 off the shared network is the partition.
        try (Network shared = Network.builder().createNetworkCmdModifier(create -> create.withInternal(true)).build();
             Network island1 = Network.newNetwork();
             Network island2 = Network.newNetwork();
             Network island3 = Network.newNetwork();
             GenericContainer<?> node1 = NodeContainers.node(island1, "node1");
             GenericContainer<?> node2 = NodeContainers.node(island2, "node2");
             GenericContainer<?> node3 = NodeContainers.node(island3, "node3")) {
            NodeContainers.startAll(List.of(node1, node2, node3));
            NodeContainers.reconnect(node1, shared, "node1");
            NodeContainers.reconnect(node2, shared, "node2");
            NodeContainers.reconnect(node3, shared, "node3");
            Network network = shared;
            for (GenericContainer<?> node : List.of(node1, node2)) {
                NodeContainers.post(node, "/nodes/register", nodes("node1", "node2", "node3").replace(
                        "\"http://" + (node == node1 ? "node1" : "node2") + ":5000\", ", ""));
            }
            NodeContainers.post(node3, "/nodes/register", nodes("node1", "node2"));

            // A shared history first: node3 mines a block that everyone adopts, so its miner has a coin everywhere.
            mine(node3, 1);
            for (GenericContainer<?> node : List.of(node1, node2)) {
                assertEquals(200, NodeContainers.get(node, "/nodes/resolve").status());
            }
            Wallet payer = NodeContainers.miner("node3");
            SignedTransaction payment = SignedTransaction.sign(payer, Wallet.create().address(), 1, 1);

            NodeContainers.disconnect(node3, network);
            assertEquals(201, NodeContainers.post(node1, "/transactions/new", CanonicalJson.write(payment.toJson())).status());
            mine(node1, 2);
            mine(node3, 4);
            JsonObject alone = NodeContainers.get(node3, "/nodes/resolve").json();
            // Discovery may have given node3 its neighbours' addresses by number too: none of them answers either.
            JsonObject cutAway = alone.getAsJsonObject("unusable_peers");
            assertTrue(cutAway.has("http://node1:5000") && cutAway.has("http://node2:5000"),
                    "node3 cannot reach anyone: " + alone);
            JsonObject cutOff = NodeContainers.get(node2, "/nodes/resolve").json();
            assertTrue(cutOff.getAsJsonObject("unusable_peers").has("http://node3:5000"), cutOff.toString());
            // Gossip may have brought node1's blocks before this resolve, so the chain is read, not the reply.
            assertEquals(4, NodeContainers.get(node2, "/chain").json().get("length").getAsInt(),
                    "node2 follows node1 while node3 is away");

            NodeContainers.reconnect(node3, network, "node3");
            for (GenericContainer<?> node : List.of(node1, node2, node3)) {
                assertEquals(200, NodeContainers.get(node, "/nodes/resolve").status());
            }
            String longest = chain(node3);
            assertEquals(longest, chain(node1));
            assertEquals(longest, chain(node2));
            assertTrue(!longest.contains(payment.signature()), "node3's side never saw the payment");

            // node1's abandoned blocks held the payment: it waits again at node1, and node1's next block has it.
            NodeContainers.Reply mined = NodeContainers.get(node1, "/mine");
            JsonArray transactions = mined.json().getAsJsonArray("transactions");
            assertEquals(2, transactions.size(), transactions.toString());
            assertEquals(payment.signature(), transactions.get(0).getAsJsonObject().get("signature").getAsString());
        }
    }

    /** Containers serving longer chains whose links and proofs are right but whose ledgers are forged. */
    @Test
    void containersServingAForgedSignatureOrAnOverspendAreNotFollowed() {
        Wallet alice = Chains.MINER;
        JsonObject reward = new LedgerTest().reward();
        JsonObject forged = SignedTransaction.sign(alice, Wallet.create().address(), 1, 1).toJson();
        forged.addProperty("amount", 1000);
        JsonObject overspend = SignedTransaction.sign(alice, Wallet.create().address(), 5, 1).toJson();
        java.util.Map<String, String> chains = new java.util.HashMap<>();
        chains.put("forged", answer(List.of(LedgerTest.block(reward), LedgerTest.block(reward), LedgerTest.block(reward, forged))));
        chains.put("overspend", answer(List.of(LedgerTest.block(reward), LedgerTest.block(reward), LedgerTest.block(reward, overspend))));
        try (Network network = Network.newNetwork();
             GenericContainer<?> honest = NodeContainers.node(network, "honest");
             GenericContainer<?> forger = NodeContainers.staticPeer(network, "forger", "forged", chains);
             GenericContainer<?> spender = NodeContainers.staticPeer(network, "spender", "overspend", chains)) {
            NodeContainers.startAll(List.of(honest, forger, spender));
            mine(honest, 1);
            assertEquals(201, NodeContainers.post(honest, "/nodes/register", nodes("forger", "spender")).status());

            JsonObject resolved = NodeContainers.get(honest, "/nodes/resolve").json();
            assertEquals("Our chain is authoritative", resolved.get("message").getAsString());
            JsonObject unusable = resolved.getAsJsonObject("unusable_peers");
            assertTrue(unusable.get("http://forger:5000").getAsString().contains("the signature is not the sender's"),
                    unusable.toString());
            assertTrue(unusable.get("http://spender:5000").getAsString().contains("cannot send 5"), unusable.toString());
            assertEquals(2, NodeContainers.get(honest, "/chain").json().get("length").getAsInt());
        }
    }

    /** The /chain answer of a chain with these blocks, mined by the rule a node of this step uses. */
    static String answer(List<JsonArray> blocks) {
        JsonArray chain = new JsonArray();
        List<Block> mined = LedgerTest.chainOf(Chains.WORK, blocks);
        mined.forEach(block -> chain.add(block.toJson()));
        return "{\"chain\": " + CanonicalJson.write(chain) + ", \"length\": " + chain.size() + ", \"work\": \""
                + Chains.workOf(mined) + "\"}";
    }

    @Test
    void aStoppedPeerAndAPeerWithALongerInvalidChainDoNotStopAgreement() {
        // Without gossip, longest's chain reaches honest by the resolve alone, not first by longest's greeting.
        try (Network network = Network.newNetwork();
             GenericContainer<?> honest = NodeContainers.node(network, "honest", "--no-gossip");
             GenericContainer<?> longest = NodeContainers.node(network, "longest");
             GenericContainer<?> stopped = NodeContainers.node(network, "stopped");
             // Difficulty 1 makes a longer chain of less work, which a node at difficulty 4 does not even fetch.
             GenericContainer<?> cheater = NodeContainers.node(network, "cheater", "--difficulty", "1")) {
            NodeContainers.startAll(List.of(honest, longest, stopped, cheater));
            mine(longest, 2);
            mine(cheater, 6);
            assertEquals(201, NodeContainers.post(honest, "/nodes/register",
                    nodes("longest", "stopped", "cheater")).status());
            stopped.stop();

            JsonObject resolved = NodeContainers.get(honest, "/nodes/resolve").json();
            assertEquals("Our chain was replaced", resolved.get("message").getAsString());
            assertEquals(chain(longest), chain(honest));
            JsonObject unusable = resolved.getAsJsonObject("unusable_peers");
            assertFalse(unusable.has("http://cheater:5000"), unusable.toString());
            assertTrue(unusable.has("http://stopped:5000"), unusable.toString());
        }
    }
}
