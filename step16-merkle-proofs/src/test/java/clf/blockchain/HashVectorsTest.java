package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Our canonical JSON and hash of a block must be what Python computes, byte for byte; the vectors come from Python. */
class HashVectorsTest {

    static List<JsonObject> vectors() throws IOException {
        return vectors("/hash-vectors.jsonl");
    }

    static List<JsonObject> vectors(String resource) throws IOException {
        try (InputStream in = HashVectorsTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> JsonParser.parseString(line).getAsJsonObject())
                    .collect(Collectors.toList());
        }
    }

    @Test
    void theFileHoldsEveryVector() throws IOException {
        assertEquals(12, vectors().size());
        assertEquals(12, vectors("/header-vectors.jsonl").size());
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("named")
    @Tag("exercise-1.1")
    void canonicalJsonIsWhatPythonWrites(String name, JsonObject vector) {
        assertEquals(vector.get("canonical").getAsString(), CanonicalJson.write(vector.get("block")));
    }

    /** The blocks with a header, and their hashes by the rule of step 13 with the target of step 14, from the same script. */
    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("headers")
    @Tag("exercise-13.1")
    void hashIsWhatPythonComputes(String name, JsonObject vector) {
        Block block = Block.fromJson(vector.get("block"));
        assertEquals(vector.get("header_digest").getAsString(), HexFormat.of().formatHex(block.headerDigest()));
        assertEquals(vector.get("hash").getAsString(), Blockchain.hash(block));
    }

    static List<Object[]> headers() throws IOException {
        return named(vectors("/header-vectors.jsonl"));
    }

    static List<Object[]> named() throws IOException {
        return named(vectors());
    }

    static List<Object[]> named(List<JsonObject> vectors) {
        return vectors.stream()
                .map(v -> new Object[] {v.get("name").getAsString(), v})
                .collect(Collectors.toList());
    }
}
