package clf.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The kit, run on the node given by -Dnode.url, -Dnode.command or -Dnode.image, at -Dnode.level in -Dnode.dialect;
 * with no node given, on the workshop's complete node (step 16) at level 16, or on step 12's node at a level of 4 to
 * 12. One test per check, in order.
 */
class ConformanceTest {

    private static NodeUnderTest node;
    private static Kit kit;

    @TestFactory
    Stream<DynamicNode> theNodeKeepsTheRulesOfEveryLevel() throws Exception {
        Dialect dialect = Dialect.parse(System.getProperty("node.dialect"));
        String asked = System.getProperty("node.level", "");
        int level = asked.isBlank() ? highest(dialect) : level(asked);
        node = start(level);
        kit = new Kit(new NodeClient(node.url()), level, dialect, node.peerHost());
        System.out.println("== checking " + node.url() + "; answers checked against " + kit.describedBy());
        List<Check> checks = kit.checks();
        return checks.stream().map(Check::level).distinct().map(l -> DynamicContainer.dynamicContainer("level " + l,
                checks.stream().filter(check -> check.level() == l).map(check ->
                        DynamicTest.dynamicTest(check.name(), () -> {
                            Report.Result result = kit.run(check);
                            if (!result.passed()) {
                                fail(result.describe());
                            }
                        }))));
    }

    private static int level(String level) {
        try {
            return Integer.parseInt(level.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("node.level is '" + level + "'; it is a step number, " + Kit.LOWEST + " to "
                    + Kit.HIGHEST + " or " + Kit.MERKLE + ": -Dnode.level=5 runs levels 4 and 5");
        }
    }

    private static int highest(Dialect dialect) {
        return dialect == Dialect.TEXT ? 5 : Kit.MERKLE;
    }

    private static NodeUnderTest start(int level) throws Exception {
        String url = System.getProperty("node.url", "");
        String command = System.getProperty("node.command", "");
        String image = System.getProperty("node.image", "");
        if (!url.isBlank()) {
            return NodeUnderTest.at(url.trim());
        }
        if (!command.isBlank()) {
            // The command runs where Maven was run, so that its paths read as typed there.
            return NodeUnderTest.start(command, Path.of(System.getProperty("kit.directory", ".")), Path.of("target", "node.log"));
        }
        if (!image.isBlank()) {
            return NodeUnderTest.image(image.trim());
        }
        return NodeUnderTest.start(WorkshopNodes.command(level == Kit.MERKLE ? Kit.MERKLE : Kit.HIGHEST), Path.of("."),
                Path.of("target", "node.log"));
    }

    @AfterAll
    static void summary() throws Exception {
        if (kit != null) {
            System.out.println(kit.report().summary());
            kit.close();
        }
        if (node != null) {
            node.close();
        }
    }
}
