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
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The reading half of tools/mutation-check.sh, which runs PIT on each step: keeps the mutants whose line is inside an
 * exercise region of the step's sources, prints them per exercise, and fails on a survivor that
 * tools/mutation-allowed.txt does not allow. Run from the repository root as a source file, like tools/Check.java.
 *
 * <pre>
 * java tools/MutationReport.java targets STEP          PIT's targetClasses and excludedMethods, on two lines
 * java tools/MutationReport.java report STEP [SECONDS]  the step's mutants in regions, from target/pit-reports
 * </pre>
 *
 * {@code report} exits 0 when every mutant in a region was killed (a time-out counts: the tests stopped it) or is
 * allowed, 1 when one survived, 2 when there is no report to read.
 */
public final class MutationReport {

    private static final Pattern BEGIN = Pattern.compile("^\\s*// exercise (\\d+\\.\\d+) begin\\s*$");
    private static final Pattern END = Pattern.compile("^\\s*// exercise (\\d+\\.\\d+) end\\s*$");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    private static final Path ALLOWED = Path.of("tools", "mutation-allowed.txt");

    /** The lines between an exercise's begin and end markers, in the source file at path (package/File.java). */
    record Region(String exercise, String path, String className, int begin, int end) {
        boolean holds(String file, int line) {
            return path.equals(file) && line > begin && line < end;
        }

        String where() {
            return Path.of(path).getFileName() + ":" + begin + "-" + end;
        }
    }

    /** One mutant of PIT's mutations.xml. */
    record Mutant(String file, int line, String mutator, String description, String status, boolean detected,
            String killer) {
        String where() {
            return Path.of(file).getFileName() + ":" + line;
        }
    }

    /** A line of tools/mutation-allowed.txt: an exercise, a mutator and PIT's description, and why it may survive. */
    record Allowed(String exercise, String mutator, String description, String reason) {
        boolean allows(String exercise, Mutant mutant) {
            return this.exercise.equals(exercise) && mutator.equals(mutant.mutator())
                    && description.equals(mutant.description());
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || !List.of("targets", "report").contains(args[0])) {
            System.err.println("usage: java tools/MutationReport.java targets STEP | report STEP [SECONDS]");
            System.exit(2);
        }
        String step = args[1];
        List<Region> regions = regions(step);
        if (args[0].equals("targets")) {
            targets(step, regions);
            return;
        }
        Path xml = Path.of(step, "target", "pit-reports", "mutations.xml");
        if (!Files.isRegularFile(xml)) {
            System.out.println(step + ": no PIT report at " + xml);
            System.exit(2);
        }
        System.exit(report(step, regions, mutants(xml), allowed(), args.length > 2 ? args[2] : null));
    }

    /**
     * Prints PIT's targetClasses (each class that holds a region, and its nested classes) and, on a second line, its
     * excludedMethods: the names of the methods of those classes that hold no line of a region. PIT excludes by name
     * in every class, so a name that holds a region in one class is kept in all; the report reads lines anyway, and
     * this only spares PIT the mutants that it would throw away, most of the run's time. Reads the step's build.
     */
    static void targets(String step, List<Region> regions) throws IOException, InterruptedException {
        Path classes = Path.of(step, "target", "classes");
        List<String> targets = new ArrayList<>();
        Map<String, List<Region>> byClass = new LinkedHashMap<>();
        for (Region region : regions) {
            byClass.computeIfAbsent(region.className(), c -> new ArrayList<>()).add(region);
        }
        java.util.Set<String> all = new java.util.TreeSet<>();
        java.util.Set<String> hosting = new java.util.TreeSet<>();
        for (Map.Entry<String, List<Region>> entry : byClass.entrySet()) {
            String className = entry.getKey();
            targets.add(className);
            targets.add(className + "$*");
            Path dir = classes.resolve(className.replace('.', '/')).getParent();
            String simple = className.substring(className.lastIndexOf('.') + 1);
            List<String> compiled = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                files.map(f -> f.getFileName().toString())
                        .filter(f -> f.equals(simple + ".class") || f.startsWith(simple + "$") && f.endsWith(".class"))
                        .sorted()
                        .forEach(f -> compiled.add(classes.relativize(dir.resolve(f)).toString()));
            }
            if (compiled.isEmpty()) {
                throw new IllegalStateException("no class file for " + className + " in " + classes + ": build it");
            }
            List<String> command = new ArrayList<>(List.of("javap", "-p", "-l", "-cp", classes.toString()));
            compiled.forEach(f -> command.add(f.replaceFirst("\\.class$", "").replace('/', '.').replace('\\', '.')));
            Process javap = new ProcessBuilder(command).redirectErrorStream(true).start();
            List<String> lines = new String(javap.getInputStream().readAllBytes()).lines().toList();
            if (javap.waitFor() != 0) {
                throw new IllegalStateException("javap failed: " + String.join("\n", lines));
            }
            String method = null;
            for (String line : lines) {
                Matcher header = METHOD.matcher(line);
                Matcher number = LINE.matcher(line);
                if (line.equals("  static {};")) {
                    method = "<clinit>";
                } else if (header.matches()) {
                    String name = header.group(1);
                    method = name.contains(".") ? "<init>" : name;
                    all.add(method);
                } else if (number.matches() && method != null) {
                    int at = Integer.parseInt(number.group(1));
                    String file = className.replace('.', '/') + ".java";
                    if (entry.getValue().stream().anyMatch(r -> r.holds(file, at))) {
                        hosting.add(method);
                    }
                }
            }
        }
        all.removeAll(hosting);
        all.remove("<clinit>");
        System.out.println(String.join(",", targets));
        System.out.println(String.join(",", all));
    }

    /** A method's header in javap's listing (two spaces in), and the name before its parameters. */
    private static final Pattern METHOD = Pattern.compile("^  [^ ].*?([\\w$.<>]+)\\(.*\\).*;$");
    private static final Pattern LINE = Pattern.compile("^\\s+line (\\d+): \\d+$");

    /** Every exercise region of the step's main sources, in the order of the exercises. */
    static List<Region> regions(String step) throws IOException {
        Path root = Path.of(step, "src", "main", "java");
        List<Region> regions = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                Matcher pkg = PACKAGE.matcher(String.join("\n", lines));
                String name = file.getFileName().toString().replaceFirst("\\.java$", "");
                String className = pkg.find() ? pkg.group(1) + "." + name : name;
                String path = root.relativize(file).toString().replace('\\', '/');
                Map<String, Integer> open = new LinkedHashMap<>();
                for (int i = 0; i < lines.size(); i++) {
                    Matcher begin = BEGIN.matcher(lines.get(i));
                    Matcher end = END.matcher(lines.get(i));
                    if (begin.matches()) {
                        open.put(begin.group(1), i + 1);
                    } else if (end.matches() && open.containsKey(end.group(1))) {
                        regions.add(new Region(end.group(1), path, className, open.remove(end.group(1)), i + 1));
                    }
                }
                if (!open.isEmpty()) {
                    throw new IllegalStateException(file + ": exercise " + open.keySet() + " has no end marker");
                }
            }
        }
        regions.sort((a, b) -> Long.compare(rank(a.exercise()), rank(b.exercise())));
        return regions;
    }

    static List<Mutant> mutants(Path xml) throws Exception {
        List<Mutant> mutants = new ArrayList<>();
        NodeList nodes = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile())
                .getElementsByTagName("mutation");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element mutation = (Element) nodes.item(i);
            String className = text(mutation, "mutatedClass");
            String pkg = className.contains(".") ? className.substring(0, className.lastIndexOf('.')) : "";
            String file = (pkg.isEmpty() ? "" : pkg.replace('.', '/') + "/") + text(mutation, "sourceFile");
            String mutator = text(mutation, "mutator");
            mutants.add(new Mutant(file, Integer.parseInt(text(mutation, "lineNumber")),
                    mutator.substring(mutator.lastIndexOf('.') + 1), text(mutation, "description"),
                    mutation.getAttribute("status"), Boolean.parseBoolean(mutation.getAttribute("detected")),
                    text(mutation, "killingTest")));
        }
        return mutants;
    }

    private static String text(Element parent, String tag) {
        NodeList found = parent.getElementsByTagName(tag);
        return found.getLength() == 0 ? "" : found.item(0).getTextContent().trim();
    }

    /** The allow-list: "exercise | mutator | description | reason" lines; # starts a comment. */
    static List<Allowed> allowed() throws IOException {
        List<Allowed> allowed = new ArrayList<>();
        if (!Files.isRegularFile(ALLOWED)) {
            return allowed;
        }
        List<String> lines = Files.readAllLines(ALLOWED);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s*\\|\\s*", 4);
            if (fields.length != 4 || fields[3].isBlank()) {
                throw new IllegalStateException(ALLOWED + ":" + (i + 1)
                        + ": wanted \"exercise | mutator | description | reason\", got: " + line);
            }
            allowed.add(new Allowed(fields[0], fields[1], fields[2], fields[3]));
        }
        return allowed;
    }

    static int report(String step, List<Region> regions, List<Mutant> mutants, List<Allowed> allowed, String seconds) {
        Map<String, List<Region>> byExercise = new LinkedHashMap<>();
        regions.forEach(r -> byExercise.computeIfAbsent(r.exercise(), e -> new ArrayList<>()).add(r));
        long inRegions = mutants.stream().filter(m -> regions.stream().anyMatch(r -> r.holds(m.file(), m.line()))).count();
        System.out.printf("%s: %d mutants in %d exercise regions (of %d in their classes)%s%n", step, inRegions,
                regions.size(), mutants.size(), seconds == null ? "" : ", PIT took " + seconds + " s");
        int failing = 0;
        int total = 0;
        int killed = 0;
        int allowedSurvivors = 0;
        for (Map.Entry<String, List<Region>> exercise : byExercise.entrySet()) {
            List<Mutant> its = mutants.stream()
                    .filter(m -> exercise.getValue().stream().anyMatch(r -> r.holds(m.file(), m.line())))
                    .sorted((a, b) -> a.file().equals(b.file()) ? Integer.compare(a.line(), b.line())
                            : a.file().compareTo(b.file()))
                    .toList();
            List<Mutant> survivors = its.stream().filter(m -> !m.detected()).toList();
            long timedOut = its.stream().filter(m -> m.detected() && m.status().equals("TIMED_OUT")).count();
            System.out.printf("  exercise %-5s %-28s mutants %3d  killed %3d%s  survived %d%n", exercise.getKey(),
                    String.join(", ", exercise.getValue().stream().map(Region::where).toList()), its.size(),
                    its.size() - survivors.size(), timedOut == 0 ? "" : " (" + timedOut + " by time-out)",
                    survivors.size());
            total += its.size();
            killed += its.size() - survivors.size();
            for (Mutant survivor : survivors) {
                String reason = allowed.stream().filter(a -> a.allows(exercise.getKey(), survivor)).map(Allowed::reason)
                        .findFirst().orElse(null);
                System.out.printf("      %s %-22s %s: %s%s%n", reason == null ? "SURVIVED" : "allowed ", survivor.where(),
                        survivor.mutator(), survivor.description(),
                        (survivor.status().equals("SURVIVED") ? "" : " [" + survivor.status() + "]")
                                + (reason == null ? "" : "  (" + reason + ")"));
                if (reason == null) {
                    failing++;
                } else {
                    allowedSurvivors++;
                }
            }
        }
        System.out.printf("  %s: %d in regions, %d killed, %d survived (%d allowed)%n", step, total, killed,
                total - killed, allowedSurvivors);
        // One line for tools/mutation-check.sh to add up.
        System.out.printf("TOTALS %d %d %d %d%n", total, killed, total - killed, allowedSurvivors);
        return failing == 0 ? 0 : 1;
    }

    /** Exercise 10.1 comes after 9.2: numbers, not text. */
    private static long rank(String exercise) {
        String[] parts = exercise.split("\\.");
        return Long.parseLong(parts[0]) * 1000 + Long.parseLong(parts[1]);
    }
}
