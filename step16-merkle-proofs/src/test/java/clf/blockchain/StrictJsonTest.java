package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    static String roundTrip(String json) {
        return CanonicalJson.write(StrictJson.parse(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void numbersKeepTheirKindAsPythonsParserKeepsThem() {
        assertEquals("[1, 1.0, 100.0, 1506280650.770839, 123456789012345678901234567890]",
                roundTrip("[1, 1.0, 1e2, 1506280650.770839, 123456789012345678901234567890]"));
    }

    @Test
    @Tag("exercise-9.1")
    @Tag("exercise-13.1")
    void aBlockFromPythonHashesAsPythonHashesIt() {
        String genesis = "{\"index\": 1, \"previous_hash\": 1, \"proof\": 100, \"target\": \"0000" + "f".repeat(60)
                + "\", \"timestamp\": 1506280650.770839, \"transactions\": [], \"merkle_root\":"
                + " \"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\", \"transaction_count\": 0}";
        Block block = Block.fromJson(StrictJson.parse(genesis.getBytes(StandardCharsets.UTF_8)));
        assertEquals("7d8b3dc6da32191541a378d45e98c33b4c20e123b7779df0f38b241af9f97626", Blockchain.hash(block));
    }

    @Test
    @Tag("exercise-9.1")
    void refusesWhatCouldBeReadTwoWays() {
        assertThrows(IllegalArgumentException.class, () -> roundTrip("{\"a\": 1, \"a\": 2}"));
        assertThrows(IllegalArgumentException.class, () -> roundTrip("{\"a\": {\"b\": 1, \"b\": 1}}"));
        assertThrows(IllegalArgumentException.class, () -> roundTrip("{} []"));
        assertThrows(IllegalArgumentException.class, () -> roundTrip(""));
        assertThrows(IllegalArgumentException.class, () -> roundTrip("[1,]"));
        assertThrows(IllegalArgumentException.class, () -> roundTrip("{'a': 1}"));
        assertThrows(IllegalArgumentException.class, () -> roundTrip("[Infinity]"));
        assertThrows(IllegalArgumentException.class, () -> roundTrip("[1e400]"));
        assertThrows(IllegalArgumentException.class, () -> roundTrip("[" .repeat(100) + "]".repeat(100)));
    }

    @Test
    @Tag("exercise-9.1")
    void refusesANumberTooLongToReadQuickly() {
        // As a BigInteger, these digits would take minutes to read; Gson's strict reader refuses a number so long.
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> roundTrip("{\"proof\": " + "9".repeat(3_000_000) + "}"));
        assertEquals("the body is not valid JSON: unexpected text at line 1 column 11 path $.proof", e.getMessage());
    }
}
