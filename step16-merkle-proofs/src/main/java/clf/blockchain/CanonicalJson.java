package clf.blockchain;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes JSON as the text's {@code json.dumps(block, sort_keys=True)} does, from "creating new blocks". */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /** Returns the canonical text of a JSON tree. */
    public static String write(JsonElement element) {
        StringBuilder out = new StringBuilder();
        write(element, out);
        return out.toString();
    }

    private static void write(JsonElement element, StringBuilder out) {
        if (element.isJsonObject()) {
            writeObject(element.getAsJsonObject(), out);
        } else if (element.isJsonArray()) {
            writeArray(element.getAsJsonArray(), out);
        } else if (element.isJsonNull()) {
            out.append("null");
        } else {
            writePrimitive(element.getAsJsonPrimitive(), out);
        }
    }

    private static void writeObject(JsonObject object, StringBuilder out) {
        // exercise 1.1: Write the members sorted by key (by code point), each as "key": value, separated by ", ", inside { }.
        // exercise 1.1 begin
        List<Map.Entry<String, JsonElement>> members = new ArrayList<>(object.entrySet());
        // Python sorts str keys by code point; String.compareTo compares UTF-16 units, which differs beyond the BMP.
        members.sort((a, b) -> compareCodePoints(a.getKey(), b.getKey()));
        out.append('{');
        for (int i = 0; i < members.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            writeString(members.get(i).getKey(), out);
            out.append(": ");
            write(members.get(i).getValue(), out);
        }
        out.append('}');
        // exercise 1.1 end
    }

    private static void writeArray(JsonArray array, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < array.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            write(array.get(i), out);
        }
        out.append(']');
    }

    private static void writePrimitive(JsonPrimitive primitive, StringBuilder out) {
        if (primitive.isBoolean()) {
            out.append(primitive.getAsBoolean() ? "true" : "false");
        } else if (primitive.isString()) {
            writeString(primitive.getAsString(), out);
        } else {
            writeNumber(primitive.getAsNumber(), out);
        }
    }

    /** Python keeps int and float apart ({@code 1} and {@code 1.0} hash differently), and so does this. */
    private static void writeNumber(Number number, StringBuilder out) {
        if (number instanceof Long || number instanceof Integer || number instanceof Short
                || number instanceof Byte || number instanceof BigInteger) {
            out.append(number);
        } else if (number instanceof Double || number instanceof Float || number instanceof BigDecimal) {
            out.append(PythonFloat.repr(number.doubleValue()));
        } else {
            String text = number.toString();
            boolean isFloat = text.indexOf('.') >= 0 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0;
            out.append(isFloat ? PythonFloat.repr(Double.parseDouble(text)) : new BigInteger(text).toString());
        }
    }

    private static void writeString(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c >= ' ' && c <= '~') {
                        out.append(c);
                    } else {
                        // Characters beyond the BMP are already two UTF-16 units here, as Python escapes them.
                        out.append(String.format("\\u%04x", (int) c));
                    }
                }
            }
        }
        out.append('"');
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
