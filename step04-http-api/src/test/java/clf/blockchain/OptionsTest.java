package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OptionsTest {

    @Test
    void theDefaultsAreTheTexts() {
        Options options = Options.parse();
        assertEquals(5000, options.port());
        assertEquals("0.0.0.0", options.host());
        assertEquals(4, options.difficulty());
        assertTrue(options.nodeId().matches("[0-9a-f]{32}"), "a UUID without dashes: " + options.nodeId());
        assertTrue(!options.nodeId().equals(Options.parse().nodeId()), "a new identifier for every node");
    }

    @Test
    void everyOptionIsRead() {
        Options options = Options.parse("-p", "5001", "--host", "127.0.0.1", "--difficulty", "5", "--node-id", "alice");
        assertEquals(new Options("127.0.0.1", 5001, 5, "alice", Options.DEFAULT_IO_THREADS,
                Runtime.getRuntime().availableProcessors(), false), options);
        assertEquals(5002, Options.parse("--port", "5002").port());
        assertTrue(Options.parse("--help").help());
        assertTrue(Options.parse("-h").help());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--port x         | --port takes a whole number from 0 to 65535, not x",
        "--port 70000     | --port takes a whole number from 0 to 65535, not 70000",
        "--difficulty 0   | --difficulty takes a whole number from 1 to 64, not 0",
        "--port           | --port needs a value",
        "--colour red     | unknown option --colour",
        "5000             | unexpected argument 5000",
    })
    void aBadCommandLineIsRefusedWithASentence(String args, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Options.parse(args.split(" ")));
        assertEquals(message, e.getMessage());
    }
}
