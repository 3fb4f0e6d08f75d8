package clf.blockchain;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/** Discovery: every few seconds a node asks its peers for theirs, adds them up to a cap, and makes itself known. */
final class Discovery {

    private static final Logger LOG = Logger.getLogger(Discovery.class.getName());

    /** Failed contacts in a row after which a peer is forgotten. */
    static final int FORGET_AFTER = 3;
    public static final int DEFAULT_MAX_PEERS = 8;

    private final Blockchain blockchain;
    private final PeerClient peers;
    private final Gossip gossip;
    private final int maxPeers;
    /** Addresses that turned out to be this node's own, by another name: never a peer. */
    private final Set<URI> aliases = ConcurrentHashMap.newKeySet();
    private final Set<URI> introduced = ConcurrentHashMap.newKeySet();
    private final Map<URI, Integer> failures = new ConcurrentHashMap<>();

    Discovery(Blockchain blockchain, PeerClient peers, Gossip gossip, int maxPeers) {
        this.blockchain = blockchain;
        this.peers = peers;
        this.gossip = gossip;
        this.maxPeers = maxPeers;
    }

    /** One round: this node makes itself known to each new peer, and adds the peers of each that it lacks; done when every contact has ended. */
    CompletableFuture<Void> round() {
        List<CompletableFuture<?>> contacts = new ArrayList<>();
        for (URI peer : blockchain.nodes()) {
            if (introduced.add(peer)) {
                gossip.greet(peer);
                // Only the round's ask for peers counts a failure; an introduction that failed is tried next round.
                contacts.add(peers.register(peer, gossip.self(peer)).whenComplete((status, failure) -> {
                    if (failure != null) {
                        introduced.remove(peer);
                    }
                }));
            }
            contacts.add(peers.nodes(peer).whenComplete((theirs, failure) -> {
                contact(peer, failure);
                adopt(peer, theirs == null ? List.of() : theirs);
            }));
        }
        return CompletableFuture.allOf(contacts.toArray(CompletableFuture[]::new)).handle((done, failure) -> null);
    }

    /** Adds the peers that {@code peer} knows and this node lacks, up to its cap, never itself. */
    void adopt(URI peer, List<URI> theirs) {
        for (URI address : theirs) {
            // exercise 12.1: Register each address while this node has fewer than maxPeers peers, unless it knows it already, or it is this node itself (an alias, or gossip.isSelf).
            // exercise 12.1 begin
            if (blockchain.nodes().size() < maxPeers && !blockchain.nodes().contains(address)
                    && !aliases.contains(address) && !gossip.isSelf(address)) {
                blockchain.registerNodes(List.of(address));
            }
            // exercise 12.1 end
        }
        LOG.fine(() -> "peers after a round with " + peer + ": " + blockchain.nodes());
    }

    /** Forgets a peer that is this node itself at once, and one that could not be reached, after a few times. */
    private void contact(URI peer, Throwable failure) {
        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
        if (cause instanceof PeerClient.ItIsThisNode) {
            aliases.add(peer);
            blockchain.forgetNode(peer);
        } else if (!(cause instanceof PeerClient.Unreachable)) {
            failures.remove(peer);
        } else if (failures.merge(peer, 1, Integer::sum) >= FORGET_AFTER) {
            failures.remove(peer);
            introduced.remove(peer);
            blockchain.forgetNode(peer);
            LOG.info("forgot " + peer + ", which could not be reached " + FORGET_AFTER + " times in a row: "
                    + cause.getMessage());
        }
    }
}
