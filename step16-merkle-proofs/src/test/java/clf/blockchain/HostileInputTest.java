package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Generated hostile or odd requests against a real node, 300 on a learner's run and 10,000 in CI: random bytes,
 * truncated JSON, deep nesting, huge numbers, NaN and Infinity, duplicate keys, every field of the wrong type,
 * unicode edge cases, wrong methods and content types, oversize bodies, many headers. Each gets a 4xx with a JSON
 * error that says what is wrong and how to fix it (or, for a plain read, its 200), never a 5xx and never a hang,
 * and leaves the chain and the pending pool as they were. jqwik prints how many requests it tried and what they
 * were answered.
 */
@Tag("exercise-13.1")
@Tag("exercise-15.1")
@Tag("exercise-16.1")
class HostileInputTest {

    static TestNode node;
    /**
     * HTTP/1.1, which is what the node speaks. Left to its default, Java's client asks every new connection to upgrade
     * to HTTP/2 (h2c), also for a request with a body, an exchange that some servers are known to stall on: the likely
     * cause of the one unanswered request that CI once saw.
     */
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One request as it goes on the wire. */
    record Request(String method, String path, String contentType, Map<String, String> headers, byte[] body) {
        @Override
        public String toString() {
            String text = new String(body, StandardCharsets.ISO_8859_1);
            return method + " " + path + " [" + contentType + ", " + headers.size() + " extra headers] "
                    + (text.length() > 200 ? text.substring(0, 200) + "... (" + body.length + " bytes)" : text);
        }
    }

    @BeforeContainer
    static void start() {
        node = new TestNode();
        node.mine();
    }

    @AfterContainer
    static void stop() {
        node.close();
    }

    @Property
    @Tag("exercise-9.1")
    void everyHostileRequestGetsAClearRefusalAndChangesNothing(@ForAll("requests") Request request)
            throws IOException, InterruptedException {
        assertRefusedAndNothingChanged(request);
    }

    /**
     * Every wrong amount, in every JSON content type, in an otherwise good payment: all of them, not a random few
     * (jqwik tries each combination once, as there are fewer than its tries), so that a node without the amount's
     * checks fails here on every run.
     */
    @Property(tries = 1_000)
    @Tag("exercise-9.1")
    void everyWrongAmountGetsAClearRefusalAndChangesNothing(@ForAll("wrongAmounts") Request request)
            throws IOException, InterruptedException {
        assertRefusedAndNothingChanged(request);
    }

    static void assertRefusedAndNothingChanged(Request request) throws IOException, InterruptedException {
        String before = node.state();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.node.port()
                + request.path())).timeout(Duration.ofSeconds(10))
                .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (!request.contentType().isEmpty()) {
            builder.header("Content-Type", request.contentType());
        }
        request.headers().forEach(builder::header);
        HttpResponse<String> response;
        try {
            response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            // Once in tens of thousands of requests, on a busy CI machine, a reply has been seen not to arrive
            // within 10 s, and never again for the same request. A node that hangs on a request hangs on it twice:
            // so the request is sent once more, on a new connection, and a second timeout fails the property.
            System.err.println("no answer within 10 s, trying once more on a new connection: " + request);
            response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(builder.build(), HttpResponse.BodyHandlers.ofString());
        }
        int status = response.statusCode();
        Statistics.collect(status / 100 + "xx");
        assertTrue(status < 500, "a 5xx: " + status + " " + response.body());
        if (status == 200) {
            assertTrue(Set.of("GET /chain", "GET /transactions/pending", "GET /nodes").contains(request.method() + " "
                    + request.path()), "only a read may succeed: " + request);
        } else {
            assertTrue(status >= 400, "status " + status);
            JsonObject error = JsonParser.parseString(response.body()).getAsJsonObject();
            assertFalse(error.get("error").getAsString().isBlank(), response.body());
            assertFalse(error.get("hint").getAsString().isBlank(), response.body());
        }
        assertEquals(before, node.state(), "a refused request changes nothing");
    }

    @Provide
    Arbitrary<Request> requests() {
        Arbitrary<String> method = Arbitraries.of("POST", "POST", "POST", "GET", "PUT", "DELETE", "PATCH", "OPTIONS");
        Arbitrary<String> path = Arbitraries.oneOf(
                Arbitraries.of("/transactions/new", "/transaction/new", "/chain", "/", "/mine/", "/chain/1",
                        "/transactions", "/TRANSACTIONS/NEW", "/transactions/new/", "/nodes/register", "/miner/register"),
                Arbitraries.strings().ofMaxLength(40).map(text -> "/" + URLEncoder.encode(text, StandardCharsets.UTF_8)));
        Arbitrary<String> contentType = Arbitraries.of("application/json", "application/json", "application/json",
                "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded", "", "json",
                "application/json; charset=latin1", "multipart/form-data; boundary=x");
        Arbitrary<Map<String, String>> headers = Arbitraries.maps(
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12).map(name -> "x-" + name),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(60).map(String::strip))
                .ofMaxSize(60).map(TreeMap::new);
        return Combinators.combine(method, path, contentType, headers, bodies())
                .as(Request::new)
                // A good GET /mine mines a block, which is not a refusal; every other request here is bad or a read.
                .filter(request -> !(request.method().equals("GET") && request.path().equals("/mine")));
    }

    @Provide
    Arbitrary<Request> wrongAmounts() {
        return Combinators.combine(Arbitraries.of(JSON_CONTENT_TYPES), Arbitraries.of(WRONG_VALUES))
                .as((contentType, amount) -> new Request("POST", "/transactions/new", contentType, Map.of(),
                        utf8(payment(Map.of("amount", amount)))));
    }

    static final List<String> JSON_CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8",
            "application/json; charset=latin1");

    /** Bodies that no node should accept: each kind of mistake a client, a fuzzer or an attacker makes. */
    static Arbitrary<byte[]> bodies() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
                truncated().map(HostileInputTest::utf8),
                nested().map(HostileInputTest::utf8),
                transactionsWithAFieldGoneWrong().map(HostileInputTest::utf8),
                Arbitraries.of("{\"sender\": \"a\", \"sender\": \"b\", \"recipient\": \"c\", \"amount\": 1}",
                        "{\"sender\": \"a\", \"recipient\": \"b\", \"amount\": 1,}", "[]", "null", "1", "\"text\"",
                        "{}", "", " ", "{\"sender\": \"a\", \"recipient\": \"b\", \"amount\": 1} {}",
                        "{'sender': 'a', 'recipient': 'b', 'amount': 1}", "\uFEFF{\"sender\": \"a\"}")
                        .map(HostileInputTest::utf8),
                Arbitraries.of(new byte[] {'{', '"', 's', '"', ':', '"', (byte) 0xC3, '"', '}'},
                        new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'},
                        new byte[] {(byte) 0xC0, (byte) 0xAF}),
                Arbitraries.integers().between(HttpJson.MAX_BODY_BYTES + 1, 3 * HttpJson.MAX_BODY_BYTES)
                        .map(size -> utf8("{\"sender\": \"" + "a".repeat(size) + "\"}")));
    }

    static Arbitrary<String> truncated() {
        String good = "{\"sender\": \"d4ee26eee15148ee92c6cd394edd974e\", \"recipient\": \"someone\", \"amount\": 5}";
        return Arbitraries.integers().between(1, good.length() - 1).map(end -> good.substring(0, end));
    }

    static Arbitrary<String> nested() {
        return Arbitraries.integers().between(10, 20_000).flatMap(depth -> Arbitraries.of(
                "[".repeat(depth) + "]".repeat(depth),
                "{\"sender\": " + "{\"a\": ".repeat(depth) + "1" + "}".repeat(depth) + ", \"recipient\": \"b\", \"amount\": 1}",
                "[".repeat(depth)));
    }

    /** Values of the wrong type, or of the right type and a wrong value, for a field of a payment. */
    static final List<String> WRONG_VALUES = List.of("null", "true", "[]", "{}", "[\"a\"]", "1.5", "-1", "0", "-0",
            "NaN", "Infinity", "-Infinity", "1e999999", "123456789012345678901234567890", "9223372036854775808",
            "\"\"", "\"   \"", "\"5\"", "\"\\u0000\"", "\"\\ud800\"", "\"" + "x".repeat(5_000) + "\"", "0x10",
            "1e3", "5.0", "+5", "05");

    static final String A = "ab".repeat(32);
    static final String B = "cd".repeat(32);

    /** A payment of the right shape, with its signature made up, and the given fields put in as they are. */
    static String payment(Map<String, String> changed) {
        Map<String, String> fields = new TreeMap<>(Map.of("sender", "\"" + A + "\"", "recipient", "\"" + B + "\"",
                "amount", "5", "nonce", "1", "signature", "\"" + "ef".repeat(64) + "\""));
        fields.putAll(changed);
        fields.values().removeIf(String::isEmpty);
        StringBuilder json = new StringBuilder("{");
        fields.forEach((key, text) -> json.append(json.length() > 1 ? ", " : "").append('"').append(key)
                .append("\": ").append(text));
        return json.append('}').toString();
    }

    /**
     * A payment whose every field but one is of the right shape, and that one is of the wrong type or value, or
     * missing. A wrong amount is left to {@link #wrongAmounts()}, which tries every one.
     */
    static Arbitrary<String> transactionsWithAFieldGoneWrong() {
        Arbitrary<String> field = Arbitraries.of("sender", "recipient", "nonce", "signature");
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of(WRONG_VALUES), Arbitraries.just(""));
        return Combinators.combine(field, value).as((name, text) -> payment(Map.of(name, text)));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
