package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Our hash of a block must be the tutorial's Python hash of it, byte for byte; the vectors come from Python. */
class HashVectorsTest {

    static List<JsonObject> vectors() throws IOException {
        try (InputStream in = HashVectorsTest.class.getResourceAsStream("/hash-vectors.jsonl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> JsonParser.parseString(line).getAsJsonObject())
                    .collect(Collectors.toList());
        }
    }

    @Test
    void theFileHoldsEveryVector() throws IOException {
        assertEquals(12, vectors().size());
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("named")
    @Tag("exercise-1.1")
    void canonicalJsonIsWhatPythonWrites(String name, JsonObject vector) {
        assertEquals(vector.get("canonical").getAsString(), CanonicalJson.write(vector.get("block")));
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("named")
    @Tag("exercise-1.1")
    void hashIsWhatPythonComputes(String name, JsonObject vector) {
        Block block = Block.fromJson(vector.get("block"));
        assertEquals(vector.get("sha256").getAsString(), Blockchain.hash(block));
    }

    static List<Object[]> named() throws IOException {
        return vectors().stream()
                .map(v -> new Object[] {v.get("name").getAsString(), v})
                .collect(Collectors.toList());
    }
}
