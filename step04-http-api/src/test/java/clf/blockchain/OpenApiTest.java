package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docs/openapi.yaml lists exactly the routes that a node of this step serves, no more and no fewer; and the node
 * serves, at GET /openapi.yaml, a description of exactly those routes and of the payment it takes.
 */
class OpenApiTest {

    static final int STEP = 4;

    @Test
    void theSpecAndTheNodeAgreeOnEveryRoute() throws IOException {
        Set<String> served = new TreeSet<>();
        for (Api.Route route : new Api(new Blockchain(Clock.systemUTC()), "id").routes()) {
            served.add(route.method() + " " + route.path());
        }
        assertTrue(served.size() >= 5, served.toString());
        assertEquals(served, documented());
    }

    @Test
    void theNodeServesTheDescriptionOfItsOwnRoutes() throws IOException {
        try (TestNode node = new TestNode()) {
            TestNode.Reply reply = node.get("/openapi.yaml");
            assertEquals(200, reply.status(), reply.body());
            assertEquals("application/yaml", reply.response().headers().firstValue("Content-Type").orElse(""));
            assertEquals(documented(), operations(new Yaml().load(reply.body()), Integer.MAX_VALUE));
            // Nothing of a later step is left, not even a parameter (/chain's `from` is step 08's).
            Matcher since = Pattern.compile("x-since-step: (\\d+)").matcher(reply.body());
            while (since.find()) {
                assertTrue(Integer.parseInt(since.group(1)) <= STEP, since.group());
            }
        }
    }

    /** The example payment of the node's own description is one this step takes: unsigned to step 05, then signed. */
    @Test
    @Tag("exercise-4.2")
    void theExamplePaymentOfTheDescriptionIsOneThisStepTakes() {
        try (TestNode node = new TestNode()) {
            Map<?, ?> examples = (Map<?, ?>) at(new Yaml().load(node.get("/openapi.yaml").body()), "components",
                    "requestBodies", "Transaction", "content", "application/json", "examples");
            String name = STEP < 6 ? "unsigned" : "signed";
            assertEquals(Set.of(name), examples.keySet());
            TestNode.Reply reply = node.post("/transactions/new", new Gson().toJson(at(examples, name, "value")));
            if (STEP < 6) {
                assertEquals(201, reply.status(), reply.body());
            } else {
                // Its shape, signature and nonce are taken; only its sender's coins are missing on a new node.
                assertEquals(400, reply.status(), reply.body());
                String error = reply.json().get("error").getAsString();
                assertTrue(error.contains("the sender has 0 coins"), "wanted 'the sender has 0 coins' in: " + error);
            }
        }
    }

    /** The operations of docs/openapi.yaml that a node of this step serves, as "GET /chain". */
    static Set<String> documented() throws IOException {
        try (Reader reader = Files.newBufferedReader(Path.of("../docs/openapi.yaml"))) {
            return operations(new Yaml().load(reader), STEP);
        }
    }

    /** The operations of an OpenAPI description whose x-since-step is {@code step} or less, as "GET /chain". */
    static Set<String> operations(Map<String, Object> spec, int step) {
        Set<String> operations = new TreeSet<>();
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Map<String, Object>>> paths = (Map<String, Map<String, Map<String, Object>>>) spec.get("paths");
        paths.forEach((path, methods) -> methods.forEach((method, operation) -> {
            if ((Integer) operation.get("x-since-step") <= step) {
                operations.add(method.toUpperCase() + " " + path);
            }
        }));
        return operations;
    }

    /** The value at a path of keys in parsed YAML. */
    static Object at(Object yaml, String... keys) {
        for (String key : keys) {
            yaml = ((Map<?, ?>) yaml).get(key);
        }
        return yaml;
    }
}
