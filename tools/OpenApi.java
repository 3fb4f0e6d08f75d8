import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;

/**
 * A node's own OpenAPI description: docs/openapi.yaml with only what a node of one step serves. Each of steps 04 to
 * 16 runs it when it is built (exec-maven-plugin, in the parent pom), and its jar carries the result, which the node
 * serves at {@code GET /openapi.yaml}; the conformance kit carries one for each of its levels.
 *
 * <pre>
 * java -cp snakeyaml.jar tools/OpenApi.java STEP[,STEP...] IN OUT      (OUT with {step} in it for several steps)
 * </pre>
 *
 * Everything that carries {@code x-since-step} greater than STEP, or {@code x-until-step} smaller, goes (an
 * operation, a parameter, a field), and so does what that leaves empty (a path with no operation left). What is left
 * of an {@code allOf} that only adds required fields joins the schema's own {@code required}, since validators read
 * an {@code allOf} beside {@code properties} badly; a {@code oneOf}, {@code anyOf} or {@code allOf} left with one
 * schema is that schema, since fuzzers read no further. The rest keeps its order, written as block YAML.
 */
public final class OpenApi {

    public static void main(String[] args) throws IOException {
        if (args.length != 3 || args[0].contains(",") && !args[2].contains("{step}")) {
            System.err.println("usage: java -cp snakeyaml.jar tools/OpenApi.java STEP[,STEP...] IN OUT");
            System.exit(2);
        }
        for (String step : args[0].split(",")) {
            write(Integer.parseInt(step), Path.of(args[1]), Path.of(args[2].replace("{step}", step)));
        }
    }

    private static void write(int step, Path in, Path out) throws IOException {
        Map<String, Object> spec;
        try (Reader reader = Files.newBufferedReader(in)) {
            spec = new Yaml().load(reader);
        }
        emptied(spec, step);
        requiredJoined(spec);
        alone(spec);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (Writer writer = Files.newBufferedWriter(out)) {
            writer.write("# " + in.getFileName() + " as a node of step " + step
                    + " serves it: only what its x-since-step and x-until-step allow (tools/OpenApi.java).\n");
            yaml().dump(spec, writer);
        }
    }

    /** Moves the fields of an {@code allOf} of bare {@code required} lists into the schema's {@code required}. */
    @SuppressWarnings("unchecked")
    static void requiredJoined(Object yaml) {
        if (yaml instanceof Map<?, ?> any) {
            Map<String, Object> map = (Map<String, Object>) any;
            if (map.get("allOf") instanceof List<?> all && all.stream().allMatch(OpenApi::onlyRequired)) {
                List<Object> required = new ArrayList<>();
                if (map.get("required") instanceof List<?> own) {
                    required.addAll(own);
                }
                all.forEach(item -> required.addAll((List<?>) ((Map<?, ?>) item).get("required")));
                map.put("required", required);
                map.remove("allOf");
            }
            map.values().forEach(OpenApi::requiredJoined);
        } else if (yaml instanceof List<?> list) {
            list.forEach(OpenApi::requiredJoined);
        }
    }

    /** A schema that only wraps one other, in a oneOf, anyOf or allOf of one, is that one, at any depth. */
    @SuppressWarnings("unchecked")
    static Object alone(Object yaml) {
        if (yaml instanceof Map<?, ?> any) {
            Map<String, Object> map = (Map<String, Object>) any;
            map.replaceAll((key, value) -> alone(value));
            List<String> wrappers = map.keySet().stream().filter(key -> !key.startsWith("x-")).toList();
            if (wrappers.size() == 1 && List.of("oneOf", "anyOf", "allOf").contains(wrappers.get(0))
                    && map.get(wrappers.get(0)) instanceof List<?> one && one.size() == 1) {
                return one.get(0);
            }
            return map;
        }
        if (yaml instanceof List<?> list) {
            ((List<Object>) list).replaceAll(OpenApi::alone);
        }
        return yaml;
    }

    private static boolean onlyRequired(Object item) {
        return item instanceof Map<?, ?> map && map.get("required") instanceof List<?>
                && map.keySet().stream().allMatch(key -> key.equals("required") || key.toString().startsWith("x-"));
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
