package clf.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The conformance kit: the checks of every level up to the one asked for, run in order against one node over HTTP.
 * {@code -Dnode.level=5} runs levels 4 and 5. Level 16 runs alone: from step 13 on a block carries a header that
 * the checks of levels 4 to 12, whose peers serve chains of their own, do not make.
 */
public final class Kit implements AutoCloseable {

    public static final int LOWEST = 4;
    public static final int HIGHEST = 12;
    public static final int MERKLE = 16;

    private final Context context;
    private final Report report;

    public Kit(NodeClient node, int level, Dialect dialect) {
        this(node, level, dialect, "127.0.0.1");
    }

    /** {@code peerHost}: how the node reaches the kit's peers (the Docker host, for a node in a container). */
    public Kit(NodeClient node, int level, Dialect dialect, String peerHost) {
        if ((level < LOWEST || level > HIGHEST) && level != MERKLE) {
            throw new IllegalArgumentException("node.level is " + level + "; the levels are " + LOWEST + " to " + HIGHEST
                    + ", and " + MERKLE + " (Merkle proofs), which runs alone; steps 13 to 15 have no level of their own");
        }
        if (dialect == Dialect.TEXT && level > 5) {
            throw new IllegalArgumentException("the text's dialect has levels 4 and 5 only: the text has no signatures");
        }
        this.context = new Context(node, dialect, level, peerHost);
        this.report = new Report(node.base() + " (" + dialect.name().toLowerCase() + ")", levels(level));
        node.describeWith(describe(node, dialect, level));
    }

    /** The node's own description if it serves one, else the workshop's in the strict dialect; none for the text's. */
    private static Description describe(NodeClient node, Dialect dialect, int level) {
        Exchange answer;
        try {
            answer = node.get("/openapi.yaml");
        } catch (Failure e) {
            answer = null;
        }
        if (answer != null && answer.status() == 200) {
            return Description.of("the node's GET /openapi.yaml", answer.body());
        }
        return dialect == Dialect.STRICT ? Description.workshop(level) : null;
    }

    /** The levels that a run at {@code level} checks, in order. */
    public static List<Integer> levels(int level) {
        return level == MERKLE ? List.of(MERKLE) : IntStream.rangeClosed(LOWEST, level).boxed().toList();
    }

    public List<Check> checks() {
        if (context.level == MERKLE) {
            return Level16.checks();
        }
        List<Check> checks = new ArrayList<>(Level4.checks(context.level, context.dialect));
        if (context.level >= 5) {
            checks.addAll(Level5.checks(context.dialect));
        }
        if (context.level >= 6) {
            checks.addAll(Level6.checks());
        }
        checks.addAll(ExtensionLevels.checks(context.level));
        if (context.level >= 11) {
            checks.addAll(Level11.checks());
        }
        if (context.level >= 12) {
            checks.addAll(Level12.checks());
        }
        return checks;
    }

    /** Runs one check and records its result; an answer of an unexpected shape is a failure too. */
    public Report.Result run(Check check) {
        Failure failure = null;
        try {
            check.body().run(context);
        } catch (Failure e) {
            failure = e;
        } catch (Exception e) {
            failure = new Failure("an answer did not have the expected shape: " + e, null, "the answers of "
                    + check.page());
        }
        Report.Result result = new Report.Result(check, failure);
        report.add(result);
        return result;
    }

    public Report runAll() {
        checks().forEach(this::run);
        return report;
    }

    public Report report() {
        return report;
    }

    public String describedBy() {
        return context.node.description() == null ? "no description: the kit's own rules only"
                : context.node.description().source();
    }

    @Override
    public void close() throws Exception {
        context.close();
    }
}
