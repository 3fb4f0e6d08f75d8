package clf.blockchain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Python's {@code repr(float)}, which {@code json.dumps} writes for each block's timestamp ("creating new blocks"). */
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
            // Just above a power of two the gap below is half the gap above: the neighbour upward may read back.
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
