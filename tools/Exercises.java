import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns a step of the workshop into exercises and back, and checks that the exercises work. Written in Java so
 * that a learner needs no other toolchain: run it from the repository root as a source file.
 *
 * <pre>
 * java tools/Exercises.java start step03-proof-of-work   replace the step's exercises by stubs that fail clearly
 * java tools/Exercises.java reset step03-proof-of-work   bring the solution back (git restore)
 * java tools/Exercises.java list [STEP]                   list the exercises and what each asks
 * java tools/Exercises.java check [STEP...]               check the exercises both ways (CI runs this)
 * java tools/Exercises.java discover STEP                  for each exercise, the tests that fail without it
 * </pre>
 *
 * The solution marks each exercise in its source: a line {@code // exercise 3.1: <what to do>}, then
 * {@code // exercise 3.1 begin}, the solution's lines, and {@code // exercise 3.1 end}. Exercises of step N are
 * numbered N.1, N.2...; their markers stay in later steps, where the same code stands solved. The tests of an
 * exercise carry {@code @Tag("exercise-3.1")}, and the step's page has a section "### Exercise 3.1" with hints.
 */
public final class Exercises {

    private static final Pattern TODO = Pattern.compile("^(\\s*)// exercise (\\d+\\.\\d+): (.+)$");
    private static final Pattern MARKER = Pattern.compile("^(\\s*)// exercise (\\d+\\.\\d+) (begin|end)\\s*$");

    /** One marked region: where it is, what it asks, and whether its method ends right after it. */
    record Exercise(String id, Path file, int begin, int end, String indent, String todo, boolean endsMethod) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage("");
        }
        try {
            switch (args[0]) {
                case "start" -> start(step(args));
                case "reset" -> reset(step(args));
                case "list" -> list(args.length > 1 ? List.of(args[1]) : steps());
                case "check" -> System.exit(check(args.length > 1 ? List.of(args).subList(1, args.length) : steps()));
                case "discover" -> discover(step(args));
                default -> usage("unknown command " + args[0]);
            }
        } catch (IllegalStateException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void usage(String problem) {
        System.err.println((problem.isEmpty() ? "" : "error: " + problem + "\n\n") + """
                usage: java tools/Exercises.java start STEP     replace STEP's exercises by stubs that fail clearly
                       java tools/Exercises.java reset STEP     bring the solution back
                       java tools/Exercises.java list [STEP]    list the exercises
                       java tools/Exercises.java check [STEP]   check them both ways (as CI does)
                STEP is a module, such as step03-proof-of-work.""");
        System.exit(2);
    }

    private static String step(String[] args) {
        if (args.length < 2) {
            usage(args[0] + " needs a step, such as step03-proof-of-work");
        }
        String step = args[1].replaceAll("/+$", "");
        if (!Files.isDirectory(Path.of(step, "src", "main", "java"))) {
            throw new IllegalStateException(step + " is not a step of this workshop (run from the repository root;"
                    + " the steps are " + String.join(", ", steps()) + ")");
        }
        return step;
    }

    private static List<String> steps() {
        try (Stream<Path> entries = Files.list(Path.of("."))) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.matches("step\\d\\d-.*")).sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the steps: " + e.getMessage());
        }
    }

    /** "step03-proof-of-work" teaches exercises 3.x. */
    private static String number(String step) {
        return Integer.toString(Integer.parseInt(step.substring(4, 6)));
    }

    private static String anchor(String id) {
        return "exercise-" + id.replace(".", "");
    }

    /** Every marked region in the step's main sources, checked for balance; throws saying what is wrong. */
    static List<Exercise> exercises(String step) throws IOException {
        List<Exercise> found = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of(step, "src", "main", "java"))) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        }
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            String open = null;
            int begin = -1;
            for (int i = 0; i < lines.size(); i++) {
                Matcher marker = MARKER.matcher(lines.get(i));
                if (!marker.matches()) {
                    continue;
                }
                String id = marker.group(2);
                String where = file + ":" + (i + 1);
                if (marker.group(3).equals("begin")) {
                    if (open != null) {
                        throw new IllegalStateException(where + ": exercise " + id + " begins inside exercise " + open);
                    }
                    Matcher todo = i > 0 ? TODO.matcher(lines.get(i - 1)) : null;
                    if (todo == null || !todo.matches() || !todo.group(2).equals(id)) {
                        throw new IllegalStateException(where + ": exercise " + id
                                + " needs its TODO on the line above: // exercise " + id + ": <what to do>");
                    }
                    open = id;
                    begin = i;
                } else {
                    if (!id.equals(open)) {
                        throw new IllegalStateException(where + ": exercise " + id + " ends, but "
                                + (open == null ? "none" : open) + " is open");
                    }
                    int next = i + 1;
                    while (next < lines.size() && lines.get(next).isBlank()) {
                        next++;
                    }
                    boolean endsMethod = next < lines.size() && lines.get(next).strip().equals("}");
                    Matcher todo = TODO.matcher(lines.get(begin - 1));
                    todo.matches();
                    found.add(new Exercise(id, file, begin, i, MARKER.matcher(lines.get(begin)).replaceAll("$1"),
                            todo.group(3), endsMethod));
                    open = null;
                }
            }
            if (open != null) {
                throw new IllegalStateException(file + ": exercise " + open + " begins and never ends");
            }
        }
        Map<String, Long> counts = found.stream().collect(Collectors.groupingBy(Exercise::id, Collectors.counting()));
        counts.forEach((id, n) -> {
            if (n > 1) {
                throw new IllegalStateException("exercise " + id + " is marked " + n + " times in " + step);
            }
        });
        return found;
    }

    /** The step's own exercises (N.x for step N). */
    static List<Exercise> own(String step) throws IOException {
        String prefix = number(step) + ".";
        return exercises(step).stream().filter(e -> e.id().startsWith(prefix)).collect(Collectors.toList());
    }

    /** Replaces the regions of the given exercises by stubs; the markers stay, to show where to write. */
    static void strip(String step, List<Exercise> exercises) throws IOException {
        Map<Path, List<Exercise>> byFile = exercises.stream().collect(Collectors.groupingBy(Exercise::file));
        for (Map.Entry<Path, List<Exercise>> entry : byFile.entrySet()) {
            List<String> lines = new ArrayList<>(Files.readAllLines(entry.getKey()));
            List<Exercise> inFile = new ArrayList<>(entry.getValue());
            inFile.sort((a, b) -> Integer.compare(b.begin(), a.begin()));
            for (Exercise exercise : inFile) {
                String message = "Exercise " + exercise.id() + ": " + exercise.todo().replace("\\", "\\\\")
                        .replace("\"", "\\\"") + " (see docs/" + step + ".md#" + anchor(exercise.id()) + ")";
                String thrown = "throw new UnsupportedOperationException(\"" + message + "\");";
                // A throw that ends its method may stand alone; anywhere else, the code after it must stay
                // reachable for the compiler, which `if (true)` does.
                String stub = exercise.indent() + (exercise.endsMethod() ? thrown : "if (true) { " + thrown + " }");
                lines.subList(exercise.begin() + 1, exercise.end()).clear();
                lines.add(exercise.begin() + 1, stub);
            }
            Files.write(entry.getKey(), lines);
        }
    }

    private static void start(String step) throws IOException {
        List<Exercise> exercises = own(step);
        if (exercises.isEmpty()) {
            throw new IllegalStateException(step + " has no exercises");
        }
        strip(step, exercises);
        System.out.println("Started the exercises of " + step + ":");
        for (Exercise exercise : exercises) {
            System.out.println("  " + exercise.id() + "  " + exercise.file() + ":" + (exercise.begin() + 2) + "  " + exercise.todo());
        }
        System.out.println("Run its tests and make them pass:  mvn -pl " + step + " test");
        System.out.println("Hints: docs/" + step + ".md. Your work: git diff. The solution again: java tools/Exercises.java reset " + step);
    }

    private static void reset(String step) throws Exception {
        Process git = new ProcessBuilder("git", "checkout", "HEAD", "--", step + "/src/main/java").inheritIO().start();
        if (git.waitFor() != 0) {
            throw new IllegalStateException("git could not restore " + step + "; is this a git checkout?");
        }
        System.out.println(step + " is the solution again.");
    }

    private static void list(List<String> steps) throws IOException {
        for (String step : steps) {
            for (Exercise exercise : own(step)) {
                System.out.println(step + "  " + exercise.id() + "  " + exercise.todo());
            }
        }
    }

    /** Checks each step both ways; returns the exit code (0 when every check passes). */
    private static int check(List<String> steps) throws Exception {
        int failures = 0;
        for (String step : steps) {
            System.out.println("== " + step);
            List<String> problems = checkStep(step);
            problems.forEach(problem -> System.out.println("  FAILED: " + problem));
            failures += problems.size();
        }
        System.out.println(failures == 0 ? "every exercise checked both ways" : failures + " check(s) failed");
        return failures == 0 ? 0 : 1;
    }

    /** Runs the check with the step's own test reports set aside, so that the solution's reports survive it. */
    private static List<String> checkStep(String step) throws Exception {
        Path reports = Path.of(step, "target", "surefire-reports");
        Path aside = Path.of(step, "target", "surefire-reports.solution");
        deleteTree(aside);
        if (Files.isDirectory(reports)) {
            Files.move(reports, aside);
        }
        try {
            return checkStepWithoutReports(step);
        } finally {
            deleteTree(reports);
            if (Files.isDirectory(aside)) {
                Files.move(aside, reports);
            }
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            try (Stream<Path> walk = Files.walk(directory)) {
                for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList())) {
                    Files.delete(path);
                }
            }
        }
    }

    private static List<String> checkStepWithoutReports(String step) throws Exception {
        List<String> problems = new ArrayList<>();
        List<Exercise> exercises;
        try {
            exercises = own(step);
        } catch (IllegalStateException e) {
            return List.of(e.getMessage());
        }
        if (exercises.isEmpty() || exercises.size() > 4) {
            problems.add("a step has one to four exercises; " + step + " has " + exercises.size());
        }
        String doc = Files.exists(Path.of("docs", step + ".md")) ? Files.readString(Path.of("docs", step + ".md")) : "";
        for (Exercise exercise : exercises) {
            int section = doc.indexOf("### Exercise " + exercise.id() + "\n");
            int next = section < 0 ? -1 : doc.indexOf("\n### ", section + 1);
            String text = section < 0 ? "" : doc.substring(section, next < 0 ? doc.length() : next);
            if (section < 0 || !text.contains("<summary>Hint 1</summary>") || !text.contains("<summary>Hint 2</summary>")) {
                problems.add("docs/" + step + ".md needs \"### Exercise " + exercise.id()
                        + "\" with <details> blocks Hint 1 and Hint 2");
            }
        }
        Map<Path, byte[]> originals = new TreeMap<>();
        for (Exercise exercise : exercises) {
            originals.putIfAbsent(exercise.file(), Files.readAllBytes(exercise.file()));
        }
        String groups = exercises.stream().map(e -> "exercise-" + e.id()).collect(Collectors.joining(","));
        try {
            strip(step, exercises);
            Result compiled = maven(step, "test-compile");
            if (compiled.exit() != 0) {
                problems.add("the step does not compile with its exercises stripped:\n" + compiled.output());
                return problems;
            }
            System.out.println("  stripped, it compiles");
            Result untagged = maven(step, "test", "-DexcludedGroups=" + groups);
            if (untagged.exit() != 0) {
                problems.add("with its exercises stripped, tests outside them fail: tag them, or make them independent"
                        + " of the exercises\n" + untagged.failures());
            } else {
                System.out.println("  stripped, every test outside the exercises passes (" + untagged.tests() + " tests)");
            }
            for (Exercise exercise : exercises) {
                restore(originals);
                strip(step, List.of(exercise));
                Result tagged = maven(step, "test", "-Dgroups=exercise-" + exercise.id());
                if (tagged.tests() == 0) {
                    problems.add("exercise " + exercise.id() + " has no test tagged exercise-" + exercise.id());
                } else if (tagged.passed() > 0) {
                    problems.add("exercise " + exercise.id() + ": " + tagged.passed() + " of its " + tagged.tests()
                            + " tests pass without it: they do not test it");
                } else {
                    System.out.println("  exercise " + exercise.id() + " stripped: all " + tagged.tests()
                            + " of its tests fail");
                }
            }
        } finally {
            restore(originals);
        }
        return problems;
    }

    /** For the author of an exercise: which tests fail when it alone is stripped; those are the ones to tag. */
    private static void discover(String step) throws Exception {
        List<Exercise> exercises = own(step);
        Map<Path, byte[]> originals = new TreeMap<>();
        for (Exercise exercise : exercises) {
            originals.putIfAbsent(exercise.file(), Files.readAllBytes(exercise.file()));
        }
        try {
            for (Exercise exercise : exercises) {
                restore(originals);
                strip(step, List.of(exercise));
                maven(step, "test");
                java.util.Set<String> failing = new java.util.TreeSet<>();
                try (Stream<Path> xml = Files.list(Path.of(step, "target", "surefire-reports"))) {
                    for (Path report : xml.filter(p -> p.getFileName().toString().startsWith("TEST-")).collect(Collectors.toList())) {
                        Matcher testcase = Pattern.compile("<testcase name=\"([^\"(\\[]+)[^\"]*\" classname=\"([^\"]+)\"[^>]*?(/>|>\\s*<(failure|error))")
                                .matcher(Files.readString(report));
                        while (testcase.find()) {
                            if (testcase.group(4) != null) {
                                failing.add(testcase.group(2).replaceAll(".*\\.", "") + "#" + testcase.group(1));
                            }
                        }
                    }
                }
                System.out.println("exercise-" + exercise.id() + ": " + String.join(" ", failing));
            }
        } finally {
            restore(originals);
        }
    }

    private static void restore(Map<Path, byte[]> originals) throws IOException {
        for (Map.Entry<Path, byte[]> original : originals.entrySet()) {
            Files.write(original.getKey(), original.getValue());
        }
    }

    /** What one Maven run did: its exit code, output, and the counts in the step's Surefire reports. */
    record Result(int exit, String output, int tests, int failed) {
        int passed() {
            return tests - failed;
        }

        String failures() {
            return output.lines().filter(l -> l.contains("<<<") || l.startsWith("[ERROR]   "))
                    .collect(Collectors.joining("\n"));
        }
    }

    private static Result maven(String step, String goal, String... options) throws Exception {
        Path reports = Path.of(step, "target", "surefire-reports");
        if (Files.isDirectory(reports)) {
            try (Stream<Path> old = Files.list(reports)) {
                for (Path report : old.collect(Collectors.toList())) {
                    Files.deleteIfExists(report);
                }
            }
        }
        List<String> command = new ArrayList<>(List.of("mvn", "-q", "-B", "-o", "-pl", step, goal,
                "-Dsurefire.failIfNoSpecifiedTests=false", "-DfailIfNoTests=false", "-Dsurefire.printSummary=true"));
        command.addAll(List.of(options));
        Process maven = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(maven.getInputStream().readAllBytes());
        int exit = maven.waitFor();
        int tests = 0;
        int failed = 0;
        if (Files.isDirectory(reports)) {
            try (Stream<Path> xml = Files.list(reports)) {
                for (Path report : xml.filter(p -> p.getFileName().toString().startsWith("TEST-")).collect(Collectors.toList())) {
                    String text = Files.readString(report);
                    tests += attribute(text, "tests");
                    // A test skipped because its class could not be set up did not pass either.
                    failed += attribute(text, "failures") + attribute(text, "errors") + attribute(text, "skipped");
                }
            }
        }
        return new Result(exit, output, tests, failed);
    }

    private static int attribute(String report, String name) {
        Matcher matcher = Pattern.compile("<testsuite [^>]*\\b" + name + "=\"(\\d+)\"").matcher(report);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }
}
