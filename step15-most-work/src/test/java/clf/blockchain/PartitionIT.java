package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;

/**
 * {@link PartitionTest} with containers: A and B on one network, C and D on another, B and C also on a third, the
 * middle link, which {@code docker network disconnect} cuts as a pulled cable would.
 */
@ExtendWith(DockerAvailable.class)
// One container test class at a time: each removes the images it built when it ends.
@ResourceLock("docker-images")
class PartitionIT {

    @AfterAll
    static void removeTheImage() {
        NodeContainers.removeImage();
    }

    static void within(long millis, BooleanSupplier condition, String what) {
        long until = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > until) {
                fail("wanted within " + millis + " ms: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    static void register(GenericContainer<?> node, String... aliases) {
        assertEquals(201, NodeContainers.post(node, "/nodes/register", ConvergenceIT.nodes(aliases)).status());
    }

    static boolean pending(GenericContainer<?> node, SignedTransaction payment) {
        return NodeContainers.get(node, "/transactions/pending").json().getAsJsonArray("transactions")
                .contains(payment.toJson());
    }

    static long times(GenericContainer<?> node, SignedTransaction payment) {
        long count = 0;
        for (JsonElement block : NodeContainers.get(node, "/chain").json().getAsJsonArray("chain")) {
            count += block.getAsJsonObject().getAsJsonArray("transactions").asList().stream()
                    .filter(payment.toJson()::equals).count();
        }
        return count;
    }

    static boolean agree(List<GenericContainer<?>> nodes) {
        String first = ConvergenceIT.chain(nodes.get(0));
        return nodes.stream().allMatch(node -> ConvergenceIT.chain(node).equals(first));
    }

    @Test
    void aNetworkSplitInTwoHealsOnTheSideWithMoreWorkAndMinesThePaymentOfTheOtherOnce() {
        // The middle network is internal, so it never becomes B's or C's route back to this test.
        try (Network left = Network.newNetwork(); Network right = Network.newNetwork();
             Network middle = Network.builder().createNetworkCmdModifier(create -> create.withInternal(true)).build();
             GenericContainer<?> a = NodeContainers.node(left, "a", "--max-peers", "1");
             GenericContainer<?> b = NodeContainers.node(left, "b", "--max-peers", "2");
             GenericContainer<?> c = NodeContainers.node(right, "c", "--max-peers", "2");
             GenericContainer<?> d = NodeContainers.node(right, "d", "--max-peers", "1")) {
            List<GenericContainer<?>> all = List.of(a, b, c, d);
            NodeContainers.startAll(all);
            NodeContainers.reconnect(b, middle, "b");
            NodeContainers.reconnect(c, middle, "c");
            register(a, "b");
            register(b, "a", "c");
            register(c, "b", "d");
            register(d, "c");
            ConvergenceIT.mine(a, 1);
            within(10_000, () -> agree(all), "every node has A's first block");

            NodeContainers.disconnect(b, middle);
            SignedTransaction p = SignedTransaction.sign(NodeContainers.miner("a"), Wallet.create().address(), 1, 1);
            assertEquals(201, NodeContainers.post(a, "/transactions/new", CanonicalJson.write(p.toJson())).status());
            ConvergenceIT.mine(a, 1);
            ConvergenceIT.mine(d, 3);
            within(10_000, () -> agree(List.of(a, b)) && agree(List.of(c, d)), "each side agrees within itself");

            NodeContainers.reconnect(b, middle, "b");
            register(b, "c");
            register(c, "b");
            within(10_000, () -> agree(all), "every node has the right's chain");
            assertEquals(5, NodeContainers.get(a, "/chain").json().get("length").getAsInt());
            for (GenericContainer<?> node : all) {
                within(10_000, () -> pending(node, p), "P is pending on every node");
            }
            ConvergenceIT.mine(c, 1);
            within(10_000, () -> agree(all), "every node has the block that holds P");
            for (GenericContainer<?> node : all) {
                assertEquals(1, times(node, p), "P is in exactly one block");
            }
        }
    }
}
