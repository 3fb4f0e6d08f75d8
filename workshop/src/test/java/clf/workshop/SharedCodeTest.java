package clf.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** tools/Workshop.java and tools/Check.java are programs of one file each, so the code both need is written twice. */
class SharedCodeTest {

    private static final String BEGIN = "    // ---------------------------------------------------------------- the marked regions and the verdicts\n";
    private static final String END = "    // ---------------------------------------------------------------- the end of the part shared with the other file\n";

    @Test
    void theExerciseParserTheStubWriterAndTheReportReaderAreTheSameInBothFiles() throws IOException {
        assertEquals(shared("tools/Workshop.java"), shared("tools/Check.java"),
                "the shared part of tools/Workshop.java and tools/Check.java differs: make them the same");
    }

    private static String shared(String tool) throws IOException {
        String source = Files.readString(RepositoryCopy.REPOSITORY.resolve(tool));
        int begin = source.indexOf(BEGIN);
        int end = source.indexOf(END);
        assertTrue(begin >= 0 && end > begin, tool + " marks its shared part with the two lines of SharedCodeTest");
        return source.substring(begin, end);
    }
}
