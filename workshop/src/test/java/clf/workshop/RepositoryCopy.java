package clf.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A git copy of the repository reduced to step 01 (the root pom, the Maven Wrapper, the step, its page and the
 * tools), in which the tests run tools/Workshop.java and tools/Check.java so that the repository is never touched.
 */
final class RepositoryCopy implements AutoCloseable {

    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    static final String STEP = "step01-block";

    record Result(int exit, String output) {
    }

    final Path root;
    private final List<Process> started = new ArrayList<>();

    RepositoryCopy() throws Exception {
        root = Files.createTempDirectory("workshop-it-");
        for (String file : List.of("pom.xml", ".gitignore", ".gitattributes", "mvnw", "mvnw.cmd",
                ".mvn/wrapper/maven-wrapper.properties", "docs/" + STEP + ".md", "tools/Workshop.java",
                "tools/Check.java", STEP + "/pom.xml")) {
            copyTree(REPOSITORY.resolve(file), root.resolve(file));
        }
        copyTree(REPOSITORY.resolve(STEP).resolve("src"), root.resolve(STEP).resolve("src"));
        run("git", "init", "-q");
        run("git", "add", ".");
        run("git", "-c", "user.name=WorkshopIT", "-c", "user.email=workshop@example.org", "commit", "-q", "-m", "step 01");
    }

    /** Runs one of the tools with the arguments, and waits for it to end. */
    Result tool(String tool, String... arguments) throws Exception {
        return tool(Map.of(), tool, arguments);
    }

    /** The same, with more variables in its environment. */
    Result tool(Map<String, String> environment, String tool, String... arguments) throws Exception {
        Process process = start(environment, tool, arguments);
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), tool + " did not end");
        return new Result(process.exitValue(), output);
    }

    /** Starts one of the tools, its errors in its output; the copy stops it when it closes. */
    Process start(Map<String, String> environment, String tool, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "tools/" + tool));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        started.add(process);
        return process;
    }

    /** A command in the copy, which must pass; returns its output. */
    String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + output);
        return output;
    }

    Path file(String path) {
        return root.resolve(path);
    }

    /** Writes the repository's own version of the file, which is the solution, into the copy. */
    void writeTheSolution(String path) throws IOException {
        Files.copy(REPOSITORY.resolve(path), root.resolve(path), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws IOException {
        for (Process process : started) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path path : walk.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
