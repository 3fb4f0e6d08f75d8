package clf.blockchain;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads JSON that arrives from the network, and refuses anything a reader could take two ways.
 *
 * <p>Gson's streaming reader, in strict mode, does the parsing; this class builds the tree so that it can refuse
 * what Gson's own tree would quietly accept: a key given twice (which of {@code "amount": 1, "amount": 1000}
 * counts?), bytes that are not UTF-8, and numbers too large for a double. Numbers keep their kind: an integer
 * becomes a {@link BigInteger}, anything with a fraction or an exponent a double, as Python's parser does, so
 * the tree hashes as the sender's Python would hash it.
 */
public final class StrictJson {

    private StrictJson() {
    }

    /** Parses exactly one JSON value from UTF-8 bytes; throws {@link IllegalArgumentException} saying why not. */
    public static JsonElement parse(byte[] utf8) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the body is not UTF-8 text");
        }
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            reader.setNestingLimit(64);
            JsonElement value = read(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new IllegalArgumentException("there is more after the JSON value ends");
            }
            return value;
        } catch (IOException | IllegalStateException e) {
            throw new IllegalArgumentException("the body is not valid JSON: " + plainWords(e.getMessage()));
        }
    }

    /**
     * Gson says where it stopped ("Expected name at line 3 column 2 path $.nodes"), which a learner needs, and
     * adds a link to its troubleshooting page and advice to relax the parser, which they do not. The usual
     * cause of "Expected name" is the trailing comma that the text's own curl example has.
     */
    private static String plainWords(String gsonMessage) {
        String first = gsonMessage.lines().findFirst().orElse("").trim();
        if (first.startsWith("Expected name")) {
            return first.replace("Expected name", "expected a key in double quotes")
                    + " (is there a comma after the last item?)";
        }
        // Gson's word for any leniency it will not allow: comments, single quotes, a second value, NaN...
        return first.replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON",
                "unexpected text");
    }

    private static JsonElement read(JsonReader reader) throws IOException {
        switch (reader.peek()) {
            case BEGIN_OBJECT -> {
                JsonObject object = new JsonObject();
                reader.beginObject();
                while (reader.hasNext()) {
                    String name = reader.nextName();
                    if (object.has(name)) {
                        throw new IllegalArgumentException("the key \"" + name + "\" appears twice in one object");
                    }
                    object.add(name, read(reader));
                }
                reader.endObject();
                return object;
            }
            case BEGIN_ARRAY -> {
                JsonArray array = new JsonArray();
                reader.beginArray();
                while (reader.hasNext()) {
                    array.add(read(reader));
                }
                reader.endArray();
                return array;
            }
            case STRING -> {
                return new JsonPrimitive(reader.nextString());
            }
            case NUMBER -> {
                return number(reader.nextString());
            }
            case BOOLEAN -> {
                return new JsonPrimitive(reader.nextBoolean());
            }
            case NULL -> {
                reader.nextNull();
                return JsonNull.INSTANCE;
            }
            default -> throw new IllegalArgumentException("the body is empty or not JSON");
        }
    }

    private static JsonPrimitive number(String text) {
        if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
            return new JsonPrimitive(new BigInteger(text));
        }
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException("the number " + text + " is too large");
        }
        return new JsonPrimitive(value);
    }
}
