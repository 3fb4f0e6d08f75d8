package clf.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** What the kit found: each check passed or failed, and which levels the node passes. */
public final class Report {

    public record Result(Check check, Failure failure) {
        public boolean passed() {
            return failure == null;
        }

        public String describe() {
            return "level " + check.level() + ": " + check.name() + "\n"
                    + (passed() ? "" : "problem:  " + failure.getMessage() + "\n" + failure.details() + "\n"
                    + "read:     " + check.page() + "\n");
        }
    }

    private final String node;
    private final List<Integer> levels;
    private final List<Result> results = new ArrayList<>();

    Report(String node, List<Integer> levels) {
        this.node = node;
        this.levels = levels;
    }

    void add(Result result) {
        results.add(result);
    }

    public List<Result> results() {
        return List.copyOf(results);
    }

    public List<Result> failures() {
        return results.stream().filter(result -> !result.passed()).toList();
    }

    /** The summary the kit prints at the end. */
    public String summary() {
        TreeMap<Integer, int[]> byLevel = new TreeMap<>();
        levels.forEach(l -> byLevel.put(l, new int[2]));
        results.forEach(result -> byLevel.get(result.check().level())[result.passed() ? 0 : 1]++);
        StringBuilder out = new StringBuilder("== conformance of " + node + (levels.size() == 1
                ? " at level " : " up to level ") + levels.get(levels.size() - 1) + "\n");
        byLevel.forEach((l, counts) -> out.append("level ").append(l).append(": ").append(counts[0] + counts[1] == 0
                ? "no change to the API, nothing more to check"
                : counts[1] == 0 ? "passed (" + counts[0] + " checks)" : counts[1] + " of " + (counts[0] + counts[1])
                + " checks failed").append('\n'));
        results.forEach(result -> out.append(result.passed() ? "  ok      " : "  FAILED  ").append("level ")
                .append(result.check().level()).append(": ").append(result.check().name()).append('\n'));
        failures().forEach(failure -> out.append('\n').append("FAILED ").append(failure.describe()));
        out.append(failures().isEmpty() ? "every check passed\n" : failures().size() + (failures().size() == 1 ? " check" : " checks") + " failed\n");
        return out.toString();
    }
}
