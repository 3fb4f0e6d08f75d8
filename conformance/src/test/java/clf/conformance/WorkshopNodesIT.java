package clf.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The kit on a node of every step that has a level, at that step's level (strict), and on the text's own node (text,
 * levels 4-5).
 */
class WorkshopNodesIT {

    @ParameterizedTest(name = "step {0}")
    @ValueSource(ints = {4, 5, 6, 7, 8, 9, 10, 11, 12, 16})
    void aNodeOfEveryStepPassesItsLevel(int step) throws Exception {
        assertPasses(WorkshopNodes.command(step), step, Dialect.STRICT);
    }

    @Test
    void theTextsOwnNodePassesLevelsFourAndFiveInTheTextDialect() throws Exception {
        assertPasses(WorkshopNodes.TEXT_NODE, 5, Dialect.TEXT);
    }

    static Report check(String command, int level, Dialect dialect, String name) throws Exception {
        try (NodeUnderTest node = NodeUnderTest.start(command, Path.of("."), Path.of("target", name + ".log"));
                Kit kit = new Kit(new NodeClient(node.url()), level, dialect)) {
            Report report = kit.runAll();
            System.out.println(report.summary());
            return report;
        }
    }

    private static void assertPasses(String command, int level, Dialect dialect) throws Exception {
        Report report = check(command, level, dialect, "level" + level + "-" + dialect);
        assertEquals(List.of(), report.failures().stream().map(Report.Result::describe).toList(), report.summary());
    }
}
