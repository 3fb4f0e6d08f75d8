import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The maintainers' check of the workshop, which CI runs: every exercise both ways, and every step page in shape.
 * Like tools/Workshop.java, the learners' command whose exercise markers it reads, it is run from the repository
 * root as a source file.
 *
 * <pre>
 * java tools/Check.java [STEP...]         every exercise of each step (of all steps) both ways, and its page's shape
 * java tools/Check.java discover STEP     for authors: the tests that fail without each exercise, the ones to tag
 * </pre>
 *
 * Both ways: without its solution an exercise's tests all fail, and with it and the exercises before it (the later
 * ones stripped) they all pass; with every exercise stripped, every test of no exercise passes. The tests run with
 * the Maven Wrapper, offline, in a build of their own: the step's sources (their times too) and its build are put
 * back as they were, also after Ctrl-C, so that the check leaves a built tree built.
 */
public final class Check {

    /** The files that a run has stripped and not yet put back, for the shutdown hook. */
    private static final Map<Path, Original> ORIGINALS = new TreeMap<>();
    private static Path targetAside;
    private static volatile Process running;
    private static boolean stopping;

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && List.of("-h", "--help", "help").contains(args[0])) {
            usage("");
        }
        try {
            if (!Files.isDirectory(Path.of("step01-block"))) {
                throw new IllegalStateException("run this from the repository root (the folder with step01-block)");
            }
            Runtime.getRuntime().addShutdownHook(new Thread(Check::stop));
            int exit;
            if (args.length > 0 && args[0].equals("discover")) {
                if (args.length != 2) {
                    usage("discover needs one step, such as step03-proof-of-work");
                }
                exit = discover(step(args[1]));
            } else {
                exit = check(args.length == 0 ? steps() : Stream.of(args).map(Check::step).distinct().toList());
            }
            System.exit(exit);
        } catch (IllegalStateException | IOException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void usage(String problem) {
        System.err.println((problem.isEmpty() ? "" : "error: " + problem + "\n\n") + """
                usage: java tools/Check.java [STEP...]      (from the repository root)
                       java tools/Check.java discover STEP
                  [STEP...]        every exercise of the steps (all of them if none is named) both ways, and the
                                   shape of each step's page; exit 0 when every check passes
                  discover STEP    (authors) for each exercise, the tests that fail without it: the ones to tag
                STEP is a step's folder or number (step03-proof-of-work, 03 or 3).
                The learners' command is java tools/Workshop.java.""");
        System.exit(2);
    }

    /** A file as it was before the check stripped it. */
    record Original(byte[] bytes, FileTime time) {
    }

    // ---------------------------------------------------------------- running the tests

    /** What one Maven run said: its output, and the verdicts (none when it did not compile). */
    record Run(String output, List<Verdict> verdicts) {
    }

    /** Runs the step's tests of the given groups (or all) but those of the excluded groups, quietly and offline. */
    static Run test(String step, List<String> groups, List<String> excluded) throws IOException, InterruptedException {
        Path report = Path.of(step, "target", "exercise-report.tsv");
        Files.deleteIfExists(report);
        String wrapper = Path.of(System.getProperty("os.name").startsWith("Windows") ? "mvnw.cmd" : "mvnw")
                .toAbsolutePath().toString();
        List<String> command = new ArrayList<>(List.of(wrapper, "-o", "-q", "-B", "-f", step + "/pom.xml", "test",
                "-Dsurefire.failIfNoSpecifiedTests=false", "-DfailIfNoTests=false"));
        if (!groups.isEmpty()) {
            command.add("-Dgroups=" + groups.stream().map(g -> "exercise-" + g).collect(Collectors.joining(",")));
        }
        if (!excluded.isEmpty()) {
            command.add("-DexcludedGroups=" + excluded.stream().map(g -> "exercise-" + g).collect(Collectors.joining(",")));
        }
        Process maven;
        synchronized (Check.class) {
            if (stopping) {
                throw new IllegalStateException("stopped");
            }
            maven = new ProcessBuilder(command).redirectErrorStream(true).start();
            running = maven;
        }
        String output = new String(maven.getInputStream().readAllBytes());
        maven.waitFor();
        running = null;
        return new Run(output, readReport(report));
    }

    // ---------------------------------------------------------------- the check

    /** Checks each step's exercises both ways and its page; returns the exit code (0 when every check passes). */
    private static int check(List<String> steps) throws Exception {
        int failures = 0;
        for (String step : steps) {
            System.out.println("== " + step);
            List<String> problems = new ArrayList<>(Pages.check(step));
            if (problems.isEmpty()) {
                System.out.println("  its page has the headings, a diagram, at most four files to read first and "
                        + Pages.words(Path.of("docs", step + ".md")) + " words");
            }
            problems.addAll(checkStep(step));
            problems.forEach(problem -> System.out.println("  FAILED: " + problem));
            failures += problems.size();
        }
        System.out.println(failures == 0 ? "every exercise checked both ways, every page in shape" : failures + " check(s) failed");
        return failures == 0 ? 0 : 1;
    }

    /** Runs the check with the step's build set aside, so that the solution's build and test reports survive it. */
    private static List<String> checkStep(String step) throws Exception {
        setAside(step);
        try {
            return checkExercises(step);
        } finally {
            putBack();
        }
    }

    /**
     * Moves the step's target folder aside, for putBack to bring back with the sources' times: the tree is then as
     * the check found it, and a later build of it has nothing to do.
     */
    private static synchronized void setAside(String step) throws IOException {
        Path target = Path.of(step, "target");
        Path aside = Path.of(step, "target.solution");
        if (Files.isDirectory(aside)) {
            // A check that was killed left it: its target is the stubs' build.
            deleteTree(target);
            Files.move(aside, target);
        }
        if (Files.isDirectory(target)) {
            Files.move(target, aside);
        }
        targetAside = target;
    }

    private static void deleteTree(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            try (Stream<Path> walk = Files.walk(directory)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /**
     * Without its solution, an exercise's tests all fail; with it and the exercises before it (the later ones
     * stripped), they all pass; and with every exercise stripped, every test of no exercise passes.
     */
    private static List<String> checkExercises(String step) throws Exception {
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
        for (Exercise exercise : exercises) {
            List<String> layers = Pages.layers(step, exercise.id());
            if (layers.size() < 3 || !layers.get(0).equals("Hint 1") || !layers.get(1).equals("Hint 2")
                    || !layers.get(layers.size() - 1).equals("The idea of the solution")) {
                problems.add("docs/" + step + ".md needs \"### Exercise " + exercise.id()
                        + "\" with <details> blocks Hint 1, Hint 2 and The idea of the solution");
            }
            if (isStub(exercise)) {
                problems.add("exercise " + exercise.id() + " is a stub here: check the solution (reset " + step + ")");
                return problems;
            }
        }
        remember(exercises);
        List<String> ids = exercises.stream().map(Exercise::id).toList();
        int last = exercises.size() - 1;
        try {
            // Runs that strip the same exercises are one Maven run, split by the tests' tags: with one exercise,
            // stripping all is stripping it; stripping the last alone is also "the one before done, the later not".
            stripUnlessStopping(exercises);
            Run all = last == 0 ? test(step, List.of(), List.of()) : test(step, List.of(), ids);
            List<Verdict> untagged = all.verdicts().stream().filter(v -> v.isFor(ids, true)).toList();
            if (untagged.isEmpty()) {
                problems.add("with its exercises stripped, the step's other tests do not run:\n" + tail(all.output()));
                return problems;
            }
            List<Verdict> failing = untagged.stream().filter(v -> !v.passed()).toList();
            if (!failing.isEmpty()) {
                problems.add("with its exercises stripped, tests of no exercise fail: tag them, or make them independent"
                        + " of the exercises: " + failing.stream().map(v -> v.test() + " (" + v.message() + ")")
                        .collect(Collectors.joining(", ")));
            } else {
                System.out.println("  stripped, every test of no exercise passes (" + untagged.size() + " verdicts)");
            }
            if (last == 0) {
                without(exercises.get(0), all, problems);
            }
            for (int k = 0; k < last; k++) {
                Exercise exercise = exercises.get(k);
                restore();
                stripUnlessStopping(List.of(exercise));
                without(exercise, test(step, List.of(exercise.id()), List.of()), problems);
                restore();
                stripUnlessStopping(exercises.subList(k + 1, exercises.size()));
                Run in = test(step, k + 1 == last ? List.of(exercise.id(), ids.get(last)) : List.of(exercise.id()),
                        List.of());
                done(exercise, in, problems);
                if (k + 1 == last) {
                    without(exercises.get(last), in, problems);
                }
            }
        } finally {
            putBack();
        }
        return problems;
    }

    /** With the exercise stripped (and the later ones, or not), every test of it fails. */
    private static void without(Exercise exercise, Run run, List<String> problems) {
        List<Verdict> mine = run.verdicts().stream().filter(v -> v.isFor(List.of(exercise.id()), false)).toList();
        long passed = mine.stream().filter(Verdict::passed).count();
        if (mine.isEmpty()) {
            problems.add("exercise " + exercise.id() + " has no test tagged exercise-" + exercise.id());
        } else if (passed > 0) {
            problems.add("exercise " + exercise.id() + ": " + passed + " of its " + mine.size()
                    + " tests pass without it: they do not test it");
        } else {
            System.out.println("  exercise " + exercise.id() + " stripped: all " + mine.size() + " of its tests fail");
        }
    }

    /** With the exercise and those before it done, the later ones stripped, every test of it passes. */
    private static void done(Exercise exercise, Run run, List<String> problems) {
        List<Verdict> mine = run.verdicts().stream().filter(v -> v.isFor(List.of(exercise.id()), false)).toList();
        List<Verdict> failed = mine.stream().filter(v -> !v.passed()).toList();
        if (mine.isEmpty() || !failed.isEmpty()) {
            problems.add("exercise " + exercise.id() + " done, the later ones not: its tests must pass, but "
                    + (mine.isEmpty() ? "they did not run" : failed.stream()
                    .map(v -> v.test() + " (" + v.message() + ")").collect(Collectors.joining(", ")) + " fail")
                    + "; tag such a test with the later exercise it needs");
        } else {
            System.out.println("  exercise " + exercise.id() + " done, the later ones stripped: its " + mine.size()
                    + " tests pass");
        }
    }

    /** For the author of an exercise: which tests fail when it alone is stripped; those are the ones to tag. */
    private static int discover(String step) throws Exception {
        List<Exercise> exercises = own(step);
        setAside(step);
        remember(exercises);
        try {
            for (Exercise exercise : exercises) {
                restore();
                stripUnlessStopping(List.of(exercise));
                Run run = test(step, List.of(), List.of());
                TreeSet<String> failing = run.verdicts().stream().filter(v -> !v.passed()).map(Verdict::test)
                        .collect(Collectors.toCollection(TreeSet::new));
                System.out.println("exercise-" + exercise.id() + ": " + String.join(" ", failing));
            }
        } finally {
            putBack();
        }
        return 0;
    }

    /** Keeps the files of the exercises as they are, to put them back after stripping. */
    private static synchronized void remember(List<Exercise> exercises) throws IOException {
        for (Exercise exercise : exercises) {
            Path file = exercise.file();
            if (!ORIGINALS.containsKey(file)) {
                ORIGINALS.put(file, new Original(Files.readAllBytes(file), Files.getLastModifiedTime(file)));
            }
        }
    }

    private static synchronized void restore() throws IOException {
        for (Map.Entry<Path, Original> original : ORIGINALS.entrySet()) {
            Files.write(original.getKey(), original.getValue().bytes());
        }
    }

    /** Strips the exercises in their files, unless the run is stopping: then nothing may strip again. */
    private static synchronized void stripUnlessStopping(List<Exercise> exercises) throws IOException {
        if (stopping) {
            throw new IllegalStateException("stopped");
        }
        strip(exercises);
    }

    /** For the shutdown hook: stops the tests and puts every file back, for good, so that Ctrl-C leaves no stub. */
    private static void stop() {
        Process process;
        synchronized (Check.class) {
            stopping = true;
            process = running;
        }
        if (process != null) {
            // Maven's test JVM writes into target until it ends, so wait for it before putting target back.
            List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
            all.add(process.toHandle());
            all.forEach(ProcessHandle::destroy);
            for (ProcessHandle handle : all) {
                try {
                    handle.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    handle.destroyForcibly();
                }
            }
        }
        putBackNow();
    }

    /**
     * Restores the remembered files, with their times, and the step's build that was set aside, then forgets them.
     * Without a build set aside, the check's own goes: it was compiled from stubs, newer than the restored sources.
     */
    private static synchronized void putBack() {
        // Once stopping, the shutdown hook puts back, after the test JVMs ended.
        if (!stopping) {
            putBackNow();
        }
    }

    private static synchronized void putBackNow() {
        try {
            restore();
            for (Map.Entry<Path, Original> original : ORIGINALS.entrySet()) {
                Files.setLastModifiedTime(original.getKey(), original.getValue().time());
            }
            ORIGINALS.clear();
            if (targetAside != null) {
                deleteTree(targetAside);
                Path aside = targetAside.resolveSibling("target.solution");
                if (Files.isDirectory(aside)) {
                    Files.move(aside, targetAside);
                }
                targetAside = null;
            }
        } catch (IOException e) {
            System.err.println("error: could not put back " + ORIGINALS.keySet() + " and " + targetAside + ": "
                    + e.getMessage() + "; `git checkout -- FILE` restores a file, and a build the folder target");
        }
    }

    /** The shape every step page has: its headings in order, a diagram, few files, few words, layers of hints. */
    static final class Pages {
        static final List<String> HEADINGS = List.of("## What you will learn", "## The text", "## The picture",
                "## Read these first", "## Run it", "## Exercises", "## Recap", "## Next");
        static final int MAX_WORDS = 1500;

        static int words(Path page) throws IOException {
            String text = Files.readString(page).replaceAll("(?s)```.*?```", "");
            return text.isBlank() ? 0 : text.strip().split("\\s+").length;
        }

        static List<String> check(String step) throws IOException {
            Path page = Path.of("docs", step + ".md");
            if (!Files.exists(page)) {
                return List.of(page + " is missing");
            }
            List<String> problems = new ArrayList<>();
            String doc = Files.readString(page);
            List<String> headings = doc.replaceAll("(?s)```.*?```", "").lines().filter(l -> l.startsWith("## ")).toList();
            List<String> required = headings.stream().filter(HEADINGS::contains).toList();
            if (!required.equals(HEADINGS)) {
                problems.add(page + " needs the headings " + String.join(", ", HEADINGS) + " in this order; it has "
                        + String.join(", ", headings));
            }
            List<String> extra = headings.stream().filter(h -> !HEADINGS.contains(h)).toList();
            if (!extra.isEmpty() && !(extra.equals(List.of("## What the text gets wrong"))
                    && Integer.parseInt(step.substring(4, 6)) <= 6)) {
                problems.add(page + " has headings that are not the page's: " + String.join(", ", extra));
            }
            if (!doc.contains("```mermaid\n")) {
                problems.add(page + " needs a diagram, a ```mermaid block under ## The picture");
            }
            int words = words(page);
            if (words > MAX_WORDS) {
                problems.add(page + " has " + words + " words outside code blocks; at most " + MAX_WORDS);
            }
            String read = section(doc, "## Read these first");
            long files = read.lines().filter(l -> l.startsWith("- ")).count();
            if (files == 0 || files > 4) {
                problems.add(page + ": ## Read these first lists " + files + " files; one to four");
            }
            String run = section(doc, "## Run it");
            if (!run.contains("**Checkpoint:**")) {
                problems.add(page + ": ## Run it needs a **Checkpoint:** after each stage");
            }
            if (!section(doc, "## What you will learn").matches("(?s).*\\nTime: about \\d+ minutes \\(reading \\d+, running \\d+, exercises \\d+\\)\\..*")) {
                problems.add(page + ": ## What you will learn needs a line \"Time: about N minutes (reading N, running N, exercises N).\"");
            }
            long recap = section(doc, "## Recap").lines().filter(l -> !l.isBlank() && !l.startsWith("## ")).count();
            if (recap != 3) {
                problems.add(page + ": ## Recap has " + recap + " lines; three");
            }
            return problems;
        }

        /** The summaries of the {@code <details>} blocks under "### Exercise ID": Hint 1, Hint 2..., the idea. */
        static List<String> layers(String step, String id) throws IOException {
            Path page = Path.of("docs", step + ".md");
            String doc = Files.exists(page) ? Files.readString(page) : "";
            int section = doc.indexOf("### Exercise " + id + "\n");
            if (section < 0) {
                return List.of();
            }
            int end = Stream.of(doc.indexOf("\n## ", section + 1), doc.indexOf("\n### ", section + 1), doc.length())
                    .filter(i -> i >= 0).min(Integer::compare).get();
            Matcher summary = Pattern.compile("<details><summary>([^<]+)</summary>").matcher(doc.substring(section, end));
            List<String> layers = new ArrayList<>();
            while (summary.find()) {
                layers.add(summary.group(1).strip());
            }
            return layers;
        }

        private static String section(String doc, String heading) {
            int start = doc.indexOf("\n" + heading + "\n");
            if (start < 0) {
                return "";
            }
            int end = doc.indexOf("\n## ", start + heading.length() + 1);
            return doc.substring(start + 1, end < 0 ? doc.length() : end);
        }

        private Pages() {
        }
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

    private Check() {
    }
}
