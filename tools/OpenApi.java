import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;

/**
 * A node's own OpenAPI description: docs/openapi.yaml with only what a node of one step serves. Each of steps 04 to
 * 10 runs it when it is built (exec-maven-plugin, in the parent pom), and its jar carries the result, which the node
 * serves at {@code GET /openapi.yaml}.
 *
 * <pre>
 * java -cp snakeyaml.jar tools/OpenApi.java STEP IN OUT
 * </pre>
 *
 * Everything that carries {@code x-since-step} greater than STEP, or {@code x-until-step} smaller, goes (an
 * operation, a parameter, a field), and so does what that leaves empty (a path with no operation left). The rest keeps its order, written as block YAML.
 */
public final class OpenApi {

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: java -cp snakeyaml.jar tools/OpenApi.java STEP IN OUT");
            System.exit(2);
        }
        int step = Integer.parseInt(args[0]);
        Map<String, Object> spec;
        try (Reader in = Files.newBufferedReader(Path.of(args[1]))) {
            spec = new Yaml().load(in);
        }
        emptied(spec, step);
        Path out = Path.of(args[2]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (Writer writer = Files.newBufferedWriter(out)) {
            writer.write("# " + Path.of(args[1]).getFileName() + " as a node of step " + step
                    + " serves it: only what its x-since-step and x-until-step allow (tools/OpenApi.java).\n");
            yaml().dump(spec, writer);
        }
    }

    /** Removes, at any depth, what is not in the step (x-since-step, x-until-step), and what that leaves empty; true if emptied. */
    static boolean emptied(Object yaml, int step) {
        if (yaml instanceof Map<?, ?> map) {
            return map.values().removeIf(value -> after(value, step) || emptied(value, step)) && map.isEmpty();
        }
        if (yaml instanceof List<?> list) {
            return list.removeIf(item -> after(item, step) || emptied(item, step)) && list.isEmpty();
        }
        return false;
    }

    private static boolean after(Object yaml, int step) {
        return yaml instanceof Map<?, ?> map && (map.get("x-since-step") instanceof Integer since && since > step
                || map.get("x-until-step") instanceof Integer until && until < step);
    }

    /** Block style, two spaces, long lines kept whole, and text of several lines as a literal block ({@code |}). */
    private static Yaml yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setSplitLines(false);
        Representer representer = new Representer(options) {
            {
                Represent plain = representers.get(String.class);
                representers.put(String.class, data -> ((String) data).contains("\n")
                        ? representScalar(Tag.STR, (String) data, DumperOptions.ScalarStyle.LITERAL)
                        : plain.representData(data));
            }
        };
        return new Yaml(representer, options);
    }
}
