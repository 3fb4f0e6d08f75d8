package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    @Tag("exercise-1.1")
    void sortsKeysAtEveryLevelAndUsesPythonSeparators() {
        String json = "{\"b\":1,\"a\":{\"d\":[true,false,null],\"c\":\"x\"}}";
        assertEquals("{\"a\": {\"c\": \"x\", \"d\": [true, false, null]}, \"b\": 1}",
                CanonicalJson.write(JsonParser.parseString(json)));
    }

    @Test
    void keepsIntegersAndFloatsApartAsPythonDoes() {
        assertEquals("[1, 1.0, 100.0, 1e+16, 12345678901234567890]",
                CanonicalJson.write(JsonParser.parseString("[1, 1.0, 1e2, 1E16, 12345678901234567890]")));
        JsonArray built = new JsonArray();
        built.add(1L);
        built.add(1.0);
        built.add(1506280650.770839);
        assertEquals("[1, 1.0, 1506280650.770839]", CanonicalJson.write(built));
    }

    @Test
    @Tag("exercise-1.1")
    void escapesEverythingOutsidePrintableAscii() {
        JsonObject object = new JsonObject();
        object.addProperty("s", "Zo\u00eb \"q\" \\ \n\t\u0001\u007f \uD83E\uDE99");
        assertEquals("{\"s\": \"Zo\\u00eb \\\"q\\\" \\\\ \\n\\t\\u0001\\u007f \\ud83e\\ude99\"}",
                CanonicalJson.write(object));
    }

    @Test
    @Tag("exercise-1.1")
    void writesEmptyContainers() {
        assertEquals("{\"a\": [], \"b\": {}}", CanonicalJson.write(JsonParser.parseString("{\"b\":{},\"a\":[]}")));
    }

    @Test
    @Tag("exercise-1.1")
    void sortsKeysByCodePointNotByUtf16Unit() {
        // U+E000 sorts before U+1F600 by code point, but after it by UTF-16 unit (0xD83D < 0xE000).
        JsonObject object = new JsonObject();
        object.addProperty("\uD83D\uDE00", 2);
        object.addProperty("\uE000", 1);
        assertEquals("{\"\\ue000\": 1, \"\\ud83d\\ude00\": 2}", CanonicalJson.write(object));
    }
}
