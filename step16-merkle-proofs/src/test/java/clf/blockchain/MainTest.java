package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class MainTest {

    @Test
    void theDefaultsAreTheTexts() {
        CommandLine command = Main.commandLine();
        command.parseArgs();
        Main main = command.getCommand();
        assertEquals(5000, main.port);
        assertEquals(4, main.difficulty);
        assertEquals(null, main.minerKey, "no miner: a node mines only for a wallet it is given");
    }

    @Test
    void everyOptionIsRead() {
        CommandLine command = Main.commandLine();
        command.parseArgs("-p", "5001", "--difficulty", "5", "--miner-address", "ab".repeat(32), "--io-threads", "3",
                "--miner-threads", "7");
        Main main = command.getCommand();
        assertEquals(3, main.ioThreads);
        assertEquals(7, main.minerThreads);
        assertEquals(5001, main.port);
        assertEquals(5, main.difficulty);
        assertEquals("ab".repeat(32), main.minerAddress);
    }

    @Test
    void peersAreReadWithOrWithoutTheirScheme() {
        CommandLine command = Main.commandLine();
        command.parseArgs("--peers", "http://localhost:5000,node2:5001");
        Main main = command.getCommand();
        assertEquals(java.util.List.of("http://localhost:5000", "node2:5001"), main.peers);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--port 70000      | --port takes 0 to 65535, not 70000",
        "--io-threads 0    | --io-threads takes 1 to 256, not 0",
        "--miner-threads 0 | --miner-threads takes 1 to 256, not 0",
        "--port five       | Invalid value for option '--port'",
        "--difficulty 65   | --difficulty takes 1 to 64, not 65",
        "--miner-address x | --miner-address takes an address, 64 lower-case hex digits",
        "--miner-key x.pem | --miner-key: cannot read x.pem",
        "--miner-key x.pem --miner-address x | give --miner-key or --miner-address, not both",
        "--port            | Missing required parameter for option '--port'",
        "--speed 5         | Unknown options: '--speed', '5'",
        "--peers ftp://x:1 | --peers: ftp://x:1 is not a node's address: it starts with ftp://, but a node speaks plain http://",
    })
    void aBadCommandLineIsRefusedWithASentenceAndExitCode2(String args, String message) {
        StringWriter err = new StringWriter();
        CommandLine command = Main.commandLine().setErr(new PrintWriter(err));
        assertEquals(2, command.execute(args.split(" ")));
        assertTrue(err.toString().contains(message), err.toString());
    }
}
