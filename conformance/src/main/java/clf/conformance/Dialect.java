package clf.conformance;

/**
 * Which rules a node keeps: {@code strict}, the workshop's API; or {@code text}, the text's own rules, as
 * docs/errata.md lists where they differ (any 4xx for a bad request, with any body; amounts unchecked; the mining
 * reward from the number 0; a peer asked without a time limit).
 */
public enum Dialect {
    STRICT, TEXT;

    public static Dialect parse(String name) {
        try {
            return name == null || name.isBlank() ? STRICT : valueOf(name.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("node.dialect is '" + name + "'; it is strict (the workshop's API) or"
                    + " text (the text's own rules)");
        }
    }
}
