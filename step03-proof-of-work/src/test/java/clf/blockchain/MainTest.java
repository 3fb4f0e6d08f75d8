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
        assertEquals(4, main.difficulty);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--difficulty 0    | --difficulty takes 1 to 64, not 0",
        "--difficulty four | Invalid value for option '--difficulty'",
        "--speed 5         | Unknown options: '--speed', '5'",
    })
    void aBadCommandLineIsRefusedWithASentenceAndExitCode2(String args, String message) {
        StringWriter err = new StringWriter();
        CommandLine command = Main.commandLine().setErr(new PrintWriter(err));
        assertEquals(2, command.execute(args.split(" ")));
        assertTrue(err.toString().contains(message), err.toString());
    }
}
