package clf.conformance;

import static clf.conformance.Context.expect;
import static clf.conformance.Context.expectStatus;
import static clf.conformance.Context.field;

import com.google.gson.JsonArray;
import java.util.ArrayList;
import java.util.List;

/**
 * The levels of the steps beyond the text, where they change the API: 08 (a part of the chain, {@code ?from=N}) and
 * 09 (the node names itself; a body over 64 KiB is refused). Steps 07 and 10 do not change it; 11 and 12 are
 * {@link Level11} and {@link Level12}.
 */
final class ExtensionLevels {

    static final String FROM = "docs/reference/step08-fast-sync.md#every-change";
    static final String HOSTILE = "docs/reference/step09-hostile-network.md#the-answers-to-bad-input";

    private ExtensionLevels() {
    }

    static List<Check> checks(int level) {
        List<Check> checks = new ArrayList<>();
        if (level >= 8) {
            checks.add(new Check(8, "GET /chain?from=2 sends the blocks from index 2 on, and the whole length", FROM, c -> {
                JsonArray whole = c.readChain();
                Exchange answer = expectStatus(c.node.get("/chain?from=2"), 200, "HTTP 200 with blocks 2 and on");
                JsonArray part = field(answer, answer.json(), "chain").getAsJsonArray();
                expect(part.size() == whole.size() - 1 && PythonJson.dumps(part.get(0)).equals(PythonJson.dumps(whole.get(1))),
                        "the blocks sent are not blocks 2 to " + whole.size(), answer, "blocks 2 to " + whole.size());
                expect(field(answer, answer.json(), "length").getAsLong() == whole.size(), "length is not the whole"
                        + " chain's", answer, "length " + whole.size());
            }));
            checks.add(new Check(8, "GET /chain?from=0 is refused", FROM,
                    c -> c.expectRefused(c.node.get("/chain?from=0"), 400, "from is an index, 1 or more")));
        }
        if (level >= 9) {
            checks.add(new Check(9, "every answer names its node in X-Node-Id", HOSTILE, c -> {
                Exchange answer = c.node.get("/chain");
                expect(answer.headers().firstValue("X-Node-Id").isPresent(), "there is no X-Node-Id header", answer,
                        "an X-Node-Id header, by which a node recognises itself among its peers");
            }));
            checks.add(new Check(9, "a body over 64 KiB is refused with 413", HOSTILE,
                    c -> c.expectRefused(c.node.post("/transactions/new", "{\"sender\": \"" + "a".repeat(70_000) + "\"}"),
                            413, "a request is one small JSON object")));
        }
        return checks;
    }
}
