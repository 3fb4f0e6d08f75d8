package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
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
                Runtime.getRuntime().availableProcessors(), List.of(), null, ProofOfWork.Rule.LINKED, null, false), options);
        assertEquals(5002, Options.parse("--port", "5002").port());
        assertTrue(Options.parse("--help").help());
        assertTrue(Options.parse("-h").help());
    }

    @Test
    void theMinerAddressAndTheProofRuleAreRead() {
        String address = Wallet.create().address();
        Options options = Options.parse("--miner-address", address, "--proof-rule", "text");
        assertEquals(address, options.minerAddress());
        assertEquals(ProofOfWork.Rule.TEXT, options.proofRule());
        assertEquals(ProofOfWork.Rule.LINKED, Options.parse().proofRule(), "the linked rule is this step's default");
    }

    @Test
    void theMinerAddressIsReadFromAPublicKeyFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path directory)
            throws java.io.IOException {
        Wallet wallet = Wallet.create();
        wallet.save(directory.resolve("miner.pem"), null);
        assertEquals(wallet.address(),
                Options.parse("--miner-key", directory.resolve("miner.pub.pem").toString()).minerAddress());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Options.parse("--miner-key", directory.resolve("nothing.pem").toString()));
        assertTrue(e.getMessage().startsWith("--miner-key: cannot read"), e.getMessage());
    }

    @Test
    void theDataDirectoryIsReadAndMustNotBeAFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path directory)
            throws java.io.IOException {
        assertEquals(null, Options.parse().dataDir(), "in memory, as in the text");
        assertEquals(directory.resolve("node1"), Options.parse("--data-dir", directory.resolve("node1").toString()).dataDir());
        java.nio.file.Path file = java.nio.file.Files.writeString(directory.resolve("a-file"), "x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Options.parse("--data-dir", file.toString()));
        assertEquals("--data-dir takes a directory, which is made if it is new; " + file + " is a file", e.getMessage());
    }

    @Test
    void peersAreReadWithOrWithoutScheme() {
        assertEquals(List.of(URI.create("http://node2:5000"), URI.create("http://127.0.0.1:5001")),
                Options.parse("--peers", "http://node2:5000,127.0.0.1:5001").peers());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--port x         | --port takes a whole number from 0 to 65535, not x",
        "--port 70000     | --port takes a whole number from 0 to 65535, not 70000",
        "--difficulty 0   | --difficulty takes a whole number from 1 to 64, not 0",
        "--port           | --port needs a value",
        "--colour red     | unknown option --colour",
        "5000             | unexpected argument 5000",
        "--proof-rule fast | --proof-rule is linked or text, not fast",
        "--miner-address alice | --miner-address takes an address, 64 lower-case hex digits as `wallet address` prints it, not alice",
        "--peers ftp://x:1 | --peers: \"ftp://x:1\" is not a node address: it must start with http:// or https://, not ftp://",
    })
    void aBadCommandLineIsRefusedWithASentence(String args, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Options.parse(args.split(" ")));
        assertEquals(message, e.getMessage());
    }
}
