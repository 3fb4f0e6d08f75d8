package clf.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

/** The kit's own rules agree with the text's: its JSON, its hash and its proofs. */
class PythonJsonTest {

    @Test
    void writesJsonAsPythonsDumpsWithSortedKeys() {
        // python3 -c 'import json; print(json.dumps({"b": [1, 2.5], "a": "\u00e9\"\n", "c": None, "d": True}, sort_keys=True))'
        assertEquals("{\"a\": \"\\u00e9\\\"\\n\", \"b\": [1, 2.5], \"c\": null, \"d\": true}",
                PythonJson.dumps(JsonParser.parseString("{\"b\": [1, 2.5], \"a\": \"\u00e9\\\"\\n\", \"c\": null, \"d\": true}")));
    }

    @Test
    void keepsTheDigitsOfANumberAsTheNodeSentThem() {
        assertEquals("{\"timestamp\": 1764201234.5670001}",
                PythonJson.dumps(JsonParser.parseString("{\"timestamp\":1764201234.5670001}")));
    }

    @Test
    void hashesTheTextsGenesisBlockAsPythonDoes() {
        // python3 -c 'import hashlib, json; print(hashlib.sha256(json.dumps({"index": 1, "timestamp": 1.5,
        //     "transactions": [], "proof": 100, "previous_hash": 1}, sort_keys=True).encode()).hexdigest())'
        assertEquals("24a5aa89b15b56845fd5613f219725a3aa309cc7dc472ea244094f583a50e409", PythonJson.hash(JsonParser.parseString(
                "{\"index\": 1, \"timestamp\": 1.5, \"transactions\": [], \"proof\": 100, \"previous_hash\": 1}")));
    }

    @Test
    void findsTheTextsProofs() {
        assertEquals(35293, PythonJson.proofOfWork(100, ""));
        assertEquals(35089, PythonJson.proofOfWork(35293, ""));
    }
}
