package clf.blockchain;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * After a test run, says once for each unfinished exercise which one it is, in plain words, and writes every
 * test's verdict to target/exercise-report.tsv for tools/Workshop.java and tools/Check.java. A test belongs to the
 * exercise of its {@code exercise-N.k} tag, or else to the exercise named by the stub it ran into.
 */
public final class ExerciseReport implements TestExecutionListener {

    private static final Pattern STUB = Pattern.compile("Exercise (\\d+\\.\\d+): ");
    /** This step's exercises are N.k, N the number of its folder: "4." in step04-http-api. */
    private static final String OWN = Path.of("").toAbsolutePath().getFileName().toString()
            .replaceAll("^step0*(\\d+)-.*$", "$1.");

    /** Tags: the exercises of each test that the verdict is for, several for a class that could not be set up. */
    record Verdict(String exercise, String test, boolean passed, String message, List<Set<String>> tags) {
    }

    private final List<Verdict> verdicts = new ArrayList<>();
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        boolean passed = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
        // An engine fails with the class whose setup failed; that class says it once.
        if (!test.isTest() && (passed || test.getParentId().isEmpty())) {
            return;
        }
        // A class that cannot be set up belongs to the exercises of its tests.
        List<Set<String>> tags = plan.getDescendants(test).stream().filter(TestIdentifier::isTest)
                .map(ExerciseReport::exercises).distinct().toList();
        if (tags.isEmpty()) {
            tags = List.of(exercises(test));
        }
        String message = result.getThrowable().map(ExerciseReport::firstLine).orElse("");
        Set<String> tagged = new HashSet<>(exercises(test));
        tags.forEach(tagged::addAll);
        // A test counts for this step's exercise of its tag (the latest), red or green alike; else for the stub it
        // ran into; else for its latest tag, of an earlier step.
        String exercise = tagged.stream().filter(e -> e.startsWith(OWN)).max(Comparator.comparing(ExerciseReport::rank))
                .or(() -> result.getThrowable().flatMap(ExerciseReport::stub))
                .or(() -> tagged.stream().max(Comparator.comparing(ExerciseReport::rank)))
                .orElse("-");
        verdicts.add(new Verdict(exercise, name(test), passed, message, tags));
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        Map<String, List<Verdict>> failed = new TreeMap<>();
        for (Verdict verdict : verdicts) {
            if (!verdict.passed() && !verdict.exercise().equals("-")) {
                failed.computeIfAbsent(verdict.exercise(), e -> new ArrayList<>()).add(verdict);
            }
        }
        // The failure that names the exercise's stub says the most, then one where a node answered 500 (it ran into
        // the stub), then the others.
        failed.values().forEach(tests -> tests.sort(Comparator.comparing(ExerciseReport::telling)));
        failed.forEach((exercise, tests) -> System.out.printf("%nExercise %s is not done: %d test%s fail%s, the first: %s%n"
                + "  %s%n  hint: java tools/Workshop.java hint %s%n", exercise, tests.size(), tests.size() == 1 ? "" : "s",
                tests.size() == 1 ? "s" : "", tests.get(0).test(), tests.get(0).message(), exercise));
        List<Verdict> others = verdicts.stream().filter(v -> !v.passed() && v.exercise().equals("-")).toList();
        if (!others.isEmpty()) {
            System.out.printf("%n%d test%s of no exercise fail%s, the first: %s%n  %s%n", others.size(),
                    others.size() == 1 ? "" : "s", others.size() == 1 ? "s" : "", others.get(0).test(),
                    others.get(0).message());
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of("target", "exercise-report.tsv")))) {
            for (Verdict verdict : verdicts) {
                out.println(String.join("\t", verdict.exercise(), verdict.test(), verdict.passed() ? "passed" : "failed",
                        verdict.message(), verdict.tags().stream().map(t -> String.join(",", t))
                        .collect(Collectors.joining(";"))));
            }
        } catch (IOException e) {
            System.err.println("could not write target/exercise-report.tsv: " + e.getMessage());
        }
    }

    private static Set<String> exercises(TestIdentifier test) {
        return test.getTags().stream().map(TestTag::getName).filter(t -> t.startsWith("exercise-"))
                .map(t -> t.substring("exercise-".length())).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String name(TestIdentifier test) {
        String source = test.getSource().map(Object::toString).orElse("");
        Matcher method = Pattern.compile("className = '(?:[\\w.]+\\.)?(\\w+)', methodName = '(\\w+)'").matcher(source);
        String display = test.getDisplayName().replaceFirst("^\\[\\d+\\] ", "");
        return method.find() ? method.group(1) + "." + method.group(2)
                + (display.startsWith(method.group(2)) ? "" : " [" + display + "]") : display;
    }

    private static int telling(Verdict verdict) {
        return STUB.matcher(verdict.message()).find() ? 0 : verdict.message().contains("500") ? 1 : 2;
    }

    /** Exercise 10.1 comes after 9.2: numbers, not text. */
    private static long rank(String exercise) {
        String[] parts = exercise.split("\\.");
        return Long.parseLong(parts[0]) * 1000 + Long.parseLong(parts[1]);
    }

    private static String firstLine(Throwable thrown) {
        String message = String.valueOf(thrown.getMessage());
        Optional<String> stub = stubMessage(thrown);
        String text = stub.orElse(thrown.getClass().getSimpleName() + ": " + message);
        return text.lines().findFirst().orElse("").replace('\t', ' ');
    }

    private static Optional<String> stubMessage(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t.getMessage() != null && STUB.matcher(t.getMessage()).find()) {
                return Optional.of(t.getMessage().substring(t.getMessage().indexOf("Exercise ")));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> stub(Throwable thrown) {
        return stubMessage(thrown).map(STUB::matcher).filter(Matcher::find).map(m -> m.group(1));
    }
}
