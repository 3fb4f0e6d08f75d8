package clf.conformance;

import static clf.conformance.Context.expect;
import static clf.conformance.Context.expectStatus;
import static clf.conformance.Context.field;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Level 5, step 05: register peers and resolve conflicts. The kit's own peer serves the chains: a shorter one, a
 * longer one with a bad proof, a longer one with a bad link, then a longer valid one, which the node must adopt.
 */
final class Level5 {

    static final String RUN = "docs/step05-consensus.md#run-it";
    static final String REGISTER = "docs/reference/step05-consensus.md#registering-all-or-nothing";
    static final String ERRATA = "docs/reference/step05-consensus.md#what-the-text-gets-wrong-in-full";
    /** How many blocks the kit's valid chain adds: each pays its reward to the kit's key, for level 6. */
    static final int KIT_BLOCKS = 2;

    private Level5() {
    }

    static List<Check> checks(Dialect dialect) {
        List<Check> checks = new ArrayList<>();
        checks.add(new Check(5, "POST /nodes/register adds the kit's peer", REGISTER, Level5::register));
        checks.add(new Check(5, "a register without 'nodes' is refused with a 4xx", REGISTER,
                c -> c.expectRefused(c.node.post("/nodes/register", "{}"), 400, "send {\"nodes\": [\"http://host:port\"]}")));
        if (dialect == Dialect.STRICT) {
            checks.add(new Check(5, "a register with one bad address registers none of the list", REGISTER,
                    Level5::allOrNothing));
        }
        checks.add(new Check(5, "a shorter chain does not replace the node's", RUN, c -> {
            JsonArray shorter = new JsonArray();
            shorter.add(c.readChain().get(0));
            c.peer().serve(shorter);
            kept(c, "the peer's chain is shorter");
        }));
        checks.add(new Check(5, "a longer chain with a bad proof is refused", ERRATA, c -> {
            JsonArray longer = c.extend(c.readChain(), 2);
            long proof = longer.get(longer.size() - 1).getAsJsonObject().get("proof").getAsLong() + 1;
            JsonObject last = longer.get(longer.size() - 2).getAsJsonObject();
            while (PythonJson.validProof(last.get("proof").getAsLong(), proof, c.linkOf(last))) {
                proof++;
            }
            c.peer().serve(ChainMaker.withBlockChanged(longer, longer.size(), "proof", new JsonPrimitive(proof)));
            kept(c, "the last block's proof is not valid");
        }));
        checks.add(new Check(5, "a longer chain with a bad link is refused", ERRATA, c -> {
            JsonArray longer = c.extend(c.readChain(), 1);
            JsonArray unlinked = ChainMaker.withBlockChanged(longer, longer.size(), "previous_hash",
                    new JsonPrimitive(PythonJson.sha256("not the block before")));
            c.peer().serve(c.extend(unlinked, 1));
            kept(c, "block " + longer.size() + " does not link to the hash of the block before");
        }));
        checks.add(new Check(5, "the longest valid chain replaces the node's", RUN, c -> {
            JsonArray longer = c.extend(c.readChain(), KIT_BLOCKS);
            c.peer().serve(longer);
            Exchange answer = resolve(c);
            JsonObject said = answer.json().getAsJsonObject();
            expect(field(answer, said, "message").getAsString().equals("Our chain was replaced"), "the node kept its chain"
                    + (said.has("unusable_peers") ? "; of its peers it says " + said.get("unusable_peers") : ""), answer, "\"Our chain was replaced\": the peer's chain is longer and valid");
            JsonArray now = c.readChain();
            expect(PythonJson.dumps(now).equals(PythonJson.dumps(longer)), "GET /chain is not the peer's chain: it is "
                    + Exchange.shorten(PythonJson.dumps(now)), null,
                    "the peer's chain, block for block: " + Exchange.shorten(PythonJson.dumps(longer)));
        }));
        if (dialect == Dialect.STRICT) {
            checks.add(new Check(5, "a dead peer and a silent peer do not hang the node", ERRATA, Level5::deadPeers));
        }
        return checks;
    }

    private static void register(Context c) throws Exception {
        String peer = c.peer().address();
        Exchange answer = expectStatus(c.node.post("/nodes/register", "{\"nodes\": [\"http://" + peer + "\"]}"), 201,
                "HTTP 201 with every registered peer");
        expect(field(answer, answer.json(), "total_nodes").toString().contains(peer), "total_nodes does not hold "
                + peer, answer, "{\"message\": \"New nodes have been added\", \"total_nodes\": [... \"" + peer + "\" ...]}");
    }

    private static void allOrNothing(Context c) throws Exception {
        String good = c.peerHost + ":1";
        c.expectRefused(c.node.post("/nodes/register", "{\"nodes\": [\"http://" + good + "\", \"ftp://x:1\"]}"), 400,
                "ftp://x:1 is not an address: nothing is registered");
        Exchange answer = expectStatus(c.node.post("/nodes/register", "{\"nodes\": [\"http://" + c.peer().address()
                + "\"]}"), 201, "HTTP 201 with every registered peer");
        for (JsonElement node : field(answer, answer.json(), "total_nodes").getAsJsonArray()) {
            expect(!node.getAsString().replaceFirst("^https?://", "").replaceFirst("/$", "").equals(good),
                    good + " was registered from a list that was refused", answer,
                    "total_nodes without " + good + ": a list with a bad address registers none of its addresses");
        }
    }

    static Exchange resolve(Context c) {
        return expectStatus(c.node.get("/nodes/resolve"), 200, "GET /nodes/resolve answers 200");
    }

    private static void kept(Context c, String why) {
        String before = PythonJson.dumps(c.readChain());
        Exchange answer = resolve(c);
        expect(field(answer, answer.json(), "message").getAsString().equals("Our chain is authoritative"),
                "the node did not keep its chain", answer, "\"Our chain is authoritative\": " + why);
        expect(PythonJson.dumps(c.readChain()).equals(before), "GET /chain changed", null, "the node's chain, unchanged: " + why);
    }

    private static void deadPeers(Context c) throws Exception {
        try (ScriptedPeer silent = ScriptedPeer.silent(c.peerHost); ScriptedPeer dead = ScriptedPeer.silent(c.peerHost)) {
            String deadAddress = dead.address();
            dead.close();
            expectStatus(c.node.post("/nodes/register", "{\"nodes\": [\"http://" + silent.address() + "\", \"http://"
                    + deadAddress + "\"]}"), 201, "HTTP 201");
            long start = System.nanoTime();
            Exchange answer = resolve(c);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            expect(field(answer, answer.json(), "message").getAsString().equals("Our chain is authoritative"),
                    "the node did not keep its chain", answer, "\"Our chain is authoritative\", within "
                            + NodeClient.ANSWER_TIME.toSeconds() + " s (took " + took.toMillis() + " ms)");
        }
    }
}
