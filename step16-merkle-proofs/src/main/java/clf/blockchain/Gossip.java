package clf.blockchain;

import com.google.gson.JsonObject;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.math.BigInteger;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.logging.Logger;

/** Gossip: a node tells its peers of each new block and payment, and passes on what it learns, once. */
final class Gossip {

    private static final Logger LOG = Logger.getLogger(Gossip.class.getName());

    /** Blocks and payments remembered as seen: nothing is passed on twice, and the oldest are forgotten. */
    static final int REMEMBERED = 10_000;
    /** Announcements in a row that fail a check, after which their sender is forgotten. */
    static final int STRIKES = 3;

    static final String REFUSED_HINT = "announce only blocks that follow every rule, and serve them at GET /chain?from=N";
    static final String EXAMPLE = "{\"index\": 5, \"hash\": HEX, \"work\": \"327680\"}";

    /** What a node did with a block that a peer announced. */
    enum Outcome { ADDED, KNOWN, NOT_MORE_WORK, NOT_HELD }

    private final Blockchain blockchain;
    private final Consensus consensus;
    private final PeerClient peers;
    private final URI advertised;
    private final IntSupplier port;
    private final Object chainLock = new Object();
    private final Set<String> seen = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    }));
    private final Map<URI, Integer> strikes = new ConcurrentHashMap<>();
    /** Peers that answered a block's announcement with 404: older nodes, which still serve and take chains by resolve. */
    private final Set<URI> deaf = ConcurrentHashMap.newKeySet();
    private final AtomicLong sent = new AtomicLong();
    private final boolean speak;

    /**
     * {@code advertised}, if given, is the address every peer is told, else the one this machine reaches it from; a
     * node that does not {@code speak} announces nothing, but still takes the blocks announced to it.
     */
    Gossip(Blockchain blockchain, PeerClient peers, URI advertised, IntSupplier port, boolean speak) {
        this.blockchain = blockchain;
        this.consensus = new Consensus(blockchain);
        this.peers = peers;
        this.advertised = advertised;
        this.port = port;
        this.speak = speak;
    }

    /** Is this address this node's own: the one it would tell a node there? */
    boolean isSelf(URI address) {
        return address.equals(self(address));
    }

    /** This node's address as {@code peer} can reach it: the local address of the way there, when none is given. */
    URI self(URI peer) {
        if (advertised != null) {
            return advertised;
        }
        try (DatagramSocket probe = new DatagramSocket()) {
            probe.connect(new InetSocketAddress(peer.getHost(), peer.getPort()));
            String host = probe.getLocalAddress().getHostAddress();
            return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port.getAsInt());
        } catch (IOException | IllegalArgumentException e) {
            return URI.create("http://127.0.0.1:" + port.getAsInt());
        }
    }

    /** Held by whoever changes the chain's tip: a mine, a resolve, a block from a peer. */
    Object chainLock() {
        return chainLock;
    }

    /** The node that sent a gossip message, as it says it can be reached; none for a client's request. */
    static URI sender(HttpServerExchange exchange) {
        String address = exchange.getRequestHeaders().getFirst(PeerClient.NODE_ADDRESS_HEADER);
        try {
            return address == null ? null : NodeAddress.parse(address);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, PeerClient.NODE_ADDRESS_HEADER + " " + e.getMessage(), "give the address at which"
                    + " this node can reach yours, as http://host:port");
        }
    }

    /** {@code POST /blocks/announce}: a peer has a new block, which this node fetches from it if it lacks it. */
    void announced(HttpServerExchange exchange) {
        Fields fields = new Fields(HttpJson.readObject(exchange, EXAMPLE), EXAMPLE, "index", "hash", "work");
        long index = fields.positiveInteger("index");
        String hash = fields.string("hash");
        String work = fields.string("work");
        URI from = sender(exchange);
        if (!hash.matches("[0-9a-f]{64}") || !work.matches("[1-9][0-9]{0,80}") || from == null) {
            throw new ApiError(400, "an announcement needs the block's hash, 64 lower-case hex digits, its chain's work,"
                    + " a whole number in a string, and the header " + PeerClient.NODE_ADDRESS_HEADER + ", where the"
                    + " block can be fetched", "send " + EXAMPLE);
        }
        Outcome outcome;
        try {
            outcome = receive(index, hash, new BigInteger(work), from);
        } catch (IllegalArgumentException e) {
            strike(from);
            throw new ApiError(400, "block " + index + " was refused: " + e.getMessage(), REFUSED_HINT);
        }
        JsonObject response = new JsonObject();
        response.addProperty("message", switch (outcome) {
            case ADDED -> "Block " + index + " was added";
            case KNOWN -> "This node has block " + index + " already";
            case NOT_MORE_WORK -> "Block " + index + " is on a chain of no more work than ours, which stays";
            case NOT_HELD -> throw new ApiError(400, "block " + index + " was refused: " + from
                    + " does not hold it in its chain", REFUSED_HINT);
        });
        HttpJson.send(exchange, outcome == Outcome.ADDED ? 201 : 200, response);
    }

    /** Tells every peer but {@code from} that this node has block {@code block}, with the work of its chain. */
    void announce(Block block, URI from) {
        seen.add(Blockchain.hash(block));
        send("/blocks/announce", announcement(block, blockchain.chainWork()), blockchain.nodes(), from);
    }

    /** Tells a new peer of this node's tip, so that after a split the side with less work learns of the other's. */
    void greet(URI peer) {
        send("/blocks/announce", announcement(blockchain.lastBlock(), blockchain.chainWork()), Set.of(peer), null);
    }

    private static JsonObject announcement(Block block, BigInteger work) {
        JsonObject announcement = new JsonObject();
        announcement.addProperty("index", block.index());
        announcement.addProperty("hash", Blockchain.hash(block));
        announcement.addProperty("work", work.toString());
        return announcement;
    }

    /** After a resolve that replaced our chain: the new tip, and the payments of our old blocks, pending again. */
    void announce(Consensus.Resolution resolution) {
        if (resolution.replaced()) {
            announce(blockchain.lastBlock(), null);
            resolution.restored().forEach(payment -> announce(payment, null));
        }
    }

    /** Passes a payment on to every peer but {@code from}. */
    void announce(SignedTransaction payment, URI from) {
        seen.add(payment.signature());
        send("/transactions/new", payment.toJson(), blockchain.nodes(), from);
    }

    /** A payment passed on by a peer and seen before: answered 200, and passed on to no one. */
    boolean hasAlready(HttpServerExchange exchange, SignedTransaction payment, URI from) {
        if (from == null || !seen.contains(payment.signature())) {
            return false;
        }
        JsonObject response = new JsonObject();
        response.addProperty("message", "This node has this payment already");
        HttpJson.send(exchange, 200, response);
        return true;
    }

    /** Refuses a list of peers that holds this node itself. */
    void refuseSelf(List<URI> addresses) {
        addresses.stream().filter(this::isSelf).findFirst().ifPresent(self -> {
            throw new ApiError(400, "nothing was registered; bad address: \"" + self + "\": it is this node itself",
                    "register other nodes");
        });
    }

    private void send(String path, JsonObject body, Set<URI> to, URI from) {
        boolean block = path.equals("/blocks/announce");
        for (URI peer : speak ? to : Set.<URI>of()) {
            if (peer.equals(from) || block && deaf.contains(peer)) {
                continue;
            }
            sent.incrementAndGet();
            peers.post(peer, path, body, self(peer)).whenComplete((status, failure) -> {
                if (failure instanceof CompletionException && failure.getCause() instanceof PeerClient.ItIsThisNode) {
                    blockchain.forgetNode(peer);
                } else if (block && (Integer.valueOf(404).equals(status) || Integer.valueOf(405).equals(status))) {
                    deaf.add(peer);
                }
            });
        }
    }

    /**
     * A block that {@code from} announced: known, on a fork no longer than ours, or added with what we lacked,
     * fetched from {@code from} and checked by every rule; an {@link IllegalArgumentException} says why not.
     */
    Outcome receive(long index, String hash, BigInteger work, URI from) {
        Block added;
        Consensus.Resolution resolution;
        // exercise 11.1: Say KNOWN for a block seen before or in our chain and NOT_MORE_WORK for one on a chain of no more work than ours; else resolve against the sender alone: NOT_HELD if its chain still lacks the block, refused (IllegalArgumentException) if the sender was unusable.
        // exercise 11.1 begin
        if (seen.contains(hash)) {
            return Outcome.KNOWN;
        }
        synchronized (chainLock) {
            List<Block> ours = blockchain.chain();
            if (index <= ours.size() && Blockchain.hash(ours.get((int) index - 1)).equals(hash)) {
                return Outcome.KNOWN;
            }
            if (work.compareTo(blockchain.chainWork()) <= 0) {
                return Outcome.NOT_MORE_WORK;
            }
            resolution = consensus.resolve(peers, List.of(from));
            List<Block> now = blockchain.chain();
            if (now.size() < index || !Blockchain.hash(now.get((int) index - 1)).equals(hash)) {
                String unusable = resolution.unusablePeers().get(from);
                if (unusable == null) {
                    return Outcome.NOT_HELD;
                }
                throw new IllegalArgumentException(unusable);
            }
            added = now.get((int) index - 1);
        }
        // exercise 11.1 end
        strikes.remove(from);
        announce(added, from);
        resolution.restored().forEach(payment -> announce(payment, null));
        return Outcome.ADDED;
    }

    /** One more announcement from {@code from} that failed a check; after {@value #STRIKES} in a row, it is forgotten. */
    void strike(URI from) {
        if (from != null && strikes.merge(from, 1, Integer::sum) >= STRIKES) {
            strikes.remove(from);
            blockchain.forgetNode(from);
            LOG.warning("forgot " + from + ": " + STRIKES + " of its announcements in a row failed a check");
        }
    }

    /** Announcements sent, for the measures of a network. */
    long sent() {
        return sent.get();
    }
}
