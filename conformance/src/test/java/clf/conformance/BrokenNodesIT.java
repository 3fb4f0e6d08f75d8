package clf.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The kit fails a node that breaks a rule, and says which: the text's node with one rule broken at a time
 * (src/test/resources/broken-node.py), in the text dialect at level 5; step 12's node without its gossip, at
 * level 11; and step 16's node behind a proxy that changes its roots or its proofs, at level 16.
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

    /** Step 16's node behind a proxy that changes one thing: level 16 fails it at the rule that it breaks. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "REORDERS_TRANSACTIONS | each block's merkle_root is the RFC 6962 root of its transactions, in block order, and transaction_count is their number | but the root of its 6 transactions is",
            "FLIPS_A_PATH_BIT      | GET /transactions/{id}/proof of each transaction is the path from its leaf to its block's merkle_root | the path is not RFC 6962"})
    void aNodeWithAWrongRootOrAWrongProofFailsLevel16(TamperingProxy.Kind kind, String check, String problem) throws Exception {
        try (NodeUnderTest node = NodeUnderTest.start(WorkshopNodes.command(16), Path.of("."), Path.of("target", kind + ".log"));
                TamperingProxy proxy = new TamperingProxy(kind, node.url());
                Kit kit = new Kit(new NodeClient(proxy.url()), 16, Dialect.STRICT)) {
            Report report = kit.runAll();
            List<Report.Result> failures = report.failures();
            assertTrue(!failures.isEmpty(), "the kit passed a node that " + kind);
            assertEquals(check, failures.get(0).check().name(), report.summary());
            String message = failures.get(0).describe();
            assertTrue(message.contains("problem:  ") && message.contains(problem), "wanted '" + problem + "' in: " + message);
            assertTrue(message.contains("read:     docs/reference/step16-merkle-proofs.md#every-change"),
                    "wanted the page that explains the rule in: " + message);
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
