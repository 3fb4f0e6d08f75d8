package clf.explorer;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The network the explorer shows: the nodes it was given, and every node they list at {@code GET /nodes}, and the
 * ones those list, up to a limit; found again every few seconds, so that a node that joins shows, and the links
 * between them. A listed address becomes a node of the explorer only once it answers {@code GET /nodes} as a node
 * does; one that names itself in {@code X-Node-Id} as a node known already is that node, by another address.
 */
final class Network {

    /** How often the explorer asks every node for its peers: as often as a node of step 12 asks its own. */
    static final Duration PERIOD = Duration.ofSeconds(2);
    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    static final int MAX_REPLY_BYTES = 1024 * 1024;

    /**
     * One node as the explorer last saw it: its address, the name it gives itself (X-Node-Id, or null), the peers it
     * listed (none if it lists none), and why it could not be asked, or null.
     */
    record Known(URI address, String id, List<URI> peers, String problem) {
    }

    /** What one {@code GET /nodes} gave: the node's name and peers, or why not; {@code peers} is null if it lists none. */
    private record Answer(String id, List<URI> peers, String problem) {
    }

    private final List<URI> seeds;
    private final int limit;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(TIMEOUT).build();
    /** Every address known to be a node's (its own, or another name for it), and the node's index. */
    private final Map<URI, Integer> index = new HashMap<>();
    private final ScheduledExecutorService crawler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "explorer-network");
        thread.setDaemon(true);
        return thread;
    });
    private volatile List<Known> nodes;
    private volatile boolean more;

    Network(List<URI> seeds, int limit) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("--nodes: give at least one node's address");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("--max-nodes takes 1 to " + MAX_LIMIT + ", not " + limit);
        }
        List<URI> distinct = List.copyOf(new LinkedHashSet<>(seeds));
        this.seeds = distinct.subList(0, Math.min(distinct.size(), limit));
        List<Known> start = new ArrayList<>();
        for (URI seed : this.seeds) {
            index.put(seed, start.size());
            start.add(new Known(seed, null, List.of(), "not asked yet"));
        }
        this.limit = limit;
        this.nodes = List.copyOf(start);
    }

    /** Asks the network every {@link #PERIOD}, from now on, in a thread of its own. */
    Network start() {
        crawler.scheduleWithFixedDelay(this::crawl, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    void stop() {
        crawler.shutdownNow();
    }

    /** The nodes, in the order they were found: a node keeps its index, so that the page's columns stay. */
    List<Known> nodes() {
        return nodes;
    }

    /**
     * One round: asks every node for its peers, and each address they list that is no node yet, and so on, breadth
     * first, until no new node answers or the limit is reached.
     */
    synchronized void crawl() {
        List<Known> found = new ArrayList<>(nodes);
        Map<URI, Answer> asked = new HashMap<>();
        boolean beyond = false;
        for (int i = 0; i < found.size(); i++) {
            Known node = found.get(i);
            Answer answer = asked.containsKey(node.address()) ? asked.get(node.address()) : ask(node.address());
            found.set(i, new Known(node.address(), answer.id() != null ? answer.id() : node.id(),
                    answer.peers() == null ? List.of() : answer.peers(), answer.problem()));
            for (URI peer : answer.peers() == null ? List.<URI>of() : answer.peers()) {
                if (index.containsKey(peer) || asked.containsKey(peer)) {
                    continue;
                }
                if (found.size() >= limit) {
                    beyond = true;
                    continue;
                }
                Answer theirs = ask(peer);
                asked.put(peer, theirs);
                if (theirs.peers() == null) {
                    continue;  // Not a node, or not now: asked again next round.
                }
                Integer same = theirs.id() == null ? null : indexOf(found, theirs.id());
                if (same != null) {
                    index.put(peer, same);
                } else {
                    index.put(peer, found.size());
                    found.add(new Known(peer, theirs.id(), theirs.peers(), null));
                }
            }
        }
        nodes = List.copyOf(found);
        more = beyond;
    }

    private static Integer indexOf(List<Known> nodes, String id) {
        for (int i = 0; i < nodes.size(); i++) {
            if (id.equals(nodes.get(i).id())) {
                return i;
            }
        }
        return null;
    }

    /** The links: each pair of nodes of which one lists the other, as [lower index, higher index]. */
    Set<List<Integer>> links() {
        List<Known> now = nodes;
        Set<List<Integer>> links = new TreeSet<>((a, b) -> a.get(0).equals(b.get(0)) ? a.get(1) - b.get(1) : a.get(0) - b.get(0));
        synchronized (this) {
            for (int i = 0; i < now.size(); i++) {
                for (URI peer : now.get(i).peers()) {
                    Integer j = index.get(peer);
                    if (j != null && j != i && j < now.size()) {
                        links.add(List.of(Math.min(i, j), Math.max(i, j)));
                    }
                }
            }
        }
        return links;
    }

    /** What {@code GET /api/nodes} answers: the nodes' addresses, and the network they make. */
    JsonObject toJson() {
        List<Known> now = nodes;
        JsonArray addresses = new JsonArray();
        JsonArray network = new JsonArray();
        for (Known node : now) {
            addresses.add(node.address().toString());
            JsonObject entry = new JsonObject();
            entry.addProperty("url", node.address().toString());
            JsonArray peers = new JsonArray();
            node.peers().forEach(peer -> peers.add(peer.toString()));
            entry.add("peers", peers);
            if (node.problem() != null) {
                entry.addProperty("problem", node.problem());
            }
            network.add(entry);
        }
        JsonArray links = new JsonArray();
        for (List<Integer> link : links()) {
            JsonArray pair = new JsonArray();
            pair.add(link.get(0));
            pair.add(link.get(1));
            links.add(pair);
        }
        JsonObject body = new JsonObject();
        body.add("nodes", addresses);
        body.add("network", network);
        body.add("links", links);
        body.addProperty("limit", limit);
        body.addProperty("more", more);
        return body;
    }

    /** {@code GET /nodes} on one address, within the time limits; never throws. */
    private Answer ask(URI address) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(address + "/nodes")).timeout(TIMEOUT).GET().build();
        try {
            HttpResponse<InputStream> reply = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String id = reply.headers().firstValue("X-Node-Id").orElse(null);
            byte[] body;
            try (InputStream in = reply.body()) {
                body = in.readNBytes(MAX_REPLY_BYTES + 1);
            }
            if (reply.statusCode() != 200 || body.length > MAX_REPLY_BYTES) {
                return new Answer(id, null, reply.statusCode() != 200 ? "it answers " + reply.statusCode()
                        + " to GET /nodes, so its peers are not known" : "its list of peers is larger than 1 MiB");
            }
            return new Answer(id, peers(body), null);
        } catch (IOException e) {
            return new Answer(null, null, Forwarder.reason(e));
        } catch (IllegalArgumentException e) {
            return new Answer(null, null, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, null, "the explorer stopped");
        }
    }

    /** The addresses of {"nodes": [...]}; the ones that are not a node's address are left out. */
    private static List<URI> peers(byte[] body) {
        JsonElement json;
        try {
            json = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("its answer to GET /nodes is not JSON");
        }
        if (!json.isJsonObject() || !json.getAsJsonObject().has("nodes") || !json.getAsJsonObject().get("nodes").isJsonArray()) {
            throw new IllegalArgumentException("its answer to GET /nodes has no list \"nodes\"");
        }
        List<URI> peers = new ArrayList<>();
        for (JsonElement peer : json.getAsJsonObject().getAsJsonArray("nodes")) {
            if (peer.isJsonPrimitive() && peer.getAsJsonPrimitive().isString()) {
                try {
                    peers.add(Forwarder.node(peer.getAsString()));
                } catch (IllegalArgumentException e) {
                    // Not an address: left out.
                }
            }
        }
        return List.copyOf(new LinkedHashSet<>(peers));
    }
}
