package clf.blockchain;

/**
 * The warm-up of "understanding proof of work": with {@code x} fixed, find the smallest {@code y} such that the
 * SHA-256 hex of {@code str(x * y)} ends in "0". For x = 5 the text's answer is y = 21.
 *
 * <p>The text's loop says {@code y + 1}, which computes a number and drops it, so {@code y} stays 0 and the loop
 * never ends; the loop must say {@code y += 1}.
 */
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
