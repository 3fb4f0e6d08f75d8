package clf.conformance;

/**
 * One rule of one level, the page section that explains it, and how the kit checks it over HTTP.
 *
 * @param page where a learner reads about the rule, as docs/PAGE.md#section
 */
public record Check(int level, String name, String page, Body body) {

    @FunctionalInterface
    public interface Body {
        void run(Context context) throws Exception;
    }
}
