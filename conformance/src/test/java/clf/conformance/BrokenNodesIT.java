package clf.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The kit fails a node that breaks a rule, and says which: the text's node with one rule broken at a time
 * (src/test/resources/broken-node.py), in the text dialect at level 5; and step 12's node without its gossip, at
 * level 11.
 */
class BrokenNodesIT {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "adopts-unlinked-chain     | a longer chain with a bad link is refused        | the node did not keep its chain",
            "crashes-on-missing-field  | a transaction without 'amount' is refused with a 4xx | the status is 500, not a 4xx",
            "other-hash                | GET /mine forges block 2 with the text's proof 35293, linked by the text's hash rule | previous_hash is not the hash of the last block by the text's rule"})
    void aBrokenNodeFailsTheKitWithTheRuleItBreaks(String kind, String check, String problem) throws Exception {
        Report report = WorkshopNodesIT.check("/usr/bin/python3 src/test/resources/broken-node.py " + kind + " {port}",
                5, Dialect.TEXT, kind);
        List<Report.Result> failures = report.failures();
        assertTrue(!failures.isEmpty(), "the kit passed a node that " + kind);
        Report.Result first = failures.get(0);
        assertEquals(check, first.check().name(), report.summary());
        String message = first.describe();
        assertTrue(message.contains("problem:  " + problem), message);
        for (String part : List.of("sent:", "got:", "expected:", "read:     docs/")) {
            assertTrue(message.contains(part), "no '" + part + "' in " + message);
        }
    }

    /** Step 12's node started with --no-gossip tells its peers nothing: it keeps levels 4 to 10, and fails 11. */
    @Test
    void aNodeThatAnnouncesNothingFailsLevel11() throws Exception {
        Report report = WorkshopNodesIT.check(WorkshopNodes.command(12) + " --no-gossip", 11, Dialect.STRICT, "no-gossip");
        List<Report.Result> failures = report.failures();
        assertTrue(!failures.isEmpty(), "the kit passed a node that announces nothing");
        assertTrue(failures.stream().allMatch(failure -> failure.check().level() == 11), report.summary());
        Report.Result first = failures.get(0);
        assertEquals("a block mined on the node reaches a peer that registered with it, within 5 s", first.check().name(),
                report.summary());
        String message = first.describe();
        assertTrue(message.contains("problem:  no announcement of block "), message);
        assertTrue(message.contains("reached the kit's peer within 5 s"), message);
        assertTrue(message.contains("read:     docs/reference/step11-gossip.md#the-route-and-the-header"), message);
    }
}
