package clf.conformance;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** What the checks share: the node, its dialect and level, the kit's keys and peer, and what was learnt so far. */
public final class Context implements AutoCloseable {

    final NodeClient node;
    final Dialect dialect;
    final int level;
    /** From level 6 on, in the strict dialect, a proof covers the last block's hash (step 03's linked rule). */
    final boolean linked;
    /** How the node reaches the kit's peers. */
    final String peerHost;
    final Keys kit = new Keys();
    final Keys other = new Keys();
    private ScriptedPeer peer;
    /** From level 11 on: the kit's peers that speak gossip, made when a check first needs them. */
    private final Map<String, GossipPeer> gossipPeers = new LinkedHashMap<>();
    private final Set<String> registered = new HashSet<>();
    /** The address the node gives itself in X-Node-Address, once it has announced a block to the kit. */
    String advertised;
    /** The chain of the node as the last check that read it saw it. */
    JsonArray chain;
    /** The kit's payment that level 6 expects in the next block. */
    JsonObject payment;

    Context(NodeClient node, Dialect dialect, int level, String peerHost) {
        this.peerHost = peerHost;
        this.node = node;
        this.dialect = dialect;
        this.level = level;
        this.linked = dialect == Dialect.STRICT && level >= 6;
    }

    /** What a proof after {@code last} covers besides the last proof: its hash under the linked rule. */
    String linkOf(JsonElement last) {
        return linked ? PythonJson.hash(last) : "";
    }

    JsonArray extend(JsonArray chain, int blocks) {
        return ChainMaker.extend(chain, blocks, kit.address(), linked);
    }

    ScriptedPeer peer() throws Exception {
        if (peer == null) {
            peer = ScriptedPeer.serving(peerHost);
        }
        return peer;
    }

    /** The kit's gossip peer of this role ("listener", "sender", ...), made on first use. */
    GossipPeer gossipPeer(String role) throws Exception {
        GossipPeer existing = gossipPeers.get(role);
        if (existing == null) {
            existing = new GossipPeer(peerHost);
            gossipPeers.put(role, existing);
        }
        return existing;
    }

    /** Registers the kit's gossip peer with the node, as a peer would make itself known, once. */
    GossipPeer registered(String role) throws Exception {
        GossipPeer peer = gossipPeer(role);
        if (registered.add(role)) {
            String address = "http://" + peer.address();
            Exchange answer = expectStatus(node.postFrom("/nodes/register", "{\"nodes\": [\"" + address + "\"]}", address),
                    201, "HTTP 201: the kit's peer " + address + " is registered");
            expect(field(answer, answer.json(), "total_nodes").toString().contains(peer.address()), "total_nodes does"
                    + " not hold " + peer.address(), answer, "every registered peer, " + address + " among them");
        }
        return peer;
    }

    JsonArray readChain() {
        Exchange answer = expectStatus(node.get("/chain"), 200, "GET /chain answers 200 with the chain");
        JsonElement chain = field(answer, answer.json(), "chain");
        if (!chain.isJsonArray()) {
            throw new Failure("'chain' is not a list", answer, "{\"chain\": [blocks], \"length\": N}");
        }
        this.chain = chain.getAsJsonArray();
        return this.chain;
    }

    static Exchange expectStatus(Exchange answer, int status, String expected) {
        if (answer.status() != status) {
            throw new Failure("the status is " + answer.status() + ", not " + status, answer, expected);
        }
        return answer;
    }

    /** A refusal: in the strict dialect a 400 (or {@code status}) whose JSON says what is wrong and how to fix it. */
    Exchange expectRefused(Exchange answer, int status, String why) {
        if (dialect == Dialect.TEXT) {
            if (!answer.isClientError()) {
                throw new Failure("the status is " + answer.status() + ", not a 4xx", answer, "a 4xx: " + why);
            }
            return answer;
        }
        expectStatus(answer, status, "HTTP " + status + " with {\"error\": ..., \"hint\": ...}: " + why);
        JsonElement body = answer.json();
        for (String key : new String[] {"error", "hint"}) {
            if (!body.isJsonObject() || !body.getAsJsonObject().has(key) || !body.getAsJsonObject().get(key).isJsonPrimitive()) {
                throw new Failure("the refusal has no '" + key + "'", answer,
                        "{\"error\": what is wrong, \"hint\": how to fix it}");
            }
        }
        return answer;
    }

    static JsonElement field(Exchange answer, JsonElement json, String name) {
        if (!json.isJsonObject() || !json.getAsJsonObject().has(name)) {
            throw new Failure("the answer has no '" + name + "'", answer, "a JSON object with '" + name + "'");
        }
        return json.getAsJsonObject().get(name);
    }

    static void expect(boolean rule, String problem, Exchange answer, String expected) {
        if (!rule) {
            throw new Failure(problem, answer, expected);
        }
    }

    @Override
    public void close() throws Exception {
        if (peer != null) {
            peer.close();
        }
        for (GossipPeer gossipPeer : gossipPeers.values()) {
            gossipPeer.close();
        }
    }
}
