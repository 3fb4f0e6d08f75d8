package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonFloatTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1506280650.770839  | 1506280650.770839",
        "1506280666.1086972 | 1506280666.1086972",
        "1506092455         | 1506092455.0",
        "0.1                | 0.1",
        "1e16               | 1e+16",
        "1e15               | 1000000000000000.0",
        "0.0001             | 0.0001",
        "0.00001            | 1e-05",
        "-0.0               | -0.0",
        "5e-324             | 5e-324",
        "1.7976931348623157e308 | 1.7976931348623157e+308",
        "123456789012345680 | 1.2345678901234568e+17",
    })
    void writesWhatPythonReprWrites(double value, String python) {
        assertEquals(python, PythonFloat.repr(value));
    }

    /** Three thousand doubles (random bits, powers of two, timestamps) and Python's repr of each. */
    @Test
    void agreesWithPythonOnEveryVector() throws IOException {
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        try (InputStream in = getClass().getResourceAsStream("/float-repr.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(" ");
                double value = Double.longBitsToDouble(Long.parseUnsignedLong(parts[0], 16));
                String ours = PythonFloat.repr(value);
                if (!ours.equals(parts[1])) {
                    mismatches.add(parts[1] + " but we wrote " + ours);
                }
                checked++;
            }
        }
        assertEquals(3000, checked, "vectors read");
        assertEquals(List.of(), mismatches);
    }

    @Test
    void refusesWhatJsonCannotHold() {
        assertThrows(IllegalArgumentException.class, () -> PythonFloat.repr(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> PythonFloat.repr(Double.POSITIVE_INFINITY));
    }
}
