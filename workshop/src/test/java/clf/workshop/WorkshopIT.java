package clf.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * tools/Workshop.java used as a learner uses it, on a git copy of step 01 (the repository's root pom, the step, its
 * page and the tool), so that the repository itself is never touched.
 */
class WorkshopIT {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final String STEP = "step01-block";
    private static final Path CANONICAL_JSON = Path.of(STEP, "src/main/java/clf/blockchain/CanonicalJson.java");

    private Path copy;
    private final List<Process> started = new ArrayList<>();

    record Result(int exit, String output) {
    }

    @BeforeEach
    void copyStepOne() throws Exception {
        copy = Files.createTempDirectory("workshop-it-");
        Files.copy(REPOSITORY.resolve("pom.xml"), copy.resolve("pom.xml"));
        Files.createDirectories(copy.resolve("docs"));
        Files.copy(REPOSITORY.resolve("docs").resolve(STEP + ".md"), copy.resolve("docs").resolve(STEP + ".md"));
        Files.createDirectories(copy.resolve("tools"));
        Files.copy(REPOSITORY.resolve("tools/Workshop.java"), copy.resolve("tools/Workshop.java"));
        Files.copy(REPOSITORY.resolve(".gitignore"), copy.resolve(".gitignore"));
        copyTree(REPOSITORY.resolve(STEP).resolve("pom.xml"), copy.resolve(STEP).resolve("pom.xml"));
        copyTree(REPOSITORY.resolve(STEP).resolve("src"), copy.resolve(STEP).resolve("src"));
        run("git", "init", "-q");
        run("git", "add", ".");
        run("git", "-c", "user.name=WorkshopIT", "-c", "user.email=workshop@example.org", "commit", "-q", "-m", "step 01");
    }

    @AfterEach
    void removeCopy() throws IOException {
        for (Process process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        try (Stream<Path> walk = Files.walk(copy)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Test
    void verifyIsRedAfterStartAndGreenOnceTheExercisesAreWritten() throws Exception {
        Result start = workshop("start", STEP);
        assertEquals(0, start.exit(), start.output());
        assertTrue(Files.readString(copy.resolve(CANONICAL_JSON)).contains("Exercise 1.1: "), "1.1 is a stub now");

        Result red = workshop("verify", STEP);
        assertEquals(1, red.exit(), red.output());
        assertTrue(red.output().contains("1.1  not done: "), red.output());
        assertTrue(red.output().contains("run `java tools/Workshop.java hint 1.1` for a hint"), red.output());
        assertTrue(red.output().contains("step01-block: 0 of 2 exercises done"), red.output());

        writeTheSolution(Path.of(STEP, "src/main/java/clf/blockchain/CanonicalJson.java"));
        writeTheSolution(Path.of(STEP, "src/main/java/clf/blockchain/Blockchain.java"));
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
        Process watch = java("watch");
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

        writeTheSolution(CANONICAL_JSON);
        String second = until(lines, "on to exercise 1.2");
        assertTrue(second.contains("1.1  done: "), second);
        assertTrue(second.contains("(green, "), second);
        String third = until(lines, "(red, ");
        assertTrue(third.contains("1.2  not done: "), third);
        assertTrue(workshop("progress").output().contains("step01-block             1 of 2 done   started: 1.2"));
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

    private void writeTheSolution(Path file) throws IOException {
        // The solution is the repository's own file.
        Files.copy(REPOSITORY.resolve(file), copy.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }

    private Result workshop(String... arguments) throws Exception {
        Process process = java(arguments);
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), "the workshop command did not end");
        return new Result(process.exitValue(), output);
    }

    private Process java(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "tools/Workshop.java"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(copy.toFile()).redirectErrorStream(true).start();
        started.add(process);
        return process;
    }

    private void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(copy.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + output);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path path : walk.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(path, target);
                }
            }
        }
    }
}
