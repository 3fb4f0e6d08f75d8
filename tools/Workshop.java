import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The workshop command: exercises, hints, a loop that reruns the tests on every save, and progress. Written in Java
 * so that a learner needs no other toolchain: run it from the repository root as a source file.
 *
 * <pre>
 * java tools/Workshop.java list                 every exercise, its step, its task, and whether it is done
 * java tools/Workshop.java start STEP           the step's exercises become stubs that fail clearly
 * java tools/Workshop.java watch [EXERCISE]     run an exercise's tests, and again on every save (Ctrl-C ends it)
 * java tools/Workshop.java hint EXERCISE        the next layer of hints, from the step's page
 * java tools/Workshop.java verify [STEP]        the tests of every started exercise (or of STEP); exit 0 when green
 * java tools/Workshop.java progress             exercises done, per step
 * java tools/Workshop.java reset STEP           the solution again; first saves your work to .workshop/work/STEP.patch
 * java tools/Workshop.java doctor               checks what the day needs, and says how to fix what is missing
 * </pre>
 *
 * The solution marks each exercise in its source: a line {@code // exercise 3.1: <what to do>}, then
 * {@code // exercise 3.1 begin}, the solution's lines, and {@code // exercise 3.1 end}. Exercises of step N are
 * numbered N.1, N.2... and done in that order; their markers stay in later steps, where the same code stands solved.
 * The tests of an exercise carry {@code @Tag("exercise-3.1")}; they fail without it, and pass once it and the
 * exercises before it in its step are done. Each step's tests write their verdicts to target/exercise-report.tsv
 * (the step's ExerciseReport), which is what this command reads. The step's page has a section "### Exercise 3.1"
 * with the hints. Progress is kept in .workshop/progress.properties, which git ignores. The maintainers' check of
 * every exercise and step page is tools/Check.java.
 */
public final class Workshop {

    private static final Path STATE = Path.of(".workshop", "progress.properties");
    private static final String SELF = "java tools/Workshop.java";

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || List.of("-h", "--help", "help").contains(args[0])) {
            usage("");
        }
        try {
            if (!Files.isDirectory(Path.of("step01-block"))) {
                throw new IllegalStateException("run this from the repository root (the folder with step01-block)");
            }
            String argument = args.length > 1 ? args[1] : null;
            int exit = switch (args[0]) {
                case "list" -> list();
                case "start" -> start(step(args[0], argument));
                case "reset" -> reset(step(args[0], argument));
                case "watch" -> watch(argument == null ? null : exercise(argument));
                case "hint" -> hint(exercise(require(args[0], argument, "an exercise, such as 3.1")),
                        args.length > 2 ? args[2] : null);
                case "verify" -> verify(argument == null ? null : step(args[0], argument));
                case "progress" -> progress();
                case "doctor" -> doctor();
                case "check", "discover" -> throw new IllegalStateException(args[0] + " is for maintainers: java"
                        + " tools/Check.java " + (args[0].equals("check") ? "[STEP...]" : "discover STEP"));
                default -> {
                    usage("unknown command " + args[0]);
                    yield 2;
                }
            };
            System.exit(exit);
        } catch (IllegalStateException | IOException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void usage(String problem) {
        System.err.println((problem.isEmpty() ? "" : "error: " + problem + "\n\n") + """
                usage: java tools/Workshop.java COMMAND   (from the repository root)
                  list                 every exercise, its step, its task, and whether it is done
                  start STEP           the step's exercises become stubs that fail clearly
                  watch [EXERCISE]     run the exercise's tests, and again on every save; Ctrl-C ends it
                  hint EXERCISE        the next layer of hints (hint EXERCISE 1 shows the first again)
                  verify [STEP]        the tests of every started exercise, or of STEP; exit 0 when all pass
                  progress             exercises done, per step
                  reset STEP           the solution again; your work in the step is saved first, as a patch
                  doctor               checks what the day needs, and how to fix what is missing
                STEP is a step's folder or number (step03-proof-of-work, 03 or 3); EXERCISE is 3.1, 3.2...
                The maintainers' check of every exercise and step page is java tools/Check.java.""");
        System.exit(2);
    }

    private static String require(String command, String argument, String what) {
        if (argument == null) {
            usage(command + " needs " + what);
        }
        return argument;
    }

    static String step(String command, String argument) {
        return step(require(command, argument, "a step, such as step03-proof-of-work"));
    }

    /** An exercise of some step's own exercises, by its id. */
    static Exercise exercise(String id) throws IOException {
        if (!id.matches("\\d+\\.\\d+")) {
            throw new IllegalStateException(id + " is not an exercise; exercises are numbered like 3.1 (see `"
                    + SELF + " list`)");
        }
        String step = steps().stream().filter(s -> Integer.parseInt(s.substring(4, 6)) == Integer.parseInt(id.split("\\.")[0]))
                .findFirst().orElseThrow(() -> new IllegalStateException("no step has exercise " + id));
        return own(step).stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException(step + " has no exercise " + id + "; it has "
                        + own(step).stream().map(Exercise::id).collect(Collectors.joining(", "))));
    }

    // ---------------------------------------------------------------- progress

    static Properties state() throws IOException {
        Properties state = new Properties();
        if (Files.exists(STATE)) {
            try (var in = Files.newBufferedReader(STATE)) {
                state.load(in);
            }
        }
        return state;
    }

    /** Writes the state whole or not at all: a watch in another terminal may be reading it. */
    static void save(Properties state) throws IOException {
        Files.createDirectories(STATE.getParent());
        Path next = Files.createTempFile(STATE.getParent(), "progress", ".tmp");
        try (var out = Files.newBufferedWriter(next)) {
            state.store(out, "the workshop's progress, kept by tools/Workshop.java (git ignores it)");
        }
        Files.move(next, STATE, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String status(Properties state, String id) {
        return state.getProperty(id, "");
    }

    private static int start(String step) throws IOException {
        List<Exercise> exercises = own(step);
        if (exercises.isEmpty()) {
            throw new IllegalStateException(step + " has no exercises");
        }
        List<Exercise> solved = new ArrayList<>();
        for (Exercise exercise : exercises) {
            if (!isStub(exercise)) {
                solved.add(exercise);
            }
        }
        strip(solved);
        Properties state = state();
        for (Exercise exercise : exercises) {
            if (solved.contains(exercise)) {
                state.setProperty(exercise.id(), "started");
                state.remove("hint." + exercise.id());
            }
        }
        // Kept through reset, so that progress tells a step tried once from one never started.
        state.putIfAbsent("started." + step, java.time.LocalDate.now().toString());
        save(state);
        System.out.println("Started the exercises of " + step + ":");
        for (Exercise exercise : exercises) {
            System.out.println("  " + exercise.id() + "  " + exercise.file() + ":" + (exercise.begin() + 2) + "  "
                    + exercise.todo());
        }
        System.out.println("Write each between its markers, in order. Run its tests on every save: " + SELF
                + " watch " + exercises.get(0).id());
        System.out.println("A hint: " + SELF + " hint " + exercises.get(0).id() + ". The solution again: " + SELF
                + " reset " + step + ", which first saves your work in " + patch(step));
        return 0;
    }

    private static Path patch(String step) {
        return Path.of(".workshop", "work", step + ".patch");
    }

    /**
     * Saves the learner's work in the step as a patch, then restores the files that hold the step's exercises from
     * git, and only those: other edits stay. What was done stays done; only "started" goes.
     */
    private static int reset(String step) throws Exception {
        Map<String, List<String>> solutions = solutions(step);
        String saved = saveWork(step, solutions);
        List<String> command = new ArrayList<>(List.of("git", "checkout", "HEAD", "--"));
        command.addAll(solutions.keySet());
        Output git = run(Path.of("."), command);
        if (git.exit() != 0) {
            throw new IllegalStateException("git could not restore " + step + ": " + git.text().strip());
        }
        Properties state = state();
        for (Exercise exercise : own(step)) {
            if (status(state, exercise.id()).equals("started")) {
                state.remove(exercise.id());
            }
        }
        save(state);
        System.out.println(step + " is the solution again (" + solutions.keySet().stream()
                .map(f -> f.substring(f.lastIndexOf('/') + 1)).collect(Collectors.joining(", ")) + ").");
        System.out.println(saved.isEmpty() ? "Nothing to save: its files were the stubs or the solution."
                : "Your work in it is saved in " + saved + ", against the stubs: " + SELF + " start " + step
                + ", then git apply " + saved.replace('\\', '/') + ", brings it back.");
        List<String> done = own(step).stream().map(Exercise::id).filter(id -> status(state, id).equals("done")).toList();
        if (!done.isEmpty()) {
            System.out.println("Done, and still done: " + String.join(", ", done) + ".");
        }
        return 0;
    }

    /** The committed solution of each file that holds an exercise of the step, by its path from the root. */
    private static Map<String, List<String>> solutions(String step) throws Exception {
        // Read from git, not from the files: the learner's edits may have broken a marker.
        int number = Integer.parseInt(step.substring(4, 6));
        Output grep = run(Path.of("."), List.of("git", "grep", "-l", "-e", "// exercise " + number + "\\.[0-9]* begin",
                "HEAD", "--", step + "/src/main/java"));
        if (grep.exit() > 1) {
            throw new IllegalStateException("git cannot read " + step + " (is this a git checkout?): " + grep.text().strip());
        }
        Map<String, List<String>> solutions = new TreeMap<>();
        for (String line : grep.text().lines().toList()) {
            String file = line.substring(line.indexOf(':') + 1);
            Output show = run(Path.of("."), List.of("git", "show", "HEAD:" + file));
            if (show.exit() != 0) {
                throw new IllegalStateException("git cannot show " + file + ": " + show.text().strip());
            }
            solutions.put(file, show.text().lines().toList());
        }
        if (solutions.isEmpty()) {
            throw new IllegalStateException(step + " has no exercises");
        }
        return solutions;
    }

    /**
     * Writes the learner's lines against the stubs, the files as start makes them, to the step's patch: git apply
     * puts them back after start. Returns where, or "" when no file holds work of the learner's.
     */
    private static String saveWork(String step, Map<String, List<String>> solutions) throws IOException {
        StringBuilder patch = new StringBuilder();
        for (Map.Entry<String, List<String>> solution : solutions.entrySet()) {
            Path file = Path.of(solution.getKey());
            List<String> mine = Files.exists(file) ? Files.readAllLines(file) : List.of();
            List<Exercise> inFile = ownOf(step, regions(step, file, solution.getValue()));
            List<String> stub = stubbed(solution.getValue(), inFile);
            if (!mine.equals(solution.getValue())) {
                patch.append(unifiedDiff(solution.getKey(), stub, mine));
            }
        }
        if (patch.length() == 0) {
            return "";
        }
        Path saved = patch(step);
        Files.createDirectories(saved.getParent());
        Files.writeString(saved, patch);
        return saved.toString();
    }

    /** A unified diff of a file, from one version to the other, with three lines of context; "" when they are equal. */
    static String unifiedDiff(String path, List<String> from, List<String> to) {
        int n = from.size();
        int m = to.size();
        // common[i][j]: how many lines the longest common subsequence of from[i..] and to[j..] has.
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = from.get(i).equals(to.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        // Each line of the script: ' ', '-' or '+', then the line; with where it is in each version.
        List<String> script = new ArrayList<>();
        List<int[]> at = new ArrayList<>();
        for (int i = 0, j = 0; i < n || j < m; ) {
            at.add(new int[] {i, j});
            if (i < n && j < m && from.get(i).equals(to.get(j))) {
                script.add(" " + from.get(i++));
                j++;
            } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
                script.add("-" + from.get(i++));
            } else {
                script.add("+" + to.get(j++));
            }
        }
        StringBuilder diff = new StringBuilder();
        int k = 0;
        while (k < script.size()) {
            while (k < script.size() && script.get(k).charAt(0) == ' ') {
                k++;
            }
            if (k == script.size()) {
                break;
            }
            // A hunk: three lines before the first change, and on to three lines after the last change that
            // follows within six lines of context.
            int first = Math.max(0, k - 3);
            int last = k;
            for (int c = k; c < script.size() && c <= last + 6; c++) {
                if (script.get(c).charAt(0) != ' ') {
                    last = c;
                }
            }
            int end = Math.min(script.size(), last + 4);
            List<String> hunk = script.subList(first, end);
            long fromCount = hunk.stream().filter(l -> l.charAt(0) != '+').count();
            long toCount = hunk.stream().filter(l -> l.charAt(0) != '-').count();
            int fromStart = at.get(first)[0];
            int toStart = at.get(first)[1];
            diff.append("@@ -").append(fromCount == 0 ? fromStart : fromStart + 1).append(',').append(fromCount)
                    .append(" +").append(toCount == 0 ? toStart : toStart + 1).append(',').append(toCount).append(" @@\n");
            hunk.forEach(line -> diff.append(line).append('\n'));
            k = end;
        }
        return diff.length() == 0 ? "" : "diff --git a/" + path + " b/" + path + "\n--- a/" + path + "\n+++ b/" + path
                + "\n" + diff;
    }

    private static int list() throws IOException {
        Properties state = state();
        for (String step : steps()) {
            for (Exercise exercise : own(step)) {
                String status = status(state, exercise.id());
                System.out.printf("%-5s %-8s %-24s %s%n", exercise.id(), status.isEmpty() ? "-" : status, step,
                        exercise.todo());
            }
        }
        return 0;
    }

    private static int progress() throws IOException {
        Properties state = state();
        int done = 0;
        int all = 0;
        for (String step : steps()) {
            List<Exercise> exercises = own(step);
            all += exercises.size();
            if (!state.containsKey("started." + step) && exercises.stream().allMatch(e -> status(state, e.id()).isEmpty())) {
                System.out.printf("%-24s not started%n", step);
                continue;
            }
            long stepDone = exercises.stream().filter(e -> status(state, e.id()).equals("done")).count();
            String started = exercises.stream().filter(e -> status(state, e.id()).equals("started")).map(Exercise::id)
                    .collect(Collectors.joining(", "));
            System.out.printf("%-24s %d of %d done%s%n", step, stepDone, exercises.size(),
                    started.isEmpty() ? "" : "   started: " + started);
            done += stepDone;
        }
        System.out.println(done + " of " + all + " exercises done");
        return 0;
    }

    // ---------------------------------------------------------------- running the tests

    /** What one Maven run said: its exit code, its output, and the verdicts (none when it did not compile). */
    record Run(int exit, String output, List<Verdict> verdicts) {
        List<Verdict> of(String exercise) {
            return verdicts.stream().filter(v -> v.exercise().equals(exercise)).toList();
        }

        List<Verdict> failed(String exercise) {
            return of(exercise).stream().filter(v -> !v.passed()).toList();
        }

        /** The compiler's errors, one line each, or "" when it compiled. */
        String compileErrors() {
            return output.lines().filter(l -> l.matches("\\[ERROR\\] .*\\.java:\\[\\d+,\\d+\\] .*"))
                    .map(l -> "  " + l.substring(8).replace(Path.of("").toAbsolutePath() + "/", ""))
                    .distinct().collect(Collectors.joining("\n"));
        }
    }

    /** What a command printed, its errors included, and how it exited. */
    record Output(int exit, String text) {
    }

    private static volatile Process running;

    /** Runs a command in the folder and reads what it prints; watch's Ctrl-C stops the one that runs. */
    static Output run(Path folder, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        running = process;
        try {
            String text = new String(process.getInputStream().readAllBytes());
            return new Output(process.waitFor(), text);
        } finally {
            running = null;
        }
    }

    /** Runs Maven quietly on the step's pom. */
    static Output maven(String step, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(mavenCommand(), "-q", "-B", "-f", step + "/pom.xml"));
        command.addAll(arguments);
        return run(Path.of("."), command);
    }

    /** Runs the step's tests (those of the given groups, or all), offline. */
    static Run test(String step, List<String> groups) throws IOException, InterruptedException {
        Path report = Path.of(step, "target", "exercise-report.tsv");
        Files.deleteIfExists(report);
        List<String> options = new ArrayList<>(List.of("-o", "test", "-Dsurefire.failIfNoSpecifiedTests=false",
                "-DfailIfNoTests=false"));
        if (!groups.isEmpty()) {
            options.add("-Dgroups=" + groups.stream().map(g -> "exercise-" + g).collect(Collectors.joining(",")));
        }
        Output maven = maven(step, options);
        return new Run(maven.exit(), maven.text(), readReport(report));
    }

    private static final boolean WINDOWS = System.getProperty("os.name").startsWith("Windows");
    private static String maven;

    /** ./mvnw once it has its Maven, the one that filled the offline cache; else the learner's own Maven 3.8+. */
    static String mavenCommand() {
        if (maven == null) {
            maven = wrapperFetched() || !recentMaven(output(installedMaven(), "-v")) ? wrapper() : installedMaven();
        }
        return maven;
    }

    /** Whether ./mvnw has downloaded the Maven that .mvn/wrapper/maven-wrapper.properties names, so it runs offline. */
    private static boolean wrapperFetched() {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(Path.of(".mvn", "wrapper", "maven-wrapper.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            return false;
        }
        String url = properties.getProperty("distributionUrl", "");
        String name = url.substring(url.lastIndexOf('/') + 1).replaceFirst("-bin\\.zip$", "");
        String home = System.getenv().getOrDefault("MAVEN_USER_HOME", System.getProperty("user.home") + "/.m2");
        return !name.isEmpty() && Files.isDirectory(Path.of(home, "wrapper", "dists", name));
    }

    private static String installedMaven() {
        return WINDOWS ? "mvn.cmd" : "mvn";
    }

    private static String wrapper() {
        return Path.of(WINDOWS ? "mvnw.cmd" : "mvnw").toAbsolutePath().toString();
    }

    /** The version that `mvn -v` printed, such as 3.9.16. */
    static String mavenVersion(String version) {
        Matcher number = Pattern.compile("Apache Maven (\\d+(?:\\.\\d+)+(?:-[\\w-]+)?)").matcher(version);
        return number.find() ? number.group(1) : "?";
    }

    /** Whether `mvn -v` printed a Maven of 3.8 or newer. */
    static boolean recentMaven(String version) {
        Matcher number = Pattern.compile("Apache Maven (\\d+)\\.(\\d+)").matcher(version);
        return number.find() && (Integer.parseInt(number.group(1)) > 3
                || Integer.parseInt(number.group(1)) == 3 && Integer.parseInt(number.group(2)) >= 8);
    }

    /** Prints the verdict on one exercise; returns whether it is done. */
    static boolean verdict(Exercise exercise, Run run) {
        List<Verdict> mine = run.of(exercise.id());
        List<Verdict> failed = run.failed(exercise.id()).stream()
                .sorted(Comparator.comparing(v -> telling(exercise, v))).toList();
        if (mine.isEmpty()) {
            String before = run.verdicts().stream().filter(v -> !v.passed() && !v.exercise().equals("-")
                    && v.exercise().compareTo(exercise.id()) < 0).map(Verdict::exercise).findFirst().orElse(null);
            System.out.println(exercise.id() + "  not done" + (before != null ? ": its tests need " + before
                    + " first" : ": no test of it ran"));
            return false;
        }
        if (failed.isEmpty()) {
            System.out.println(exercise.id() + "  done: " + mine.size() + " test" + (mine.size() == 1 ? "" : "s") + " pass");
            return true;
        }
        System.out.println(exercise.id() + "  not done: " + failed.size() + " of " + mine.size() + " tests fail; the first, "
                + failed.get(0).test() + ":");
        System.out.println("      " + failed.get(0).message());
        System.out.println("      run `" + SELF + " hint " + exercise.id() + "` for a hint");
        return false;
    }

    /** The stub's own message says most, then a node's 500, then the test of the exercise's class (CanonicalJsonTest). */
    private static int telling(Exercise exercise, Verdict verdict) {
        String file = exercise.file().getFileName().toString().replace(".java", "");
        return verdict.message().contains("Exercise " + exercise.id() + ": ") ? 0 : verdict.message().contains("500") ? 1
                : verdict.test().startsWith(file + "Test.") ? 2 : 3;
    }

    /** Verdicts for the exercises, and any other test that fails; returns how many exercises are done. */
    private static int report(String step, List<Exercise> exercises, Run run, Properties state) throws IOException {
        String errors = run.compileErrors();
        if (run.verdicts().isEmpty()) {
            System.out.println(errors.isEmpty() ? step + ": the tests did not run:\n" + tail(run.output())
                    : step + " does not compile:\n" + errors);
            return 0;
        }
        int done = 0;
        for (Exercise exercise : exercises) {
            if (verdict(exercise, run)) {
                done++;
                if (status(state, exercise.id()).equals("started")) {
                    state.setProperty(exercise.id(), "done");
                }
            }
        }
        List<Verdict> others = run.verdicts().stream().filter(v -> !v.passed() && (v.exercise().equals("-")
                || exercises.stream().noneMatch(e -> e.id().equals(v.exercise())))).toList();
        if (!others.isEmpty()) {
            System.out.println("other tests fail (" + others.size() + "); the first, " + others.get(0).test() + ":");
            System.out.println("      " + others.get(0).message());
        }
        save(state);
        return done;
    }

    private static int verify(String onlyStep) throws Exception {
        Properties state = state();
        Map<String, List<Exercise>> byStep = new LinkedHashMap<>();
        for (String step : onlyStep != null ? List.of(onlyStep) : steps()) {
            List<Exercise> exercises = own(step).stream()
                    .filter(e -> onlyStep != null || !status(state, e.id()).isEmpty()).toList();
            if (!exercises.isEmpty() || onlyStep != null) {
                byStep.put(step, exercises);
            }
        }
        if (byStep.isEmpty()) {
            System.out.println("No exercise is started. Start a step's: " + SELF + " start step01-block");
            return 0;
        }
        boolean green = true;
        for (Map.Entry<String, List<Exercise>> entry : byStep.entrySet()) {
            String step = entry.getKey();
            List<Exercise> exercises = entry.getValue();
            System.out.println("testing " + step + " ...");
            Run run = test(step, onlyStep != null ? List.of() : exercises.stream().map(Exercise::id).toList());
            int done = report(step, exercises, run, state);
            System.out.println(step + ": " + done + " of " + exercises.size() + " exercises done");
            green &= run.exit() == 0;
        }
        return green ? 0 : 1;
    }

    // ---------------------------------------------------------------- watch

    private static int watch(Exercise named) throws Exception {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Process process = running;
            if (process != null) {
                process.descendants().forEach(ProcessHandle::destroy);
                process.destroy();
            }
        }));
        Exercise exercise = named != null ? named : current();
        if (exercise == null) {
            System.out.println("No started exercise is left to do. Start a step's: " + SELF + " start STEP");
            return 0;
        }
        System.out.println("watching exercise " + exercise.id() + " (" + exercise.step() + "): " + exercise.todo());
        System.out.println("its tests run now, and again each time you save a file of " + exercise.step()
                + "; Ctrl-C ends it");
        Map<Path, Long> seen = snapshot(exercise.step());
        Quick quick = null;
        while (true) {
            long started = System.nanoTime();
            if (quick == null || !quick.step().equals(exercise.step())) {
                quick = Quick.prepare(exercise.step());
            }
            Run run = quick != null ? quick.test(exercise.id()) : test(exercise.step(), List.of(exercise.id()));
            Properties state = state();
            boolean done;
            if (run.verdicts().isEmpty()) {
                String errors = run.compileErrors();
                System.out.println(errors.isEmpty() ? "the tests did not run:\n" + tail(run.output())
                        : exercise.step() + " does not compile:\n" + errors);
                done = false;
            } else {
                done = verdict(exercise, run);
                if (done && run.exit() == 0 && status(state, exercise.id()).equals("started")) {
                    state.setProperty(exercise.id(), "done");
                    save(state);
                }
            }
            System.out.printf("(%s, %.1f s; waiting for a save)%n", done ? "green" : "red",
                    (System.nanoTime() - started) / 1e9);
            if (done && named == null) {
                Exercise next = current();
                if (next == null) {
                    System.out.println("Every started exercise is done. Next: " + SELF + " start STEP, then watch again.");
                    return 0;
                }
                if (!next.equals(exercise)) {
                    exercise = next;
                    System.out.println("on to exercise " + exercise.id() + " (" + exercise.step() + "): " + exercise.todo());
                    continue;
                }
            }
            while (true) {
                Thread.sleep(200);
                Map<Path, Long> now = snapshot(exercise.step());
                if (!now.equals(seen)) {
                    Thread.sleep(100);  // An editor may write a file in several steps.
                    seen = snapshot(exercise.step());
                    break;
                }
            }
        }
    }

    /**
     * The quick way to run an exercise's tests on every save: Maven builds the step and writes its class path once;
     * then each run compiles the sources in this process and runs the tagged tests in one new JVM, which takes a
     * few seconds less than Maven. The verdicts are the same: the step's ExerciseReport writes them.
     */
    record Quick(String step, String classPath) {

        private static final String RUNNER = """
                import java.nio.file.Path;
                import java.util.Set;
                import org.junit.platform.engine.discovery.DiscoverySelectors;
                import org.junit.platform.launcher.TagFilter;
                import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
                import org.junit.platform.launcher.core.LauncherFactory;

                /** Runs the tests of one tag, for tools/Workshop.java watch. */
                public class WorkshopRunner {
                    public static void main(String[] args) {
                        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                                .selectors(DiscoverySelectors.selectClasspathRoots(
                                        Set.of(Path.of("target", "test-classes").toAbsolutePath())))
                                .filters(TagFilter.includeTags(args[0])).build());
                        System.exit(0);
                    }
                }
                """;

        /** Builds the step with Maven and compiles the runner; null when that fails (then Maven runs each time). */
        static Quick prepare(String step) throws Exception {
            Path classPathFile = Path.of(step, "target", "workshop.classpath");
            // Not offline: the first watch of a machine may need to fetch the dependency plugin.
            Output maven = maven(step, List.of("test-compile", "dependency:build-classpath",
                    "-Dmdep.outputFile=target/workshop.classpath", "-Dmdep.includeScope=test"));
            if (maven.exit() != 0 || !Files.exists(classPathFile)) {
                return null;
            }
            String classPath = Files.readString(classPathFile).strip();
            Path runner = Path.of(step, "target", "workshop-runner");
            Files.createDirectories(runner);
            Files.writeString(runner.resolve("WorkshopRunner.java"), RUNNER);
            if (!compile(List.of(runner.resolve("WorkshopRunner.java")), runner, classPath).isEmpty()) {
                return null;
            }
            return new Quick(step, classPath);
        }

        Run test(String exercise) throws Exception {
            Path classes = Path.of(step, "target", "classes");
            Path testClasses = Path.of(step, "target", "test-classes");
            String errors = compile(sources("main"), classes, classPath);
            if (errors.isEmpty()) {
                errors = compile(sources("test"), testClasses, classes.toAbsolutePath() + java.io.File.pathSeparator + classPath);
            }
            if (!errors.isEmpty()) {
                // The same shape as Maven's compiler errors, so that Run says them in the same way.
                return new Run(1, errors, List.of());
            }
            Path report = Path.of(step, "target", "exercise-report.tsv");
            Files.deleteIfExists(report);
            String path = String.join(java.io.File.pathSeparator, "target/workshop-runner", "target/test-classes",
                    "target/classes", classPath);
            Output java = run(Path.of(step), List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", path, "WorkshopRunner", "exercise-" + exercise));
            return new Run(java.exit(), java.text(), readReport(report));
        }

        private List<Path> sources(String set) throws IOException {
            try (Stream<Path> walk = Files.walk(Path.of(step, "src", set, "java"))) {
                return walk.filter(p -> p.toString().endsWith(".java")).toList();
            }
        }

        /** Compiles in this process; returns the errors as Maven prints them, or "" when it compiled. */
        private static String compile(List<Path> sources, Path out, String classPath) throws IOException {
            javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
            javax.tools.DiagnosticCollector<javax.tools.JavaFileObject> diagnostics = new javax.tools.DiagnosticCollector<>();
            try (javax.tools.StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
                boolean ok = javac.getTask(null, files, diagnostics, List.of("-d", out.toString(), "-cp", classPath,
                        "--release", "17", "-parameters", "-proc:none", "-encoding", "UTF-8"), null,
                        files.getJavaFileObjectsFromPaths(sources)).call();
                if (ok) {
                    return "";
                }
            }
            return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR)
                    .map(d -> "[ERROR] " + (d.getSource() == null ? "?" : Path.of(d.getSource().toUri()))
                            + ":[" + d.getLineNumber() + "," + d.getColumnNumber() + "] " + d.getMessage(null).lines().findFirst().orElse(""))
                    .collect(Collectors.joining("\n"));
        }
    }

    /** The first started exercise that is not done, in step order. */
    private static Exercise current() throws IOException {
        Properties state = state();
        for (String step : steps()) {
            for (Exercise exercise : own(step)) {
                if (status(state, exercise.id()).equals("started")) {
                    return exercise;
                }
            }
        }
        return null;
    }

    /** When each source file of the step was last changed. */
    private static Map<Path, Long> snapshot(String step) throws IOException {
        Map<Path, Long> times = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(Path.of(step, "src"))) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                times.put(file, Files.getLastModifiedTime(file).toMillis() * 31 + Files.size(file));
            }
        }
        return times;
    }

    // ---------------------------------------------------------------- hints

    /** The layers of help for an exercise, from its section of the step's page: Hint 1, Hint 2..., the idea. */
    static List<Map.Entry<String, String>> hints(Exercise exercise) throws IOException {
        Path page = Path.of("docs", exercise.step() + ".md");
        String doc = Files.exists(page) ? Files.readString(page) : "";
        int section = doc.indexOf("### Exercise " + exercise.id() + "\n");
        if (section < 0) {
            return List.of();
        }
        int next = doc.indexOf("\n## ", section + 1);
        int nextExercise = doc.indexOf("\n### ", section + 1);
        int end = Stream.of(next, nextExercise, doc.length()).filter(i -> i >= 0).min(Integer::compare).get();
        Matcher details = Pattern.compile("<details><summary>([^<]+)</summary>\\s*\\n(.*?)\\n</details>", Pattern.DOTALL)
                .matcher(doc.substring(section, end));
        List<Map.Entry<String, String>> layers = new ArrayList<>();
        while (details.find()) {
            layers.add(Map.entry(details.group(1).strip(), details.group(2).strip()));
        }
        return layers;
    }

    private static int hint(Exercise exercise, String layer) throws IOException {
        List<Map.Entry<String, String>> layers = hints(exercise);
        if (layers.isEmpty()) {
            throw new IllegalStateException("docs/" + exercise.step() + ".md has no hints for exercise " + exercise.id());
        }
        Properties state = state();
        int shown = Integer.parseInt(state.getProperty("hint." + exercise.id(), "0"));
        int index;
        if (layer != null) {
            if (!layer.matches("\\d+") || Integer.parseInt(layer) < 1 || Integer.parseInt(layer) > layers.size()) {
                throw new IllegalStateException("exercise " + exercise.id() + " has layers 1 to " + layers.size());
            }
            index = Integer.parseInt(layer) - 1;
        } else {
            index = Math.min(shown, layers.size() - 1);
        }
        long hintCount = layers.stream().filter(l -> l.getKey().startsWith("Hint")).count();
        String title = layers.get(index).getKey();
        System.out.println("exercise " + exercise.id() + ", " + (title.startsWith("Hint")
                ? title.toLowerCase() + " of " + hintCount : title.toLowerCase()));
        System.out.println();
        System.out.println(layers.get(index).getValue());
        System.out.println();
        if (index + 1 < layers.size()) {
            System.out.println("(the same command again shows " + layers.get(index + 1).getKey().toLowerCase() + ")");
        } else {
            System.out.println("(that was the last layer; `" + SELF + " hint " + exercise.id() + " 1` shows the first again)");
        }
        state.setProperty("hint." + exercise.id(), Integer.toString(Math.max(shown, index + 1)));
        save(state);
        return 0;
    }

    // ---------------------------------------------------------------- doctor

    private static int doctor() throws Exception {
        int missing = 0;
        int feature = Runtime.version().feature();
        missing += say(feature >= 17, "Java " + Runtime.version(), "install JDK 17 or newer (for example Temurin 17)");
        Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
        missing += say(Files.exists(javac) || Files.exists(Path.of(javac + ".exe")), "a JDK (javac), not only a JRE",
                "install a JDK 17+, not a JRE, and point JAVA_HOME at it");
        // The pages say ./mvnw, which downloads its Maven on first use; a Maven 3.8+ of the learner's own works too.
        String installed = output(installedMaven(), "-v");
        String wrapped = output(wrapper(), "-v");
        boolean own = recentMaven(installed);
        String without = installed.isEmpty() ? "`mvn` is not installed" : "`mvn` is " + mavenVersion(installed)
                + ", older than 3.8";
        if (own) {
            say(true, "Maven " + mavenVersion(installed), "");
            System.out.println(recentMaven(wrapped) ? "ok       Maven " + mavenVersion(wrapped)
                    + " through ./mvnw, the Maven Wrapper that the pages use"
                    : "optional ./mvnw, the Maven Wrapper that the pages use, has not fetched its Maven: run `./mvnw -v`"
                    + " once while online, or type mvn where the pages say ./mvnw");
        } else {
            boolean ok = recentMaven(wrapped);
            missing += say(ok, ok ? "Maven " + mavenVersion(wrapped) + " through ./mvnw, the Maven Wrapper (" + without
                    + "; the pages and this command use ./mvnw)" : "Maven 3.8 or newer", without + ", and ./mvnw, the Maven Wrapper,"
                    + " could not fetch its Maven: run `./mvnw -v` once while online (it downloads Maven into"
                    + " ~/.m2/wrapper), or install Maven 3.8 or newer");
        }
        String mvn = own ? installed : wrapped;
        Matcher mavenJava = Pattern.compile("Java version: (\\d+)").matcher(mvn);
        if (recentMaven(mvn) && mavenJava.find()) {
            missing += say(Integer.parseInt(mavenJava.group(1)) >= 17, "Maven runs on Java " + mavenJava.group(1),
                    "set JAVA_HOME to a JDK 17+ (`./mvnw -v` shows which Java Maven uses)");
        }
        missing += say(!output("git", "--version").isEmpty(), "git", "install git (`reset` needs it)");
        boolean free;
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(5000));
            free = true;
        } catch (IOException e) {
            free = false;
        }
        missing += say(free, "port 5000 is free", "stop what listens on port 5000 (on macOS, AirPlay Receiver does:"
                + " System Settings > General > AirDrop & Handoff), or start nodes with --port 5001");
        List<String> absent = uncached();
        missing += say(absent.isEmpty(), "the dependencies are in ~/.m2, for offline use",
                "run `./mvnw -q package -DskipTests` once while online; missing: " + String.join(", ", absent));
        boolean docker = !output("docker", "info", "--format", "{{.ServerVersion}}").isBlank();
        System.out.println((docker ? "ok       " : "optional ") + "Docker" + (docker ? ""
                : ": only the container tests and the compose demo need it; start Docker Desktop, or `sudo dockerd &`"));
        System.out.println(missing == 0 ? "ready for the workshop" : missing + " thing(s) to fix before the workshop");
        return missing == 0 ? 0 : 1;
    }

    private static int say(boolean ok, String what, String fix) {
        System.out.println((ok ? "ok       " : "MISSING  ") + what + (ok ? "" : ": " + fix));
        return ok ? 0 : 1;
    }

    /** A command's output, or "" when it cannot run or fails. */
    private static String output(String... command) {
        try {
            Output output = run(Path.of("."), List.of(command));
            return output.exit() == 0 ? output.text() : "";
        } catch (IOException | InterruptedException e) {
            return "";
        }
    }

    /** The artifacts of the parent pom's versions that the local Maven repository lacks. */
    private static List<String> uncached() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Path repository = Path.of(System.getProperty("user.home"), ".m2", "repository");
        Map<String, String> artifacts = new LinkedHashMap<>();
        artifacts.put("io/undertow/undertow-core", property(pom, "undertow.version"));
        artifacts.put("com/google/code/gson/gson", property(pom, "gson.version"));
        artifacts.put("org/bouncycastle/bcprov-jdk18on", property(pom, "bouncycastle.version"));
        artifacts.put("info/picocli/picocli", property(pom, "picocli.version"));
        artifacts.put("org/junit/jupiter/junit-jupiter-engine", property(pom, "junit.version"));
        artifacts.put("org/apache/maven/plugins/maven-surefire-plugin", "3.5.4");
        artifacts.put("org/apache/maven/plugins/maven-shade-plugin", "3.6.1");
        artifacts.put("org/codehaus/mojo/exec-maven-plugin", "3.5.0");
        List<String> absent = new ArrayList<>();
        artifacts.forEach((path, version) -> {
            if (!Files.isDirectory(repository.resolve(path).resolve(version))) {
                absent.add(path.substring(path.lastIndexOf('/') + 1) + " " + version);
            }
        });
        return absent;
    }

    private static String property(String pom, String name) {
        Matcher value = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        return value.find() ? value.group(1) : "?";
    }

    // ---------------------------------------------------------------- the marked regions and the verdicts
    // This part is the same in tools/Workshop.java and tools/Check.java, each a program of one file; the workshop
    // module's SharedCodeTest fails when the two differ.

    private static final Pattern TODO = Pattern.compile("^(\\s*)// exercise (\\d+\\.\\d+): (.+)$");
    private static final Pattern MARKER = Pattern.compile("^(\\s*)// exercise (\\d+\\.\\d+) (begin|end)\\s*$");

    /** One marked region: where it is, what it asks, and whether its method ends right after it. */
    record Exercise(String id, String step, Path file, int begin, int end, String indent, String todo,
            boolean endsMethod) {
    }

    /** One test's verdict, as the step's ExerciseReport wrote it; tags: the exercises of each test it is for. */
    record Verdict(String exercise, String test, boolean passed, String message, List<List<String>> tags) {
        /** Whether it is for a test of one of these exercises, or with none (for the test of no exercise). */
        boolean isFor(List<String> exercises, boolean none) {
            return tags.stream().anyMatch(t -> none ? t.stream().noneMatch(exercises::contains)
                    : t.stream().anyMatch(exercises::contains));
        }
    }

    static List<String> steps() {
        try (Stream<Path> entries = Files.list(Path.of("."))) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.matches("step\\d\\d-.*")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list the steps: " + e.getMessage());
        }
    }

    /** "step03-proof-of-work", "step03", "03" or "3" is step03-proof-of-work. */
    static String step(String argument) {
        String name = argument.replaceAll("/+$", "");
        Matcher number = Pattern.compile("(?:step)?0*(\\d{1,2})").matcher(name);
        for (String step : steps()) {
            if (step.equals(name) || number.matches() && Integer.parseInt(step.substring(4, 6)) == Integer.parseInt(number.group(1))) {
                return step;
            }
        }
        throw new IllegalStateException(argument + " is not a step of this workshop; the steps are "
                + String.join(", ", steps()));
    }

    /** Every marked region in the step's main sources, checked for balance; throws saying what is wrong. */
    static List<Exercise> exercises(String step) throws IOException {
        List<Exercise> found = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of(step, "src", "main", "java"))) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        for (Path file : files) {
            found.addAll(regions(step, file, Files.readAllLines(file)));
        }
        Map<String, Long> counts = found.stream().collect(Collectors.groupingBy(Exercise::id, Collectors.counting()));
        counts.forEach((id, n) -> {
            if (n > 1) {
                throw new IllegalStateException("exercise " + id + " is marked " + n + " times in " + step);
            }
        });
        return found;
    }

    /** The marked regions in the lines of one file. */
    static List<Exercise> regions(String step, Path file, List<String> lines) {
        List<Exercise> found = new ArrayList<>();
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
                found.add(new Exercise(id, step, file, begin, i, MARKER.matcher(lines.get(begin)).replaceAll("$1"),
                        todo.group(3), endsMethod));
                open = null;
            }
        }
        if (open != null) {
            throw new IllegalStateException(file + ": exercise " + open + " begins and never ends");
        }
        return found;
    }

    /** The step's own exercises (N.x for step N), in order. */
    static List<Exercise> own(String step) {
        try {
            return ownOf(step, exercises(step));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + step + ": " + e.getMessage());
        }
    }

    /** Of the given exercises, the step's own (N.x for step N), in order. */
    static List<Exercise> ownOf(String step, List<Exercise> exercises) {
        String prefix = Integer.parseInt(step.substring(4, 6)) + ".";
        return exercises.stream().filter(e -> e.id().startsWith(prefix))
                .sorted(Comparator.comparing(e -> Integer.parseInt(e.id().substring(prefix.length())))).toList();
    }

    /** Replaces the regions of the given exercises by stubs in their files; the markers stay, to show where to write. */
    static void strip(List<Exercise> exercises) throws IOException {
        Map<Path, List<Exercise>> byFile = exercises.stream().collect(Collectors.groupingBy(Exercise::file));
        for (Map.Entry<Path, List<Exercise>> entry : byFile.entrySet()) {
            Files.write(entry.getKey(), stubbed(Files.readAllLines(entry.getKey()), entry.getValue()));
        }
    }

    /** The lines of a file with the regions of the given exercises, all of that file, replaced by stubs. */
    static List<String> stubbed(List<String> solution, List<Exercise> inFile) {
        List<String> lines = new ArrayList<>(solution);
        // The line numbers are those of the solution, so strip from the bottom up.
        List<Exercise> bottomUp = new ArrayList<>(inFile);
        bottomUp.sort((a, b) -> Integer.compare(b.begin(), a.begin()));
        for (Exercise exercise : bottomUp) {
            String message = "Exercise " + exercise.id() + ": " + exercise.todo().replace("\\", "\\\\")
                    .replace("\"", "\\\"") + " (see docs/" + exercise.step() + ".md#" + anchor(exercise.id()) + ")";
            String thrown = "throw new UnsupportedOperationException(\"" + message + "\");";
            // A throw that ends its method may stand alone; anywhere else, the code after it must stay
            // reachable for the compiler, which `if (true)` does.
            String stub = exercise.indent() + (exercise.endsMethod() ? thrown : "if (true) { " + thrown + " }");
            lines.subList(exercise.begin() + 1, exercise.end()).clear();
            lines.add(exercise.begin() + 1, stub);
        }
        return lines;
    }

    static boolean isStub(Exercise exercise) throws IOException {
        List<String> lines = Files.readAllLines(exercise.file());
        return lines.stream().anyMatch(l -> l.contains("UnsupportedOperationException(\"Exercise " + exercise.id() + ": "));
    }

    static String anchor(String id) {
        return "exercise-" + id.replace(".", "");
    }

    /** The verdicts that the step's ExerciseReport wrote, none when the tests did not run. */
    static List<Verdict> readReport(Path report) throws IOException {
        List<Verdict> verdicts = new ArrayList<>();
        if (Files.exists(report)) {
            for (String line : Files.readAllLines(report)) {
                String[] f = line.split("\t", -1);
                if (f.length >= 4) {
                    List<List<String>> tags = Stream.of((f.length > 4 ? f[4] : "").split(";", -1))
                            .map(t -> t.isEmpty() ? List.<String>of() : List.of(t.split(","))).toList();
                    verdicts.add(new Verdict(f[0], f[1], f[2].equals("passed"), f[3], tags));
                }
            }
        }
        return verdicts;
    }

    /** The last 20 lines of a command's output. */
    static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    // ---------------------------------------------------------------- the end of the part shared with the other file

    private Workshop() {
    }
}
