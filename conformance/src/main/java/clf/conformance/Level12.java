package clf.conformance;

import static clf.conformance.Context.expect;
import static clf.conformance.Context.expectStatus;
import static clf.conformance.Context.field;

import com.google.gson.JsonElement;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Level 12, step 12: discovery. {@code GET /nodes} lists the node's peers and never the node itself; the node asks its
 * peers for theirs and adds the ones it lacks, but not its own address when a peer lists it.
 */
final class Level12 {

    static final String PAGE = "docs/reference/step12-discovery.md#the-routes-it-uses";
    /** A node of step 12 asks every 2 s; the kit gives it five rounds. */
    static final Duration WITHIN = Duration.ofSeconds(10);

    private Level12() {
    }

    static List<Check> checks() {
        return List.of(
                new Check(12, "GET /nodes lists the peers that registered with the node, and not the node itself", PAGE,
                        Level12::listsItsPeers),
                new Check(12, "the node adds the peers that its peer lists at GET /nodes, within 10 s, but never itself",
                        PAGE, Level12::findsItsPeersPeers));
    }

    private static void listsItsPeers(Context c) throws Exception {
        List<String> peers = List.of(c.registered("listener").address(), c.registered("sender").address());
        Exchange answer = expectStatus(c.node.get("/nodes"), 200, "HTTP 200 with {\"nodes\": [\"http://host:port\", ...]}");
        Set<String> listed = addresses(answer);
        for (String peer : peers) {
            expect(listed.contains(peer), "'nodes' does not hold " + peer, answer, "every peer of the node, " + peer
                    + " among them");
        }
        for (String self : selves(c)) {
            expect(!listed.contains(self), "'nodes' holds the node itself, " + self, answer, "its peers, never itself");
        }
    }

    private static void findsItsPeersPeers(Context c) throws Exception {
        GossipPeer listener = c.registered("listener");
        GossipPeer third = c.gossipPeer("third");
        List<String> listed = new ArrayList<>(List.of("http://" + third.address()));
        selves(c).forEach(self -> listed.add("http://" + self));
        listener.list(listed);
        long until = System.nanoTime() + WITHIN.toNanos();
        Exchange answer;
        Set<String> now;
        do {
            Thread.sleep(200);
            answer = expectStatus(c.node.get("/nodes"), 200, "HTTP 200 with the node's peers");
            now = addresses(answer);
            for (String self : selves(c)) {
                expect(!now.contains(self), "the node added itself, " + self + ", which its peer listed", answer,
                        "its peers, never itself: a node knows its own address, and its own X-Node-Id in an answer");
            }
        } while (!now.contains(third.address()) && System.nanoTime() < until);
        expect(now.contains(third.address()), "the node did not add " + third.address() + " within " + WITHIN.toSeconds()
                + " s", answer, "http://" + third.address() + " among the node's peers: its peer http://"
                + listener.address() + " lists it at GET /nodes, which a node asks each of its peers every few seconds");
    }

    /**
     * The node's own addresses, as host:port: the one it gave in X-Node-Address at level 11, and the kit's way to it
     * when the node runs on this machine (from a container, the kit's way in is not the node's own address).
     */
    private static Set<String> selves(Context c) throws Exception {
        Set<String> selves = new LinkedHashSet<>();
        if (c.advertised != null) {
            selves.add(hostAndPort(c.advertised));
        }
        if (InetAddress.getByName(c.peerHost).isLoopbackAddress()) {
            selves.add(hostAndPort(c.node.base().toString()));
        }
        return selves;
    }

    private static Set<String> addresses(Exchange answer) {
        Set<String> addresses = new LinkedHashSet<>();
        for (JsonElement node : field(answer, answer.json(), "nodes").getAsJsonArray()) {
            addresses.add(hostAndPort(node.getAsString()));
        }
        return addresses;
    }

    static String hostAndPort(String address) {
        return address.replaceFirst("^https?://", "").replaceFirst("/$", "");
    }
}
