package clf.blockchain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code repr(float)}, which {@code json.dumps} writes for every float (section "creating new blocks":
 * {@code time.time()} puts a float in every block).
 *
 * <p>Python writes the shortest decimal that reads back as the same double, in plain notation while the decimal
 * point sits between 10^-4 and 10^16 ({@code 1506280650.770839}, {@code 0.0001}, {@code 1.0}) and with an exponent
 * otherwise ({@code 1e+16}, {@code 1e-05}). Java's {@code Double.toString} says {@code 1.506280650770839E9}, and
 * before Java 19 it sometimes adds digits, so the hash of the same block would differ.
 */
public final class PythonFloat {

    private PythonFloat() {
    }

    /** Returns what Python's {@code repr(value)} returns; NaN and the infinities are not JSON and are refused. */
    public static String repr(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("JSON has no " + value + "; blocks only hold finite numbers");
        }
        String sign = (Double.doubleToRawLongBits(value) < 0) ? "-" : "";
        if (value == 0) {
            return sign + "0.0";
        }
        BigDecimal shortest = shortestDecimal(Math.abs(value));
        String digits = shortest.unscaledValue().toString();
        // The value is 0.<digits> times 10^point, as Python's dtoa reports it.
        int point = digits.length() - shortest.scale();
        return sign + (point > -4 && point <= 16 ? plain(digits, point) : scientific(digits, point));
    }

    /** The decimal with the fewest digits that reads back as {@code value}, the nearest one if several do. */
    private static BigDecimal shortestDecimal(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; ; precision++) {
            BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (nearest.doubleValue() == value) {
                return nearest.stripTrailingZeros();
            }
            // Just above a power of two the gap below is half the gap above, so the nearest decimal of this
            // length can miss while its neighbour upward still reads back as the value.
            BigDecimal up = nearest.add(nearest.ulp());
            if (up.doubleValue() == value) {
                return up.stripTrailingZeros();
            }
        }
    }

    private static String plain(String digits, int point) {
        if (point <= 0) {
            return "0." + "0".repeat(-point) + digits;
        }
        if (point >= digits.length()) {
            return digits + "0".repeat(point - digits.length()) + ".0";
        }
        return digits.substring(0, point) + "." + digits.substring(point);
    }

    private static String scientific(String digits, int point) {
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        int exponent = point - 1;
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }
}
