package clf.blockchain;

/** The warm-up of "understanding proof of work": the smallest y whose {@code sha256(str(x * y))} ends in "0". */
public final class WarmUp {

    private WarmUp() {
    }

    public static long solve(long x) {
        long y = 0;
        while (!hashOfProduct(x, y).endsWith("0")) {
            y++;
        }
        return y;
    }

    /** The hex SHA-256 of the decimal digits of {@code x * y}, as the text's {@code sha256(f'{x * y}'.encode())}. */
    public static String hashOfProduct(long x, long y) {
        return Sha256.hex(Long.toString(x * y));
    }
}
