package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** docs/openapi.yaml lists exactly the routes that a node of this step serves, no more and no fewer. */
class OpenApiTest {

    static final int STEP = 7;

    @Test
    void theSpecAndTheNodeAgreeOnEveryRoute() throws IOException {
        Set<String> documented = new TreeSet<>();
        try (Reader reader = Files.newBufferedReader(Path.of("../docs/openapi.yaml"))) {
            Map<String, Object> spec = new Yaml().load(reader);
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Map<String, Object>>> paths = (Map<String, Map<String, Map<String, Object>>>) spec.get("paths");
            paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
                if ((Integer) operation.get("x-since-step") <= STEP) {
                    documented.add(method.toUpperCase() + " " + path);
                }
            }));
        }
        Set<String> served = new TreeSet<>();
        for (Api.Route route : new Api(new Blockchain(Clock.systemUTC()), "id").routes()) {
            served.add(route.method() + " " + route.path());
        }
        assertTrue(served.size() >= 4, served.toString());
        assertEquals(served, documented);
    }
}
