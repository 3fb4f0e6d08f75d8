package clf.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import clf.workshop.RepositoryCopy.Result;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** tools/Workshop.java used as a learner uses it, on a git copy of step 01. */
class WorkshopIT {

    private static final String STEP = RepositoryCopy.STEP;
    private static final String CANONICAL_JSON = STEP + "/src/main/java/clf/blockchain/CanonicalJson.java";
    private static final String BLOCKCHAIN = STEP + "/src/main/java/clf/blockchain/Blockchain.java";

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
    void verifyIsRedAfterStartAndGreenOnceTheExercisesAreWritten() throws Exception {
        Result start = workshop("start", STEP);
        assertEquals(0, start.exit(), start.output());
        assertTrue(Files.readString(copy.file(CANONICAL_JSON)).contains("Exercise 1.1: "), "1.1 is a stub now");

        Result red = workshop("verify", STEP);
        assertEquals(1, red.exit(), red.output());
        assertTrue(red.output().contains("1.1  not done: "), red.output());
        assertTrue(red.output().contains("run `java tools/Workshop.java hint 1.1` for a hint"), red.output());
        assertTrue(red.output().contains("step01-block: 0 of 2 exercises done"), red.output());

        copy.writeTheSolution(CANONICAL_JSON);
        copy.writeTheSolution(BLOCKCHAIN);
        Result green = workshop("verify", STEP);
        assertEquals(0, green.exit(), green.output());
        assertTrue(green.output().contains("step01-block: 2 of 2 exercises done"), green.output());
        assertTrue(workshop("progress").output().contains("step01-block             2 of 2 done"));
    }

    @Test
    void hintGivesTheNextLayerEachTimeThenTheIdeaOfTheSolution() throws Exception {
        assertTrue(workshop("hint", "1.1").output().startsWith("exercise 1.1, hint 1 of 2\n"));
        assertTrue(workshop("hint", "1.1").output().startsWith("exercise 1.1, hint 2 of 2\n"));
        Result idea = workshop("hint", "1.1");
        assertTrue(idea.output().startsWith("exercise 1.1, the idea of the solution\n"), idea.output());
        assertTrue(idea.output().contains("that was the last layer"), idea.output());
        assertTrue(workshop("hint", "1.1", "1").output().startsWith("exercise 1.1, hint 1 of 2\n"));
        Result unknown = workshop("hint", "1.9");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.output().contains("step01-block has no exercise 1.9; it has 1.1, 1.2"), unknown.output());
    }

    @Test
    void watchGivesANewVerdictAfterEachSaveAndMovesOnOnceGreen() throws Exception {
        assertEquals(0, workshop("start", STEP).exit());
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Process watch = copy.start(Map.of(), "Workshop.java", "watch");
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(watch.getInputStream()))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("read failed: " + e);
            }
        });
        reader.setDaemon(true);
        reader.start();

        String first = until(lines, "(red, ");
        assertTrue(first.contains("1.1  not done: "), first);

        copy.writeTheSolution(CANONICAL_JSON);
        String second = until(lines, "on to exercise 1.2");
        assertTrue(second.contains("1.1  done: "), second);
        assertTrue(second.contains("(green, "), second);
        String third = until(lines, "(red, ");
        assertTrue(third.contains("1.2  not done: "), third);
        assertTrue(workshop("progress").output().contains("step01-block             1 of 2 done   started: 1.2"));
    }

    @Test
    void resetSavesTheWorkAgainstTheStubsAndWhatWasDoneStaysDone() throws Exception {
        assertTrue(workshop("progress").output().contains("step01-block             not started\n"));
        Result start = workshop("start", STEP);
        assertTrue(!start.output().contains("git diff"), start.output());
        assertTrue(start.output().contains("reset step01-block, which first saves your work in "
                + Path.of(".workshop", "work", "step01-block.patch")), start.output());
        // The learner's 1.1: the solution, and a line of their own.
        String mine = Files.readString(RepositoryCopy.REPOSITORY.resolve(CANONICAL_JSON))
                .replace("// exercise 1.1 begin\n", "// exercise 1.1 begin\n        // my own way\n");
        Files.writeString(copy.file(CANONICAL_JSON), mine);
        assertEquals(1, workshop("verify", STEP).exit(), "1.1 done, 1.2 not");

        Result reset = workshop("reset", STEP);
        assertEquals(0, reset.exit(), reset.output());
        Path patch = Path.of(".workshop", "work", "step01-block.patch");
        assertTrue(reset.output().contains("Your work in it is saved in " + patch + ", against the stubs"), reset.output());
        assertTrue(reset.output().contains("Done, and still done: 1.1."), reset.output());
        assertEquals("", copy.run("git", "status", "--porcelain"), "the step is the solution again");
        assertTrue(Files.readString(copy.file(".workshop/progress.properties")).contains("1.1=done"));
        String progress = workshop("progress").output();
        assertTrue(progress.contains("step01-block             1 of 2 done\n"), progress);

        String saved = Files.readString(copy.file(patch.toString()));
        assertTrue(saved.startsWith("diff --git a/" + CANONICAL_JSON + " b/" + CANONICAL_JSON + "\n"), saved);
        assertTrue(saved.contains("\n-        throw new UnsupportedOperationException(\"Exercise 1.1: "), saved);
        assertTrue(saved.contains("\n+        // my own way\n"), saved);
        assertTrue(!saved.contains("Blockchain.java"), "1.2 was left a stub: nothing of the learner's there");
        assertEquals(0, workshop("start", STEP).exit());
        copy.run("git", "apply", patch.toString());
        assertEquals(mine, Files.readString(copy.file(CANONICAL_JSON)), "start, then git apply, brings the work back");
    }

    @Test
    void aStepStartedAndResetIsNoLongerNotStarted() throws Exception {
        assertEquals(0, workshop("start", STEP).exit());
        Result reset = workshop("reset", STEP);
        assertEquals(0, reset.exit(), reset.output());
        assertTrue(reset.output().contains("Nothing to save: its files were the stubs or the solution."), reset.output());
        assertTrue(!Files.exists(copy.file(".workshop/work/step01-block.patch")));
        assertTrue(workshop("progress").output().contains("step01-block             0 of 2 done\n"));
    }

    @Test
    void aMavenOlderThan38OnThePathLeavesTheTestsToTheWrapper() throws Exception {
        Path bin = copy.file("old-maven");
        Files.createDirectories(bin);
        Files.writeString(bin.resolve("mvn"), "#!/bin/sh\necho 'Apache Maven 3.6.3'\n");
        assertTrue(bin.resolve("mvn").toFile().setExecutable(true));
        Map<String, String> path = Map.of("PATH", bin + java.io.File.pathSeparator + System.getenv("PATH"));

        Matcher pinned = Pattern.compile("apache-maven-([0-9.]+)-bin")
                .matcher(Files.readString(copy.file(".mvn/wrapper/maven-wrapper.properties")));
        assertTrue(pinned.find());
        Result doctor = copy.tool(path, "Workshop.java", "doctor");
        assertTrue(doctor.output().contains("ok       Maven " + pinned.group(1) + " through ./mvnw, the Maven Wrapper (`mvn` is 3.6.3,"
                + " older than 3.8; the pages and this command use ./mvnw)"), doctor.output());
        Result verify = copy.tool(path, "Workshop.java", "verify", STEP);
        assertEquals(0, verify.exit(), verify.output());
        assertTrue(verify.output().contains("step01-block: 2 of 2 exercises done"), verify.output());
    }

    @Test
    void onceTheWrapperHasItsMavenTheTestsRunWithItNotWithTheMavenOnThePath() throws Exception {
        // The offline cache is the wrapper's Maven's; another Maven may need what it never fetched (3.8's plexus-utils 1.1).
        Process fetch = new ProcessBuilder(copy.root.resolve("mvnw").toString(), "-q", "-v").directory(copy.root.toFile())
                .redirectErrorStream(true).start();
        String fetched = new String(fetch.getInputStream().readAllBytes());
        assertEquals(0, fetch.waitFor(), fetched);
        Path bin = copy.file("other-maven");
        Files.createDirectories(bin);
        Files.writeString(bin.resolve("mvn"), "#!/bin/sh\nif [ \"$1\" = -v ]; then echo 'Apache Maven 3.8.7'; exit 0; fi\n"
                + "echo 'the Maven on the PATH was used'; exit 1\n");
        assertTrue(bin.resolve("mvn").toFile().setExecutable(true));
        Map<String, String> path = Map.of("PATH", bin + java.io.File.pathSeparator + System.getenv("PATH"));
        Result verify = copy.tool(path, "Workshop.java", "verify", STEP);
        assertEquals(0, verify.exit(), verify.output());
        assertTrue(verify.output().contains("step01-block: 2 of 2 exercises done"), verify.output());
    }

    /** The lines up to the first that contains the text, within two minutes (the first run builds the step). */
    private static String until(BlockingQueue<String> lines, String text) throws InterruptedException {
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null) {
                seen.append(line).append('\n');
                if (line.contains(text)) {
                    return seen.toString();
                }
            }
        }
        throw new AssertionError("no line with \"" + text + "\" within two minutes; the output was:\n" + seen);
    }

    private Result workshop(String... arguments) throws Exception {
        return copy.tool("Workshop.java", arguments);
    }
}
