package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every bad request is answered with a 4xx and a JSON body that says what is wrong and how to fix it, and
 * changes nothing: not the chain, not the pending transactions.
 */
class BadInputTest {

    static TestNode node;

    @BeforeAll
    static void start() {
        node = new TestNode();
        // A chain and a pending list for the refusals to leave alone, made without this step's exercises: the tests
        // of no exercise need neither, and a stub's 500 would fail them here (TestNode names the stub).
        Blockchain blockchain = node.node.blockchain();
        blockchain.newTransaction("0", "test-node", 1);
        blockchain.newBlock(blockchain.proofOfWork(blockchain.lastBlock()).proof());
        blockchain.newTransaction("a", "b", 1);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    /** Sends the request and checks the status, that the error names the problem, and that nothing changed. */
    static JsonObject refused(int status, String errorContains, HttpRequest.Builder request) {
        String before = node.state();
        TestNode.Reply reply = node.send(request);
        assertEquals(status, reply.status(), reply.body());
        assertEquals("application/json", reply.response().headers().firstValue("Content-Type").orElse(""));
        JsonObject body = reply.json();
        assertTrue(body.get("error").getAsString().contains(errorContains), body.toString());
        assertFalse(body.get("hint").getAsString().isBlank(), "a hint says how to fix it");
        assertEquals(before, node.state(), "a refused request changes nothing");
        return body;
    }

    static HttpRequest.Builder post(String json) {
        return HttpRequest.newBuilder(node.uri("/transactions/new")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not JSON                   | hello                                                  | not valid JSON",
        "the text's trailing comma  | {'sender': 'a', 'recipient': 'b', 'amount': 5,}          | comma after the last item",
        "single quotes              | {'sender': ^a^, 'recipient': 'b', 'amount': 5}          | unexpected text",
        "truncated                  | {'sender': 'a', 'recipient'                              | not valid JSON",
        "two values                 | {'sender': 'a', 'recipient': 'b', 'amount': 5} {}        | unexpected text",
        "a list, not an object      | [1, 2]                                                   | not a JSON object",
        "a number, not an object    | 42                                                       | not a JSON object",
        "missing fields             | {'sender': 'a'}                                          | missing: recipient, amount",
        "an unknown field           | {'sender': 'a', 'recipient': 'b', 'amount': 5, 'fee': 1} | unknown: fee",
        "sender a number            | {'sender': 0, 'recipient': 'b', 'amount': 5}             | 'sender' must be a string",
        "recipient null             | {'sender': 'a', 'recipient': null, 'amount': 5}          | 'recipient' must be a string",
        "empty sender               | {'sender': '', 'recipient': 'b', 'amount': 5}            | 'sender' must be a string in double quotes, not empty",
        "blank recipient            | {'sender': 'a', 'recipient': '   ', 'amount': 5}         | 'recipient' must be a string in double quotes, not empty",
        "NaN                        | {'sender': 'a', 'recipient': 'b', 'amount': NaN}         | not valid JSON",
    })
    void aBadTransactionIsRefusedWith400(String name, String json, String errorContains) {
        // The table writes ' for " to stay readable, and ^ for a real single quote.
        refused(400, errorContains, post(json.replace('\'', '"').replace('^', '\'')));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "amount a string            | {'sender': 'a', 'recipient': 'b', 'amount': '5'}         | positive whole number",
        "amount zero                | {'sender': 'a', 'recipient': 'b', 'amount': 0}           | positive whole number",
        "amount negative            | {'sender': 'a', 'recipient': 'b', 'amount': -5}          | positive whole number",
        "amount a fraction          | {'sender': 'a', 'recipient': 'b', 'amount': 1.5}         | positive whole number",
        "amount with an exponent    | {'sender': 'a', 'recipient': 'b', 'amount': 5e0}         | positive whole number",
        "amount true                | {'sender': 'a', 'recipient': 'b', 'amount': true}        | positive whole number",
        "amount a list              | {'sender': 'a', 'recipient': 'b', 'amount': [5]}         | positive whole number",
        "amount beyond 64 bits      | {'sender': 'a', 'recipient': 'b', 'amount': 9223372036854775808} | too large",
        "amount beyond a double     | {'sender': 'a', 'recipient': 'b', 'amount': 1e999}       | positive whole number",
    })
    @Tag("exercise-4.2")
    void anAmountThatIsNotAPositiveWholeNumberIsRefusedWith400(String name, String json, String errorContains) {
        refused(400, errorContains, post(json.replace('\'', '"')));
    }

    /** The refusal quotes the value that was sent, as the request wrote it. */
    @Test
    @Tag("exercise-4.2")
    void aRefusedAmountIsQuotedInTheError() {
        for (String amount : new String[] {"\"5\"", "1.5", "[5]"}) {
            JsonObject body = refused(400, "positive whole number",
                    post("{\"sender\": \"a\", \"recipient\": \"b\", \"amount\": " + amount + "}"));
            assertEquals("'amount' must be a positive whole number such as 5, not " + amount,
                    body.get("error").getAsString());
        }
    }

    @Test
    void aMissingBodyIsRefused() {
        refused(400, "the body is empty", post(""));
    }

    @Test
    void aBodyNotDeclaredAsJsonIsRefusedWith415() {
        JsonObject body = refused(415, "not as JSON", HttpRequest.newBuilder(node.uri("/transactions/new"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"sender\": \"a\", \"recipient\": \"b\", \"amount\": 5}")));
        assertTrue(body.get("hint").getAsString().contains("Content-Type: application/json"));
    }

    @Test
    void anUnknownPathIs404() {
        JsonObject body = refused(404, "/transactions", HttpRequest.newBuilder(node.uri("/transactions")).GET());
        assertTrue(body.get("hint").getAsString().contains("POST /transactions/new"), body.toString());
    }

    @Test
    void aWrongMethodIs405WithAllow() {
        HttpRequest.Builder request = HttpRequest.newBuilder(node.uri("/transactions/new")).GET();
        String before = node.state();
        TestNode.Reply reply = node.send(request);
        assertEquals(405, reply.status());
        assertEquals("POST", reply.response().headers().firstValue("Allow").orElse(""));
        assertTrue(reply.json().get("hint").getAsString().contains("-X POST"));
        assertEquals(before, node.state());

        refused(405, "POST is not allowed on /mine", HttpRequest.newBuilder(node.uri("/mine"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        refused(405, "DELETE is not allowed on /chain", HttpRequest.newBuilder(node.uri("/chain")).DELETE());
    }

    /** A body over Undertow's limit, of any size, is a 413 that names the limit, and is taken by no one. */
    @ParameterizedTest(name = "{0} bytes")
    @org.junit.jupiter.params.provider.ValueSource(ints = {HttpJson.MAX_BODY_BYTES + 1, 2_500_000, 3_000_000})
    void aBodyOverTheLimitIsRefusedWith413(int size) {
        String body = "{\"sender\": \"" + "a".repeat(size) + "\", \"recipient\": \"b\", \"amount\": 1}";
        JsonObject error = refused(413, "the body is larger than " + HttpJson.MAX_BODY_BYTES + " bytes", post(body));
        assertEquals("send one small JSON object", error.get("hint").getAsString());
    }

    /**
     * A body past {@link HttpJson#DRAIN_LIMIT} is refused before it is sent: the node answers the head of the request
     * at once and closes. Only the head is sent here, so the answer cannot be lost to a client still writing.
     */
    @Test
    void aBodyPastTheDrainLimitIsRefusedWith413BeforeItIsSent() throws java.io.IOException {
        String before = node.state();
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", node.uri("/").getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /transactions/new HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type:"
                    + " application/json\r\nContent-Length: 20000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 413 "), answer);
            assertTrue(answer.contains("{\"error\": \"the body is larger than " + HttpJson.MAX_BODY_BYTES + " bytes\""), answer);
        }
        assertEquals(before, node.state(), "a refused request changes nothing");
    }
}