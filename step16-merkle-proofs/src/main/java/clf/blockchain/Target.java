package clf.blockchain;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;

/** The difficulty as a target: a block is valid when its hash, as a 256-bit number, is at most the target. */
public final class Target {

    private static final BigInteger LIMIT = BigInteger.ONE.shiftLeft(256);

    /** Big-endian, 32 bytes, as the hash it is compared with. */
    private final byte[] bytes = new byte[32];

    private Target(BigInteger value) {
        byte[] magnitude = value.toByteArray();
        int length = Math.min(magnitude.length, 32);
        System.arraycopy(magnitude, magnitude.length - length, bytes, 32 - length, length);
    }

    /** A target of 1 to 2^256 - 1; an {@link IllegalArgumentException} says why not. */
    public static Target of(BigInteger value) {
        if (value.signum() <= 0 || value.compareTo(LIMIT) >= 0) {
            throw new IllegalArgumentException("a target is a number from 1 to 2^256 - 1, not " + value);
        }
        return new Target(value);
    }

    /** The target that {@code --difficulty N} means: a hash with N leading hex zeros, and any digits after them. */
    public static Target ofDifficulty(int difficulty) {
        if (difficulty < 1 || difficulty > 64) {
            throw new IllegalArgumentException("difficulty is a count of leading hex zeros, 1 to 64, not " + difficulty);
        }
        return of(BigInteger.ONE.shiftLeft(256 - 4 * difficulty).subtract(BigInteger.ONE));
    }

    /** Reads the 64 lower-case hex digits of a block's {@code target}; an {@link IllegalArgumentException} says why not. */
    public static Target fromHex(String hex) {
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a target is 64 lower-case hex digits, not " + hex);
        }
        return of(new BigInteger(hex, 16));
    }

    /** Is this hash, as a 256-bit unsigned big-endian number, at most the target? */
    public boolean admits(byte[] hash) {
        return Arrays.compareUnsigned(hash, bytes) <= 0;
    }

    /** The guesses a block at this target takes on average, 2^256 / (target + 1): its share of a chain's work. */
    public BigInteger work() {
        // exercise 15.1: Divide 2^256 by the target plus one, in BigInteger, rounded down.
        // exercise 15.1 begin
        return LIMIT.divide(value().add(BigInteger.ONE));
        // exercise 15.1 end
    }

    public BigInteger value() {
        return new BigInteger(1, bytes);
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Target target && Arrays.equals(target.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
