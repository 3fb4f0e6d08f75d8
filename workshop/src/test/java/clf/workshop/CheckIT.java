package clf.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clf.workshop.RepositoryCopy.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** tools/Check.java used as a maintainer and CI use it, on a git copy of step 01. */
class CheckIT {

    private static final String STEP = RepositoryCopy.STEP;
    private static final String PAGE = "docs/" + STEP + ".md";

    private RepositoryCopy copy;

    @BeforeEach
    void copyStepOne() throws Exception {
        copy = new RepositoryCopy();
    }

    @AfterEach
    void removeCopy() throws IOException {
        copy.close();
    }

    @Test
    void checksEveryExerciseBothWaysAndLeavesTheSourcesAndTheBuildAsTheyWere() throws Exception {
        copy.run("./mvnw", "-o", "-q", "-B", "-f", STEP + "/pom.xml", "package", "-DskipTests");
        Map<Path, FileTime> before = times();
        Result check = copy.tool("Check.java", "1");
        assertEquals(0, check.exit(), check.output());
        assertTrue(check.output().contains("exercise 1.1 stripped: all "), check.output());
        assertTrue(check.output().contains("exercise 1.1 done, the later ones stripped: its "), check.output());
        assertTrue(check.output().contains("every exercise checked both ways, every page in shape"), check.output());
        assertEquals("", copy.run("git", "status", "--porcelain"), "the check put every source back");
        assertEquals(before, times(), "the sources and the build are as they were, to the millisecond");
    }

    /** When each file of the step, its sources and its build, was last changed. */
    private Map<Path, FileTime> times() throws IOException {
        Map<Path, FileTime> times = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(copy.file(STEP))) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                times.put(file, Files.getLastModifiedTime(file));
            }
        }
        return times;
    }

    @Test
    void aTestWithTheWrongTagOrNoneFailsTheCheck() throws Exception {
        Path tests = copy.file(STEP + "/src/test/java/clf/blockchain/BlockchainTest.java");
        String source = Files.readString(tests);
        String first = "    @Tag(\"exercise-1.2\")\n    void startsWithTheGenesisBlockOfTheText";
        String second = "    @Tag(\"exercise-1.2\")\n    void genesisHashesToThePreviousHashTheTextPrintsForBlock2";
        assertTrue(source.contains(first) && source.contains(second), "the two tests are tagged exercise-1.2");
        Files.writeString(tests, source.replace(first, first.replace("1.2", "1.1")).replace(second,
                second.substring(second.indexOf('\n') + 1)));
        Result check = copy.tool("Check.java", STEP);
        assertEquals(1, check.exit(), check.output());
        assertTrue(check.output().contains("FAILED: with its exercises stripped, tests of no exercise fail: tag them, or"
                + " make them independent of the exercises: BlockchainTest.genesisHashesToThePreviousHashTheTextPrintsForBlock2"),
                check.output());
        assertTrue(check.output().contains("FAILED: exercise 1.1 done, the later ones not: its tests must pass, but"
                + " BlockchainTest.startsWithTheGenesisBlockOfTheText ("), check.output());
        assertTrue(check.output().contains("exercise 1.2 stripped: all 5 of its tests fail"), check.output());
    }

    @Test
    void aPageOutOfShapeFailsTheCheck() throws Exception {
        Files.writeString(copy.file(PAGE), Files.readString(copy.file(PAGE)).replace("\n## Recap\n", "\n## Summary\n"));
        Result check = copy.tool("Check.java", STEP);
        assertEquals(1, check.exit(), check.output());
        assertTrue(check.output().contains("FAILED: docs/step01-block.md needs the headings"), check.output());
    }

    @Test
    void discoverNamesTheTestsThatFailWithoutEachExercise() throws Exception {
        Result discover = copy.tool("Check.java", "discover", STEP);
        assertEquals(0, discover.exit(), discover.output());
        assertTrue(discover.output().matches("(?s)exercise-1\\.1: \\S.*\nexercise-1\\.2: \\S.*"), discover.output());
        assertEquals("", copy.run("git", "status", "--porcelain"));
    }

    @Test
    void badInputGetsASentenceAndNoStackTrace() throws Exception {
        Result unknown = copy.tool("Check.java", "step99");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.output().startsWith("error: step99 is not a step of this workshop; the steps are step01-block"),
                unknown.output());
        Result usage = copy.tool("Check.java", "discover");
        assertEquals(2, usage.exit());
        assertTrue(usage.output().startsWith("error: discover needs one step"), usage.output());
        Result learners = copy.tool("Workshop.java", "check");
        assertEquals(1, learners.exit());
        assertEquals("error: check is for maintainers: java tools/Check.java [STEP...]\n", learners.output());
        for (Result result : new Result[] {unknown, usage, learners}) {
            assertTrue(!result.output().contains("Exception") && !result.output().contains("\tat "), result.output());
        }
    }
}
