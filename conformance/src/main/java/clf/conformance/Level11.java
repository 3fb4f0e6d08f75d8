package clf.conformance;

import static clf.conformance.Context.expect;
import static clf.conformance.Context.expectStatus;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Level 11, step 11: gossip. The kit's peers register with the node; one listens for the blocks the node announces,
 * another announces blocks of its own, which it serves at {@code GET /chain?from=N}: a valid one must be fetched,
 * added and passed on to the listener (and not back to its sender), an invalid one refused and passed on to no one.
 */
final class Level11 {

    static final String PAGE = "docs/reference/step11-gossip.md#the-route-and-the-header";
    /** How long a block may take to reach the kit's peer. */
    static final Duration WITHIN = Duration.ofSeconds(5);
    /** How long the kit watches for a block that must not be passed on. */
    static final Duration WATCHED = Duration.ofSeconds(2);

    private Level11() {
    }

    static List<Check> checks() {
        return List.of(
                new Check(11, "a block mined on the node reaches a peer that registered with it, within 5 s", PAGE,
                        Level11::minedBlockReachesAPeer),
                new Check(11, "a valid block announced by a peer is fetched from it, added, and passed on to the node's"
                        + " other peers but not back to the sender", PAGE, Level11::validBlockIsPassedOn),
                new Check(11, "an invalid block announced by a peer is refused and passed on to no one", PAGE,
                        Level11::invalidBlockIsNotPassedOn));
    }

    private static void minedBlockReachesAPeer(Context c) throws Exception {
        GossipPeer listener = c.registered("listener");
        Exchange mined = expectStatus(c.node.get("/mine"), 200, "HTTP 200: a new block");
        JsonArray chain = c.readChain();
        JsonElement block = chain.get(chain.size() - 1);
        String hash = PythonJson.hash(block);
        boolean told = within(WITHIN, () -> listener.toldOf(chain.size(), hash) != null);
        expect(told, "no announcement of block " + chain.size() + " reached the kit's peer within " + WITHIN.toSeconds()
                + " s" + (listener.announcements().isEmpty() ? "" : "; it was told of " + listener.announcements()), mined,
                "POST /blocks/announce {\"index\": " + chain.size() + ", \"hash\": \"" + hash + "\"} at http://"
                + listener.address() + ", the peer that registered with the node");
        String from = listener.toldOf(chain.size(), hash).from();
        expect(from != null && from.matches("https?://[^/\\s]+:\\d+/?"), "the announcement's X-Node-Address is "
                + (from == null ? "missing" : "\"" + from + "\""), mined, "X-Node-Address: the node's own address, as"
                + " http://host:port, where the peer fetches the block with GET /chain?from=N");
        c.advertised = from.replaceFirst("/$", "");
    }

    private static void validBlockIsPassedOn(Context c) throws Exception {
        GossipPeer listener = c.registered("listener");
        GossipPeer sender = c.registered("sender");
        JsonArray longer = c.extend(c.readChain(), 1);
        sender.serve(longer);
        int index = longer.size();
        String hash = PythonJson.hash(longer.get(index - 1));
        Exchange answer = announce(c, sender, index, hash);
        expect(answer.status() >= 200 && answer.status() < 300, "the status is " + answer.status() + ", not 201", answer,
                "HTTP 201: block " + index + " was fetched from http://" + sender.address() + ", checked and added");
        boolean added = within(WITHIN, () -> holds(c, index, hash));
        expect(added, "GET /chain does not hold block " + index + " within " + WITHIN.toSeconds() + " s", answer,
                "the node fetches block " + index + " from http://" + sender.address() + " (GET /chain?from=N), checks it"
                + " and adds it");
        boolean told = within(WITHIN, () -> listener.toldOf(index, hash) != null);
        expect(told, "the node did not pass block " + index + " on to its other peer within " + WITHIN.toSeconds() + " s",
                answer, "POST /blocks/announce {\"index\": " + index + ", \"hash\": \"" + hash + "\"} at http://"
                + listener.address());
        // The node tells all its peers at once: what the sender was told by now, it was told with the listener.
        Thread.sleep(300);
        expect(sender.toldOf(index, hash) == null, "the node announced block " + index + " back to its sender", answer,
                "the block passed on to every peer but http://" + sender.address() + ", which announced it");
    }

    private static void invalidBlockIsNotPassedOn(Context c) throws Exception {
        GossipPeer listener = c.registered("listener");
        GossipPeer sender = c.registered("sender");
        JsonArray chain = c.readChain();
        JsonArray longer = c.extend(chain, 1);
        int index = longer.size();
        JsonObject last = longer.get(index - 2).getAsJsonObject();
        long proof = longer.get(index - 1).getAsJsonObject().get("proof").getAsLong() + 1;
        while (PythonJson.validProof(last.get("proof").getAsLong(), proof, c.linkOf(last))) {
            proof++;
        }
        JsonArray bad = ChainMaker.withBlockChanged(longer, index, "proof", new JsonPrimitive(proof));
        sender.serve(bad);
        String hash = PythonJson.hash(bad.get(index - 1));
        Exchange answer = announce(c, sender, index, hash);
        c.expectRefused(answer, 400, "block " + index + "'s proof is not valid: the block is refused");
        boolean passedOn = within(WATCHED, () -> listener.toldOf(index, hash) != null);
        expect(!passedOn, "the node passed block " + index + ", which breaks a rule, on to its other peer", answer,
                "no announcement of block " + index + " at http://" + listener.address() + ": a node checks a block"
                + " before it passes it on");
        expect(PythonJson.dumps(c.readChain()).equals(PythonJson.dumps(chain)), "GET /chain changed", null,
                "the node's chain, unchanged: block " + index + "'s proof is not valid");
    }

    static Exchange announce(Context c, GossipPeer sender, int index, String hash) {
        return c.node.postFrom("/blocks/announce", "{\"index\": " + index + ", \"hash\": \"" + hash + "\"}",
                "http://" + sender.address());
    }

    /** Whether the node's GET /chain has block {@code hash} at {@code index}. */
    private static boolean holds(Context c, int index, String hash) {
        Exchange answer = c.node.get("/chain?from=" + index);
        if (answer.status() != 200 || !answer.json().isJsonObject() || !answer.json().getAsJsonObject().has("chain")) {
            return false;
        }
        JsonArray part = answer.json().getAsJsonObject().getAsJsonArray("chain");
        // A node of the text's kind sends the whole chain whatever the parameter.
        JsonElement from = answer.json().getAsJsonObject().get("from");
        int first = from == null ? 1 : from.getAsInt();
        return index - first < part.size() && index - first >= 0 && PythonJson.hash(part.get(index - first)).equals(hash);
    }

    /** Waits until the condition holds, for at most {@code limit}; says whether it did. */
    static boolean within(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }
}
