import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs every command that README.md and docs/ show, as a reader would type them, so that none of them rots.
 * Written in Java, like tools/Workshop.java, so that it needs nothing the workshop does not already need.
 *
 * <pre>
 * java tools/DocCommands.java list              every command, with the page and line it is on
 * java tools/DocCommands.java run [PAGE...]      run them, page by page (CI runs this on every page)
 * </pre>
 *
 * <p>The commands are the lines of the {@code ```sh} blocks. Each page runs in a copy of the repository, top to
 * bottom, in one shell, so that a variable set on one line (BOB=...) is there on the next. The runner does what a
 * reader does between the lines, and nothing else:
 * <ul>
 * <li>a node started in the foreground (a node jar of step 04 or later, the text's Python node, the explorer, or
 *     bench's PaymentServer), also
 *     at the end of a line of commands joined by {@code &&}, is
 *     started in the background, as in a second terminal, and waited for until it answers {@code GET /chain} (with
 *     any status: the explorer's answer is a 404); a node started on a
 *     port where one of ours runs stops that one first, as Ctrl-C would; every node stops at the end of the page;</li>
 * <li>before a {@code curl} to localhost, the node there is waited for;</li>
 * <li>before a {@code docker} line, the local nodes stop, since the containers publish the same ports;</li>
 * <li>a line whose comment starts with "red" or "fails" must fail (an exercise's tests before the learner's
 *     work, a demonstration of what goes wrong), and {@code diff} may exit 1 (it found differences, which is what
 *     it is shown for);</li>
 * <li>{@code sudo apt-get install} installs what is missing with apt-get when run as root;</li>
 * <li>{@code ./mvnw verify}, also of one module ({@code -pl explorer verify}), is not run again: it is the README's
 *     test command, which .ci/run runs first;</li>
 * <li>{@code ./mvnw -pl STEP test} is not run again under CI=true when .ci/run's {@code ./mvnw verify} left the
 *     step's test reports, newer than its sources: the runner shows their totals instead, and fails unless every test
 *     ran and passed;</li>
 * <li>{@code ./mvnw -q package -DskipTests} runs once, in the repository itself before the first page that shows
 *     it, so that every page's copy has the jars, and not at all when every module's jar is newer than its sources
 *     (.ci/run's {@code ./mvnw verify} built them);</li>
 * <li>the compose demo runs once, on the first page that shows it; a later one, and the {@code docker-compose down}
 *     after it, are not run again;</li>
 * <li>the commands run with {@code CLF_DOC_SHORT=1} (unless the environment sets it otherwise, {@code 0} for the
 *     full runs): the measuring programs of bench and tools/watch-latency.sh then measure briefly, and the JMH suite,
 *     wrk and step 03's difficulty 6 run in a short form, which is shown, and so does a red
 *     {@code java tools/Workshop.java verify STEP}: without the step, it runs only the started exercises' tests (with
 *     every exercise undone, .ci/run's exercise check ran the step's other tests); a reader running a page gets the
 *     full runs;</li>
 * <li>without a container registry, the image {@code clf-jre:17} (tools/jre-image.sh) stands in for
 *     {@code eclipse-temurin:17-jre}, the Dockerfiles' default base, for as long as the run lasts.</li>
 * </ul>
 * A {@code curl} fails the check on a 5xx answer or no answer. Commands in {@code `backticks`} in the text that look
 * like ones a reader would run must also be in some block, so that they are run too.
 */
public final class DocCommands {

    /**
     * One command as a page shows it: its text (perhaps several lines), its comment, where it is, and the lines of
     * the checkpoint that follows its block, if it is the block's last command.
     */
    record Command(String page, int line, String text, String comment, List<String> checkpoint) {
        String where() {
            return page + ":" + line;
        }
    }

    private static final Pattern NODE = Pattern.compile(
            "^(java -jar step(?:0[4-9]|[1-9]\\d)-[a-z-]+/target/step(?:0[4-9]|[1-9]\\d)-[a-z-]+\\.jar(?! +wallet)(?!.*--help)|/usr/bin/python3 tools/text-node\\.py"
            + "|java -jar explorer/target/explorer\\.jar(?!.*--help)"
            + "|java -cp bench/target/benchmarks\\.jar clf\\.blockchain\\.PaymentServer(?!.*--help))\\b.*");
    private static final Pattern PORT_OPTION = Pattern.compile("(?:--port|-p) (\\d+)");
    private static final Pattern TEXT_NODE_PORT = Pattern.compile("text-node\\.py (\\d+)");
    private static final Pattern LOCAL_PORT = Pattern.compile("(?:localhost|127\\.0\\.0\\.1):(\\d+)");
    private static final Pattern INLINE = Pattern.compile(
            "`((?:java -jar step|java -cp step|java tools/(?!Workshop\\.java watch)|(?:\\./mvnw|mvn) -pl |bash tools/|curl [^`]*http|docker run |wrk |gcc )[^`]*)`");

    /** Whether the measuring commands run in their short form: CLF_DOC_SHORT=1, unless the caller set another value. */
    private static final String SHORT = System.getenv().getOrDefault("CLF_DOC_SHORT", "1");

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length == 0 || !List.of("list", "run").contains(args[0])) {
            System.err.println("usage: java tools/DocCommands.java list | run [PAGE...]   (from the repository root)");
            System.exit(2);
        }
        List<Path> pages = args.length > 1
                ? Stream.of(args).skip(1).map(Path::of).toList()
                : pages();
        if (args[0].equals("list")) {
            for (Path page : pages) {
                for (Command command : commands(page)) {
                    System.out.println(command.where() + "  " + command.text().replace("\n", "\n    "));
                    command.checkpoint().forEach(line -> System.out.println("    checkpoint: " + line));
                }
            }
            inlineCommandsNotInBlocks().forEach(missing -> System.out.println("in no block: " + missing));
            return;
        }
        List<String> notInBlocks = inlineCommandsNotInBlocks();
        if (!notInBlocks.isEmpty()) {
            System.err.println("These commands are shown in the text but in no ```sh block, so nothing runs them;"
                    + " add each to a block:\n  " + String.join("\n  ", notInBlocks));
            System.exit(1);
        }
        int failed = 0;
        int run = 0;
        for (Path page : pages) {
            List<Command> commands = commands(page);
            if (commands.isEmpty()) {
                continue;
            }
            System.out.println("== " + page + ": " + commands.size() + " commands");
            failed += runPage(page, commands);
            run += commands.size();
        }
        System.out.println("doc commands: " + run + " run from " + pages.size() + " pages, " + failed + " failed");
        System.exit(failed == 0 ? 0 : 1);
    }

    /** README.md first, then the step pages in order, then the rest of docs/, then the reference pages. */
    static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(Path.of("README.md"));
        for (Path folder : List.of(Path.of("docs"), Path.of("docs", "reference"))) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> docs = Files.list(folder)) {
                    docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
                }
            }
        }
        return pages;
    }

    /** The commands of a page's {@code ```sh} blocks; a command ends at a line end outside quotes. */
    static List<Command> commands(Path page) throws IOException {
        List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
        List<Command> commands = new ArrayList<>();
        boolean inBlock = false;
        // A checkpoint: after a ```sh block, a line "**Checkpoint:** ..." and then a ```text block, whose lines the
        // output of the block's last command must show ("…" stands for any text).
        int target = -1;
        boolean checkpoint = false;
        StringBuilder text = new StringBuilder();
        StringBuilder comment = new StringBuilder();
        int start = 0;
        char quote = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!inBlock) {
                inBlock = line.equals("```sh");
                if (inBlock) {
                    continue;
                }
                if (line.startsWith("**Checkpoint:**")) {
                    checkpoint = true;
                } else if (line.equals("```text") && checkpoint && target >= 0) {
                    List<String> expected = new ArrayList<>();
                    while (++i < lines.size() && !lines.get(i).startsWith("```")) {
                        if (!lines.get(i).isBlank()) {
                            expected.add(lines.get(i).strip());
                        }
                    }
                    Command last = commands.get(target);
                    commands.set(target, new Command(last.page(), last.line(), last.text(), last.comment(), expected));
                    target = -1;
                } else if (line.startsWith("```")) {
                    target = -1;
                    checkpoint = false;
                    while (++i < lines.size() && !lines.get(i).startsWith("```")) {
                        // Skips a block that is not a command's.
                    }
                }
                continue;
            }
            if (line.startsWith("```")) {
                inBlock = false;
                target = commands.size() - 1;
                checkpoint = false;
                continue;
            }
            if (text.length() == 0 && quote == 0) {
                if (line.isBlank() || line.stripLeading().startsWith("#")) {
                    continue;
                }
                start = i + 1;
            }
            // Scans the line for quotes, to find where the command's own text ends and its comment starts.
            int end = line.length();
            for (int c = 0; c < line.length(); c++) {
                char ch = line.charAt(c);
                if (quote != 0) {
                    if (ch == quote) {
                        quote = 0;
                    } else if (ch == '\\' && quote == '"') {
                        c++;
                    }
                } else if (ch == '\'' || ch == '"') {
                    quote = ch;
                } else if (ch == '#' && (c == 0 || Character.isWhitespace(line.charAt(c - 1)))) {
                    end = c;
                    comment.append(line.substring(c + 1).strip());
                    break;
                }
            }
            text.append(text.length() == 0 ? "" : "\n").append(line, 0, end);
            if (quote == 0 && !line.substring(0, end).stripTrailing().endsWith("\\")) {
                commands.add(new Command(page.toString(), start, text.toString().strip(), comment.toString(), List.of()));
                text.setLength(0);
                comment.setLength(0);
            }
        }
        return commands;
    }

    /** Commands written inline in a page's text that no block of any page holds. */
    static List<String> inlineCommandsNotInBlocks() throws IOException {
        Set<String> inBlocks = new LinkedHashSet<>();
        for (Path page : pages()) {
            for (Command command : commands(page)) {
                inBlocks.add(command.text().replaceAll("\\s+&$", ""));
            }
        }
        List<String> missing = new ArrayList<>();
        for (Path page : pages()) {
            List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
            boolean inBlock = false;
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("```")) {
                    inBlock = !inBlock;
                    continue;
                }
                Matcher inline = INLINE.matcher(lines.get(i));
                while (!inBlock && inline.find()) {
                    String command = inline.group(1).strip();
                    // A quote left open is the text's own typo, quoted to be corrected, not a command to run.
                    boolean quotesTheText = command.chars().filter(c -> c == '"').count() % 2 == 1;
                    if (!quotesTheText && !inBlocks.contains(command)) {
                        missing.add(page + ":" + (i + 1) + "  " + command);
                    }
                }
            }
        }
        return missing;
    }

    /** Writes the page's commands as one bash script, runs it in a copy of the repository, and counts failures. */
    static int runPage(Path page, List<Command> commands) throws IOException, InterruptedException {
        int buildFailed = 0;
        if (!built && commands.stream().anyMatch(c -> c.text().equals(BUILD) || c.text().startsWith(BUILD + " && "))) {
            buildFailed = buildOnce();
        }
        Path copy = Files.createTempDirectory("doc-commands-");
        run("cp", "-a", ".", copy.toString());
        StringBuilder script = new StringBuilder(PRELUDE);
        for (Command command : commands) {
            script.append(bash(command));
        }
        script.append("doc_end\n");
        Path file = copy.resolve(".doc-commands.sh");
        Files.writeString(file, script.toString());
        ProcessBuilder bash = new ProcessBuilder("bash", file.toString()).directory(copy.toFile()).inheritIO();
        // A reader's shell has no CI=true: the commands run as theirs do, without the deep tests that CI's
        // `./mvnw verify` ran already; DOC_CI keeps only its meaning here (Docker must be there).
        String ci = bash.environment().remove("CI");
        bash.environment().put("DOC_CI", ci == null ? "" : ci);
        bash.environment().put("CLF_DOC_SHORT", SHORT);
        Process process = bash.start();
        int failed = process.waitFor();
        run("rm", "-rf", copy.toString());
        return failed + buildFailed;
    }

    private static final String BUILD = "./mvnw -q package -DskipTests";
    private static boolean built;
    private static String notBuiltAgain = "an earlier page built this same tree";
    private static boolean demoShown;
    private static boolean demoSkipped;

    /**
     * Builds the tree once for the whole run, in the repository itself, so that the copies of every page have the
     * jars; not at all when they are newer than every source. Returns 1 when the build fails.
     */
    static int buildOnce() throws IOException, InterruptedException {
        built = true;
        if (upToDate()) {
            notBuiltAgain = "every module's jar is newer than its sources: an earlier phase built this tree";
            return 0;
        }
        notBuiltAgain = "it ran once, in the repository itself, before this page";
        System.out.println("$ " + BUILD + "    [once for the run, in the repository itself]");
        long started = System.nanoTime();
        int status = new ProcessBuilder(BUILD.split(" ")).inheritIO().start().waitFor();
        System.out.printf("   (took %.0f s)%n", (System.nanoTime() - started) / 1e9);
        if (status != 0) {
            System.err.println("FAILED: " + BUILD + " exited " + status);
            return 1;
        }
        return 0;
    }

    /** What every module is built and tested from, besides its own folder: the node jars of steps 04-10 also carry
     * the OpenAPI description, which tools/OpenApi.java cuts to size. */
    private static final List<Path> SHARED = List.of(Path.of("pom.xml"), Path.of("docs", "openapi.yaml"),
            Path.of("tools", "OpenApi.java"));

    /** Whether each module of the parent pom has a jar newer than its sources, its pom and the parent pom. */
    static boolean upToDate() throws IOException {
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(Path.of("pom.xml")));
        long shared = newest(SHARED);
        while (module.find()) {
            Path folder = Path.of(module.group(1));
            List<Path> jars;
            try (Stream<Path> files = Files.list(folder.resolve("target"))) {
                jars = files.filter(p -> p.toString().endsWith(".jar") && !p.getFileName().toString().startsWith("original-"))
                        .toList();
            } catch (IOException e) {
                return false;
            }
            long sources = Math.max(shared, newest(List.of(folder.resolve("pom.xml"), folder.resolve("src"))));
            if (jars.isEmpty() || oldest(jars) <= sources) {
                return false;
            }
        }
        return true;
    }

    /** The newest modification time of the files, and of every file under the folders among them. */
    private static long newest(List<Path> paths) throws IOException {
        long newest = 0;
        for (Path path : paths) {
            if (Files.exists(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    for (Path file : walk.filter(Files::isRegularFile).toList()) {
                        newest = Math.max(newest, Files.getLastModifiedTime(file).toMillis());
                    }
                }
            }
        }
        return newest;
    }

    private static long oldest(List<Path> files) throws IOException {
        long oldest = Long.MAX_VALUE;
        for (Path file : files) {
            oldest = Math.min(oldest, Files.getLastModifiedTime(file).toMillis());
        }
        return oldest;
    }

    private static final Pattern VERIFY = Pattern.compile("\\./mvnw (?:-q )?(?:-pl [\\w-]+ )?verify(?: .*)?");
    private static final Pattern STEP_TEST = Pattern.compile("\\./mvnw -pl (step\\d\\d-[a-z-]+) test");
    private static final Pattern SUITE = Pattern.compile("<testsuite [^>]*");
    private static final List<Pattern> REPORT_COUNTS = Stream.of("tests", "failures", "errors", "skipped")
            .map(name -> Pattern.compile("\\b" + name + "=\"(\\d+)\"")).toList();

    /**
     * The totals of the step's test reports, as Maven prints them, when .ci/run's {@code ./mvnw verify} wrote them
     * in this run after the step's last change; null when they are missing or older (the command then runs).
     */
    static String reported(String step) {
        Path folder = Path.of(step, "target", "surefire-reports");
        if (!"true".equals(System.getenv("CI")) || !Files.isDirectory(folder)) {
            return null;
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> xml = files.filter(p -> p.getFileName().toString().matches("TEST-.*\\.xml")).toList();
            long sources = Math.max(newest(SHARED), newest(List.of(Path.of(step, "pom.xml"), Path.of(step, "src"))));
            if (xml.isEmpty() || oldest(xml) <= sources) {
                return null;
            }
            long[] totals = new long[REPORT_COUNTS.size()];
            for (Path report : xml) {
                Matcher suite = SUITE.matcher(Files.readString(report));
                String head = suite.find() ? suite.group() : "";
                for (int i = 0; i < totals.length; i++) {
                    Matcher count = REPORT_COUNTS.get(i).matcher(head);
                    totals[i] += count.find() ? Long.parseLong(count.group(1)) : 0;
                }
            }
            return String.format("Tests run: %d, Failures: %d, Errors: %d, Skipped: %d", totals[0], totals[1],
                    totals[2], totals[3]) + (totals[0] == 0 ? " (no test ran)" : "");
        } catch (IOException e) {
            return null;
        }
    }

    private static final Pattern JMH = Pattern.compile("java -jar bench/target/benchmarks\\.jar\\b.*");
    private static final Pattern JMH_ITERATIONS = Pattern.compile(" -(?:wi|w|i|r) \\S+");
    private static final Pattern WRK = Pattern.compile("(?:\\S+=\\S+ )*wrk .*");
    private static final Pattern STEP_JAR = Pattern.compile("java -jar step\\d\\d-[a-z-]+/target/\\S+\\.jar .*");

    private static final Pattern STEP_VERIFY = Pattern.compile("java tools/Workshop\\.java verify step\\d\\d-[a-z-]+");

    /**
     * The short form of a measuring command, or of a red verify, under CLF_DOC_SHORT=1: proof that it works, and its
     * figure. A red verify of the one step started runs only its exercises' tests, with the same lines: the check of
     * .ci/run ran the step's other tests with every exercise undone.
     */
    static String shortForm(String text, boolean red) {
        if (!SHORT.equals("1")) {
            return text;
        }
        if (red && STEP_VERIFY.matcher(text).matches()) {
            return text.substring(0, text.lastIndexOf(' '));
        }
        if (JMH.matcher(text).matches() && !text.contains(" -l") && !text.contains(" -h")) {
            return JMH_ITERATIONS.matcher(text).replaceAll("") + " -wi 0 -i 1 -r 200ms";
        }
        if (WRK.matcher(text).matches()) {
            return text.replaceAll(" -d\\d+s", " -d1s");
        }
        if (STEP_JAR.matcher(text).matches()) {
            return text.replace("--difficulty 6", "--difficulty 5");
        }
        return text;
    }

    /** One command, and what the reader does around it. */
    static String bash(Command command) {
        String text = command.text();
        String quoted = "'" + text.replace("'", "'\\''") + "'";
        String where = "'" + command.where() + "'";
        StringBuilder out = new StringBuilder("doc_show " + where + " " + quoted + "\n");
        if (VERIFY.matcher(text).matches()) {
            return out.append(note("not run again: it is the README test command, which .ci/run runs first")).toString();
        }
        Matcher stepTest = STEP_TEST.matcher(text);
        if (stepTest.matches()) {
            String reports = reported(stepTest.group(1));
            if (reports != null) {
                out.append(note("not run again: .ci/run's ./mvnw verify ran these tests in this tree, deeper; its"
                        + " reports say " + reports));
                if (!reports.endsWith(", Failures: 0, Errors: 0, Skipped: 0")) {
                    out.append("doc_failed ").append(where).append(" 'the reports of ./mvnw verify are not all green'\n");
                }
                return out.toString();
            }
        }
        if (text.startsWith(BUILD + " && ")) {
            // The build, then what it was for: the build part counts as the build, run once per run.
            return bash(new Command(command.page(), command.line(), BUILD, command.comment(), List.of()))
                    + bash(new Command(command.page(), command.line(), text.substring(BUILD.length() + 4),
                    command.comment(), command.checkpoint()));
        }
        if (text.equals(BUILD)) {
            // Every page runs in a copy of the same tree, which buildOnce built, or found built.
            return out.append(note("not run again: " + notBuiltAgain)).toString();
        }
        if (text.contains("compose-demo.sh")) {
            if (demoShown) {
                demoSkipped = true;
                return out.append(note("not run again: this run showed the compose demo on an earlier line")).toString();
            }
            demoShown = true;
        }
        if (demoSkipped && text.matches("docker(?:-| )compose down.*")) {
            demoSkipped = false;
            return out.append(note("not run: the compose demo above was not run again, so nothing is up")).toString();
        }
        int and = text.lastIndexOf(" && ");
        if (and > 0 && NODE.matcher(text.substring(and + 4)).matches()) {
            // A line that builds, then starts a node: the first part runs as any command, the node as a node.
            return bash(new Command(command.page(), command.line(), text.substring(0, and), command.comment(), List.of()))
                    + bash(new Command(command.page(), command.line(), text.substring(and + 4), command.comment(),
                    command.checkpoint()));
        }
        if (NODE.matcher(text).matches()) {
            Matcher port = text.contains("text-node.py") ? TEXT_NODE_PORT.matcher(text) : PORT_OPTION.matcher(text);
            String node = text.replaceAll("\\s*&$", "");
            return out.append("doc_node ").append(where).append(' ').append(port.find() ? port.group(1) : "5000")
                    .append(" '").append(node.replace("'", "'\\''")).append("'\n").toString();
        }
        if (text.startsWith("sudo apt-get install ")) {
            return out.append("doc_apt ").append(where).append(' ')
                    .append(text.substring("sudo apt-get install ".length())).append('\n').toString();
        }
        if (text.contains("docker") || text.contains("compose-demo")) {
            out.append("doc_docker ").append(where).append(" || continue_page=no\n");
            out.append("if [ \"${continue_page:-yes}\" = yes ]; then\n");
        } else {
            out.append("if true; then\n");
        }
        Matcher local = LOCAL_PORT.matcher(text);
        Set<String> ports = new LinkedHashSet<>();
        while (text.startsWith("curl") && local.find()) {
            ports.add(local.group(1));
        }
        for (String port : ports) {
            out.append("  doc_wait ").append(port).append('\n');
        }
        boolean fails = command.comment().startsWith("red") || command.comment().startsWith("fails");
        String run = shortForm(text, fails);
        if (!run.equals(text)) {
            out.append("  ").append(note("short form, as CLF_DOC_SHORT=1 asks: " + run));
            quoted = "'" + run.replace("'", "'\\''") + "'";
        }
        String expect = fails ? "fail" : text.startsWith("diff ") ? "diff" : "pass";
        out.append("  doc_run ").append(where).append(' ').append(expect).append(' ').append(quoted);
        for (String shown : command.checkpoint()) {
            out.append(" '").append(pattern(shown).replace("'", "'\\''")).append('\'');
        }
        out.append('\n');
        return out.append("fi\n").toString();
    }

    /** A line of the runner's own, between parentheses, as the shell prints it. */
    static String note(String text) {
        return "echo '   (" + text.replace("'", "'\\''") + ")'\n";
    }

    /** A checkpoint's line as a pattern for grep -E: the line itself, where "…" is any text. */
    static String pattern(String shown) {
        StringBuilder pattern = new StringBuilder();
        for (char c : shown.toCharArray()) {
            if (c == '…') {
                pattern.append(".*");
            } else {
                pattern.append("\\.[]{}()*+?^$|".indexOf(c) >= 0 ? "\\" + c : String.valueOf(c));
            }
        }
        return pattern.toString();
    }

    private static void run(String... command) throws IOException, InterruptedException {
        int status = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (status != 0) {
            throw new IOException(String.join(" ", command) + " exited " + status);
        }
    }

    /** The shell functions the page's script calls. */
    private static final String PRELUDE = """
            #!/usr/bin/env bash
            # Written by tools/DocCommands.java: a page's commands, as a reader runs them.
            DOC_FAILED=0
            declare -A DOC_NODE_PID
            DOC_STAND_IN=
            doc_show() { printf '\\n$ %s    [%s]\\n' "$2" "$1"; }
            doc_failed() { echo "FAILED [$1]: $2" >&2; DOC_FAILED=$((DOC_FAILED + 1)); }
            # A curl that gets no answer or a 5xx fails; its answer and status are shown, unless it feeds a pipe.
            curl() {
              if [ -p /dev/stdout ]; then command curl "$@"; return; fi
              local out status
              out=$(command curl -sS -w '\\n%{http_code}' "$@") || return $?
              status=${out##*$'\\n'}
              printf '%s\\n[HTTP %s]\\n' "${out%$'\\n'*}" "$status"
              [ "$status" -lt 500 ]
            }
            doc_wait() {
              for _ in $(seq 120); do
                command curl -s -o /dev/null -m 2 "http://127.0.0.1:$1/chain" && return 0
                sleep 0.5
              done
              echo "nothing answers on port $1"
            }
            doc_stop() {
              local pid=${DOC_NODE_PID[$1]:-}
              [ -z "$pid" ] && return 0
              kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
              unset "DOC_NODE_PID[$1]"
            }
            doc_stop_all() { for port in "${!DOC_NODE_PID[@]}"; do doc_stop "$port"; done; }
            doc_node() {
              doc_stop "$2"
              bash -c "exec $3" > "node-$2.log" 2>&1 &
              DOC_NODE_PID[$2]=$!
              doc_wait "$2" > /dev/null
              if command curl -s -o /dev/null -m 2 "http://127.0.0.1:$2/chain"; then
                echo "   (started in the background, as in a second terminal: $(head -1 "node-$2.log"))"
              else
                doc_failed "$1" "the node did not answer on port $2 within 60 s"; tail -20 "node-$2.log"
              fi
            }
            doc_run() {
              local where=$1 expect=$2 out status started=$SECONDS
              out=$(mktemp)
              eval "$3" > "$out" 2>&1
              status=$?
              sed -i 's/\\x1b\\[[0-9;]*m//g' "$out"
              local n; n=$(wc -l < "$out")
              if [ "$n" -le 40 ]; then cat "$out"; else head -15 "$out"; echo "   ... ($((n - 30)) lines) ..."; tail -15 "$out"; fi
              [ $((SECONDS - started)) -lt 20 ] || echo "   (took $((SECONDS - started)) s)"
              local shown
              for shown in "${@:4}"; do
                grep -qE -- "$shown" "$out" || doc_failed "$where" "the page's checkpoint shows a line matching /$shown/, which the output lacks"
              done
              rm -f "$out"
              case $expect in
                pass) [ $status -eq 0 ] || doc_failed "$where" "exited $status" ;;
                diff) [ $status -le 1 ] || doc_failed "$where" "exited $status" ;;
                fail) if [ $status -ne 0 ]; then echo "   (failed, as the page says it does here)"
                      else doc_failed "$where" "passed, but the page says it fails (red) here"; fi ;;
              esac
              return 0
            }
            doc_apt() {
              local where=$1; shift
              local missing=()
              for package in "$@"; do dpkg -s "$package" > /dev/null 2>&1 || missing+=("$package"); done
              if [ ${#missing[@]} -eq 0 ]; then echo "   (installed already)"; return 0; fi
              if [ "$(id -u)" = 0 ]; then
                apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" > /dev/null \\
                  || doc_failed "$where" "apt-get could not install ${missing[*]}"
              else
                doc_failed "$where" "install ${missing[*]} first (as root)"
              fi
            }
            doc_docker() {
              doc_stop_all
              if ! docker info > /dev/null 2>&1; then
                if [ "${DOC_CI:-}" = true ]; then doc_failed "$1" "Docker is not running"; else echo "   (skipped: Docker is not running here)"; fi
                return 1
              fi
              if [ -z "$DOC_STAND_IN" ] && ! docker image inspect eclipse-temurin:17-jre > /dev/null 2>&1 \\
                  && docker image inspect clf-jre:17 > /dev/null 2>&1; then
                docker tag clf-jre:17 eclipse-temurin:17-jre && DOC_STAND_IN=yes
                echo "   (no registry here: clf-jre:17 stands in for eclipse-temurin:17-jre)"
              fi
            }
            doc_end() {
              doc_stop_all
              echo "   (the page's commands took $SECONDS s)"
              [ -n "$DOC_STAND_IN" ] && docker rmi eclipse-temurin:17-jre > /dev/null 2>&1
              exit $DOC_FAILED
            }
            """;
}
