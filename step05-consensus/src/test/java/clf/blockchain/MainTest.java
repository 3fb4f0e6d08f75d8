package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
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
        assertTrue(main.nodeId.matches("[0-9a-f]{32}"), "a UUID without dashes, as the text makes it: " + main.nodeId);
    }

    @Test
    void everyOptionIsRead() {
        CommandLine command = Main.commandLine();
        command.parseArgs("-p", "5001", "--difficulty", "5", "--node-id", "alice");
        Main main = command.getCommand();
        assertEquals(5001, main.port);
        assertEquals(5, main.difficulty);
        assertEquals("alice", main.nodeId);
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
        "--port five       | Invalid value for option '--port'",
        "--difficulty 65   | --difficulty takes 1 to 64, not 65",
        "--node-id ' '     | --node-id is empty",
        "--port            | Missing required parameter for option '--port'",
        "--speed 5         | Unknown options: '--speed', '5'",
        "--peers ftp://x:1 | --peers: ftp://x:1 is not a node's address: it starts with ftp://, but a node speaks plain http://",
    })
    void aBadCommandLineIsRefusedWithASentenceAndExitCode2(String args, String message) {
        StringWriter err = new StringWriter();
        CommandLine command = Main.commandLine().setErr(new PrintWriter(err));
        assertEquals(2, command.execute(args.equals("--node-id ' '") ? new String[] {"--node-id", " "} : args.split(" ")));
        assertTrue(err.toString().contains(message), err.toString());
    }
}
