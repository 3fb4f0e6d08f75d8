package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every bad request is answered with a 4xx and a JSON body that says what is wrong and how to fix it, and
 * changes nothing: not the chain, not the pending transactions.
 */
@Tag("exercise-6.3")
@Tag("exercise-7.1")
@Tag("exercise-9.1")
class BadInputTest {

    static TestNode node;
    static final Wallet BOB = Wallet.create();

    @BeforeAll
    static void start() {
        node = new TestNode();
        node.mine();
        node.mine();
        assertEquals(201, node.pay(node.miner, BOB.address(), 1).status());
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

    /** In the table: ' for ", ^ for a real single quote, A and B for two addresses, S for a well-formed signature. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not JSON                   | hello                                                  | not valid JSON",
        "the text's trailing comma  | {'sender': 'A', 'recipient': 'B', 'amount': 5,}          | comma after the last item",
        "single quotes              | {'sender': ^A^, 'recipient': 'B', 'amount': 5}          | unexpected text",
        "truncated                  | {'sender': 'A', 'recipient'                              | not valid JSON",
        "two values                 | {'sender': 'A', 'recipient': 'B', 'amount': 5} {}        | unexpected text",
        "a list, not an object      | [1, 2]                                                   | not a JSON object",
        "a number, not an object    | 42                                                       | not a JSON object",
        "a step 05 transaction      | {'sender': 'A', 'recipient': 'B', 'amount': 5}           | missing: nonce, signature",
        "no signature               | {'sender': 'A', 'recipient': 'B', 'amount': 5, 'nonce': 1} | missing: signature",
        "an unknown field           | {'sender': 'A', 'recipient': 'B', 'amount': 5, 'nonce': 1, 'signature': 'S', 'fee': 1} | unknown: fee",
        "a duplicated key           | {'sender': 'A', 'recipient': 'B', 'amount': 1, 'amount': 1000, 'nonce': 1, 'signature': 'S'} | appears twice",
        "sender not an address      | {'sender': 'alice', 'recipient': 'B', 'amount': 5, 'nonce': 1, 'signature': 'S'} | 'sender' must be 64 lower-case hex digits",
        "sender a number            | {'sender': 0, 'recipient': 'B', 'amount': 5, 'nonce': 1, 'signature': 'S'} | 'sender' must be a string",
        "minting from \"0\"         | {'sender': '0', 'recipient': 'B', 'amount': 5, 'nonce': 1, 'signature': 'S'} | only a mining reward may have",
        "recipient null             | {'sender': 'A', 'recipient': null, 'amount': 5, 'nonce': 1, 'signature': 'S'} | 'recipient' must be a string",
        "upper-case hex             | {'sender': 'A', 'recipient': 'B', 'amount': 5, 'nonce': 1, 'signature': 'S'} | ",
        "amount a string            | {'sender': 'A', 'recipient': 'B', 'amount': '5', 'nonce': 1, 'signature': 'S'} | 'amount' must be a positive whole number",
        "amount zero                | {'sender': 'A', 'recipient': 'B', 'amount': 0, 'nonce': 1, 'signature': 'S'} | 'amount' must be a positive whole number",
        "amount negative            | {'sender': 'A', 'recipient': 'B', 'amount': -5, 'nonce': 1, 'signature': 'S'} | 'amount' must be a positive whole number",
        "amount a fraction          | {'sender': 'A', 'recipient': 'B', 'amount': 1.5, 'nonce': 1, 'signature': 'S'} | 'amount' must be a positive whole number",
        "amount with an exponent    | {'sender': 'A', 'recipient': 'B', 'amount': 5e0, 'nonce': 1, 'signature': 'S'} | 'amount' must be a positive whole number",
        "amount true                | {'sender': 'A', 'recipient': 'B', 'amount': true, 'nonce': 1, 'signature': 'S'} | 'amount' must be a positive whole number",
        "amount a list              | {'sender': 'A', 'recipient': 'B', 'amount': [5], 'nonce': 1, 'signature': 'S'} | 'amount' must be a positive whole number",
        "amount beyond 64 bits      | {'sender': 'A', 'recipient': 'B', 'amount': 9223372036854775808, 'nonce': 1, 'signature': 'S'} | 'amount' is too large",
        "nonce zero                 | {'sender': 'A', 'recipient': 'B', 'amount': 1, 'nonce': 0, 'signature': 'S'} | 'nonce' must be a positive whole number",
        "signature too short        | {'sender': 'A', 'recipient': 'B', 'amount': 1, 'nonce': 1, 'signature': 'abc'} | 'signature' must be 128",
        "a number beyond a double   | {'sender': 'A', 'recipient': 'B', 'amount': 1e999, 'nonce': 1, 'signature': 'S'} | too large",
        "NaN                        | {'sender': 'A', 'recipient': 'B', 'amount': NaN}         | not valid JSON",
    })
    void aBadTransactionIsRefusedWith400(String name, String json, String errorContains) {
        String body = json.replace('\'', '"').replace('^', '\'')
                .replace("\"A\"", "\"" + node.miner.address() + "\"").replace("\"B\"", "\"" + BOB.address() + "\"")
                .replace("\"S\"", "\"" + "ab".repeat(64) + "\"");
        if (name.equals("upper-case hex")) {
            body = body.replace(BOB.address(), BOB.address().toUpperCase());
            errorContains = "'recipient' must be 64 lower-case hex digits";
        }
        refused(400, errorContains, post(body));
    }

    /** The refusal quotes the value that was sent, as the request wrote it. */
    @Test
    @Tag("exercise-4.2")
    void aRefusedAmountIsQuotedInTheError() {
        for (String amount : new String[] {"\"5\"", "1.5", "[5]"}) {
            String json = "{\"sender\": \"" + node.miner.address() + "\", \"recipient\": \"" + BOB.address()
                    + "\", \"amount\": " + amount + ", \"nonce\": 1, \"signature\": \"" + "ab".repeat(64) + "\"}";
            JsonObject body = refused(400, "positive whole number", post(json));
            assertEquals("'amount' must be a positive whole number such as 5, not " + amount,
                    body.get("error").getAsString());
        }
    }

    /** The largest amount, 9223372036854775807, is a whole number that the ledger judges; one more is too large. */
    @Test
    @Tag("exercise-4.2")
    void theLargestAmountIsWellFormedAndTheLedgerJudgesIt() {
        long next = node.get("/balances/" + node.miner.address()).json().get("nextNonce").getAsLong();
        JsonObject body = refused(400, "cannot send", post(CanonicalJson.write(
                SignedTransaction.sign(node.miner, BOB.address(), Long.MAX_VALUE, next).toJson())));
        assertEquals("the payment was refused: the sender has 1 coin (counting payments already waiting) and cannot"
                + " send 9223372036854775807", body.get("error").getAsString());
    }

    /** Well-formed payments that a ledger rule refuses, each with the rule in its error. */
    @Test
    void aPaymentThatBreaksALedgerRuleIsRefusedWithTheRule() {
        Wallet alice = node.miner;
        long next = node.get("/balances/" + alice.address()).json().get("nextNonce").getAsLong();

        JsonObject tampered = SignedTransaction.sign(alice, BOB.address(), 1, next).toJson();
        tampered.addProperty("recipient", Wallet.create().address());
        refused(400, "the payment was refused: the signature is not the sender's", post(tampered.toString()));

        JsonObject otherKey = SignedTransaction.sign(BOB, BOB.address(), 1, next).toJson();
        otherKey.addProperty("sender", alice.address());
        refused(400, "the signature is not the sender's", post(otherKey.toString()));

        refused(400, "the sender has 1 coin (counting payments already waiting) and cannot send 2",
                post(CanonicalJson.write(SignedTransaction.sign(alice, BOB.address(), 2, next).toJson())));
        refused(400, "this is a replay", post(CanonicalJson.write(
                SignedTransaction.sign(alice, BOB.address(), 1, next - 1).toJson())));
        refused(400, "the nonce is " + (next + 1), post(CanonicalJson.write(
                SignedTransaction.sign(alice, BOB.address(), 1, next + 1).toJson())));
        refused(400, "the sender has 0 coins", post(CanonicalJson.write(
                SignedTransaction.sign(Wallet.create(), alice.address(), 1, 1).toJson())));
    }

    @Test
    void anAbsurdlyLongStringIsRefused() {
        String json = "{\"sender\": \"" + "a".repeat(100_000) + "\", \"recipient\": \"b\", \"amount\": 5}";
        refused(413, "larger than", post(json));
        String longString = "{\"sender\": \"" + "a".repeat(Fields.MAX_STRING_LENGTH + 1) + "\", \"recipient\": \"b\","
                + " \"amount\": 5, \"nonce\": 1, \"signature\": \"s\"}";
        refused(400, "at most 256", post(longString));
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        byte[] body = {'{', '"', 's', '"', ':', '"', (byte) 0xC3, '"', '}'};
        refused(400, "not UTF-8", HttpRequest.newBuilder(node.uri("/transactions/new"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Read to its end and refused, up to {@link HttpJson#DRAIN_LIMIT}; past it, see the test below. */
    @ParameterizedTest(name = "{0} bytes")
    @org.junit.jupiter.params.provider.ValueSource(ints = {HttpJson.MAX_BODY_BYTES, 2_500_000, 3_000_000})
    void aBodyOverTheLimitIsRefusedWith413(int size) {
        String json = "{\"sender\": \"" + "a".repeat(size) + "\"}";
        JsonObject error = refused(413, "the body is larger than " + HttpJson.MAX_BODY_BYTES + " bytes", post(json));
        assertEquals("send one small JSON object", error.get("hint").getAsString());
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413() {
        // A body of unknown length is sent in chunks, with no Content-Length to refuse it by up front.
        String json = "{\"sender\": \"" + "a".repeat(HttpJson.MAX_BODY_BYTES) + "\"}";
        refused(413, "larger than", HttpRequest.newBuilder(node.uri("/transactions/new"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofString(json))));
    }

    @Test
    void anAddressOneDigitTooLongIsRefused() {
        String address = "{\"sender\": \"" + "a".repeat(65) + "\", \"recipient\": \"" + BOB.address()
                + "\", \"amount\": 5, \"nonce\": 1, \"signature\": \"" + "ab".repeat(64) + "\"}";
        refused(400, "'sender' must be 64 lower-case hex digits", post(address));
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