package clf.conformance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The kit's own RFC 6962 tree (section 2.1), written apart from any node's: the root of a list of leaves, and the
 * audit path of one of them, PATH(m, D[n]), the only path that a correct node can serve.
 */
final class MerkleTree {

    private MerkleTree() {
    }

    /** A transaction's leaf: SHA-256(0x00 || its canonical JSON), the bytes whose SHA-256 is its id. */
    static byte[] leaf(String canonicalJson) {
        return sha256(new byte[] {0}, canonicalJson.getBytes(StandardCharsets.US_ASCII));
    }

    /** MTH(D[n]): SHA-256 of no bytes for no leaves, the leaf for one, else the node of the halves split at k. */
    static byte[] root(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return sha256();
        }
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = split(leaves.size());
        return sha256(new byte[] {1}, root(leaves.subList(0, k)), root(leaves.subList(k, leaves.size())));
    }

    /** PATH(m, D[n]): the sibling hashes from leaf {@code m} up to the root, the nearest first. */
    static List<String> path(int m, List<byte[]> leaves) {
        List<String> path = new ArrayList<>();
        if (leaves.size() > 1) {
            int k = split(leaves.size());
            if (m < k) {
                path.addAll(path(m, leaves.subList(0, k)));
                path.add(HexFormat.of().formatHex(root(leaves.subList(k, leaves.size()))));
            } else {
                path.addAll(path(m - k, leaves.subList(k, leaves.size())));
                path.add(HexFormat.of().formatHex(root(leaves.subList(0, k))));
            }
        }
        return path;
    }

    /** The largest power of two smaller than {@code n}, for n > 1. */
    private static int split(int n) {
        return Integer.highestOneBit(n - 1);
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
