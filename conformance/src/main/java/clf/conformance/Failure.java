package clf.conformance;

/** A rule the node broke: what the kit sent, what came back, and what the rule expects. */
public final class Failure extends RuntimeException {

    private final transient Exchange exchange;
    private final String expected;

    public Failure(String problem, Exchange exchange, String expected) {
        super(problem);
        this.exchange = exchange;
        this.expected = expected;
    }

    public String details() {
        return (exchange == null ? "" : exchange.describe() + "\n") + "expected: " + expected;
    }
}
