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

    private StrictJson() {
    }

    /** Parses UTF-8 bytes; throws {@link IllegalArgumentException} saying in plain words what is wrong and where. */
    public static JsonElement parse(byte[] utf8) {
        if (utf8.length == 0) {
            throw new IllegalArgumentException("the body is empty");
        }
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
                throw new IllegalArgumentException("the body is not valid JSON: there is more after the JSON value ends");
            }
            return value;
        } catch (IOException | IllegalStateException e) {
            throw new IllegalArgumentException("the body is not valid JSON: " + plainWords(e.getMessage()));
        }
    }

    private static JsonElement read(JsonReader reader) throws IOException {
        switch (reader.peek()) {
            case BEGIN_OBJECT -> {
                JsonObject object = new JsonObject();
                reader.beginObject();
                while (reader.hasNext()) {
                    String name = reader.nextName();
                    // exercise 9.1: Refuse a key that this object already has, with an IllegalArgumentException that names it.
                    // exercise 9.1 begin
                    if (object.has(name)) {
                        throw new IllegalArgumentException("the body is not valid JSON: the key \"" + name
                                + "\" appears twice in one object");
                    }
                    // exercise 9.1 end
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
            default -> throw new IllegalArgumentException("the body is empty");
        }
    }

    private static JsonPrimitive number(String text) {
        if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
            return new JsonPrimitive(new BigInteger(text));
        }
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw new IllegalArgumentException("the body is not valid JSON: the number " + text + " is too large");
        }
        return new JsonPrimitive(value);
    }

    /** Gson's first line says where it stopped; its advice to relax the parser is no help to a learner. */
    private static String plainWords(String gson) {
        return gson.lines().findFirst().orElse("")
                .replace("Expected name", "expected a key in double quotes (is there a comma after the last item?)")
                .replace("Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON", "unexpected text");
    }
}
