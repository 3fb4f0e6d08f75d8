package clf.blockchain;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The Merkle tree of RFC 6962, section 2.1: a block's transactions under one root, and a short proof for each. */
public final class Merkle {

    private Merkle() {
    }

    /** A leaf: SHA-256 of 0x00 and the data, so that no leaf can pose as an inner node. */
    public static byte[] leafHash(byte[] data) {
        MessageDigest sha256 = Sha256.digest();
        sha256.update((byte) 0);
        return sha256.digest(data);
    }

    /** An inner node: SHA-256 of 0x01, the left child and the right child. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha256 = Sha256.digest();
        sha256.update((byte) 1);
        sha256.update(left);
        return sha256.digest(right);
    }

    /** The root of the leaves, in order; of none, the SHA-256 of no bytes. */
    public static byte[] root(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return Sha256.digest().digest();
        }
        // exercise 16.1: One leaf is its own root; more split at k, the largest power of two below n (Integer.highestOneBit(n - 1)), and the root is the node of the two halves' roots.
        // exercise 16.1 begin
        if (leaves.size() == 1) {
            return leaves.get(0).clone();
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        return nodeHash(root(leaves.subList(0, k)), root(leaves.subList(k, leaves.size())));
        // exercise 16.1 end
    }

    /** The hashes that lead from leaf {@code m} up to the root, the nearest first: RFC 6962's PATH(m, D[n]). */
    public static List<byte[]> path(List<byte[]> leaves, int m) {
        if (leaves.size() <= 1) {
            return new ArrayList<>();
        }
        int k = Integer.highestOneBit(leaves.size() - 1);
        List<byte[]> left = leaves.subList(0, k);
        List<byte[]> right = leaves.subList(k, leaves.size());
        List<byte[]> path = m < k ? path(left, m) : path(right, m - k);
        path.add(root(m < k ? right : left));
        return path;
    }

    /** Whether {@code path} leads from {@code leaf}, at {@code index} of a tree of {@code size}, to {@code root}: RFC 9162, 2.1.3.2. */
    public static boolean verify(byte[] leaf, long index, long size, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size) {
            return false;
        }
        // exercise 16.2: Walk up from the leaf: fn = index, sn = size - 1; each hash of the path is the left sibling when fn is odd or fn == sn (then shift both until fn is odd or 0), else the right; shift both once; at the end sn must be 0 and the hash the root.
        // exercise 16.2 begin
        long fn = index;
        long sn = size - 1;
        byte[] r = leaf;
        for (byte[] p : path) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
        // exercise 16.2 end
    }
}
