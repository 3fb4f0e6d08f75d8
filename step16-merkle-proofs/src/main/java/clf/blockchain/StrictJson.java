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
 * JSON from someone we do not trust, read so that it means one thing only: strict, UTF-8, no key twice, no deep
 * nesting, no number beyond a double.
 */
public final class StrictJson {

    /** What is wrong with a text, and how to fix it. */
    public static final class Refused extends IllegalArgumentException {
        private final String hint;

        public Refused(String problem, String hint) {
            super(problem);
            this.hint = hint;
        }

        public String hint() {
            return hint;
        }
    }

    static final int MAX_DEPTH = 64;

    private StrictJson() {
    }

    /** Parses UTF-8 bytes; a {@link Refused} says in plain words what is wrong, where, and how to fix it. */
    public static JsonElement parse(byte[] utf8) {
        if (utf8.length == 0) {
            throw new Refused("the body is empty", "send a JSON object");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new Refused("the body is not UTF-8 text", "send the body in UTF-8, as curl and every JSON library do");
        }
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            JsonElement value = read(reader, 1);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new Refused("the body is not valid JSON: there is more after the JSON value ends", "send one JSON value");
            }
            return value;
        } catch (IOException | IllegalStateException e) {
            // Gson's first line says where it stopped; its advice to relax the parser is no help to a learner.
            throw new Refused("the body is not valid JSON: " + e.getMessage().lines().findFirst().orElse("")
                    .replace("Expected name", "expected a key in double quotes (is there a comma after the last item?)")
                    .replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON", "unexpected text"),
                    "check for a trailing comma after the last item, single quotes instead of double quotes, or a missing"
                    + " quote or brace");
        }
    }

    private static JsonElement read(JsonReader reader, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new Refused("the body nests more than " + MAX_DEPTH + " levels deep", "send a flat JSON object");
        }
        return switch (reader.peek()) {
            case BEGIN_OBJECT -> {
                JsonObject object = new JsonObject();
                reader.beginObject();
                while (reader.hasNext()) {
                    String name = reader.nextName();
                    // exercise 9.1: Refuse a key that this object already has, with a Refused that names it and asks for each key once.
                    // exercise 9.1 begin
                    if (object.has(name)) {
                        throw new Refused("the body is not valid JSON: the key \"" + name + "\" appears twice in one"
                                + " object", "give each key once");
                    }
                    // exercise 9.1 end
                    object.add(name, read(reader, depth + 1));
                }
                reader.endObject();
                yield object;
            }
            case BEGIN_ARRAY -> {
                JsonArray array = new JsonArray();
                reader.beginArray();
                while (reader.hasNext()) {
                    array.add(read(reader, depth + 1));
                }
                reader.endArray();
                yield array;
            }
            case STRING -> new JsonPrimitive(reader.nextString());
            case NUMBER -> number(reader.nextString());
            case BOOLEAN -> new JsonPrimitive(reader.nextBoolean());
            case NULL -> {
                reader.nextNull();
                yield JsonNull.INSTANCE;
            }
            default -> throw new Refused("the body is empty", "send a JSON object");
        };
    }

    private static JsonPrimitive number(String text) {
        if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
            return new JsonPrimitive(new BigInteger(text));
        }
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw new Refused("the body is not valid JSON: the number " + text + " is too large", "an amount or a nonce"
                    + " is a whole number, at most " + Long.MAX_VALUE);
        }
        return new JsonPrimitive(value);
    }
}
