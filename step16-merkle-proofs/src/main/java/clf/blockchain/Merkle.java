package clf.blockchain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** The Merkle tree of RFC 6962, section 2.1: a block's transactions under one root, and a short proof for each. */
public final class Merkle {

    private Merkle() {
    }

    /** A transaction's leaf: of its canonical JSON. */
    public static byte[] leafHash(String canonicalJson) {
        return leafHash(canonicalJson.getBytes(StandardCharsets.UTF_8));
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

    /** The largest power of two smaller than {@code n}, for n of 2 or more: where a list of n leaves splits. */
    static int split(int n) {
        return Integer.highestOneBit(n - 1);
    }

    /** The root of the leaves, in order; of none, the SHA-256 of no bytes. */
    public static byte[] root(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return Sha256.digest().digest();
        }
        // exercise 16.1: One leaf is its own root; more split at split(n), and the root is the node of the two halves' roots.
        // exercise 16.1 begin
        if (leaves.size() == 1) {
            return leaves.get(0).clone();
        }
        int k = split(leaves.size());
        return nodeHash(root(leaves.subList(0, k)), root(leaves.subList(k, leaves.size())));
        // exercise 16.1 end
    }

    /** The hashes that lead from leaf {@code m} up to the root, the nearest first: RFC 6962's PATH(m, D[n]). */
    public static List<byte[]> path(List<byte[]> leaves, int m) {
        if (m < 0 || m >= leaves.size()) {
            throw new IllegalArgumentException("leaf " + m + " is not in a tree of " + leaves.size());
        }
        List<byte[]> tree = leaves;
        List<byte[]> siblings = new ArrayList<>();
        while (tree.size() > 1) {
            int k = split(tree.size());
            if (m < k) {
                siblings.add(root(tree.subList(k, tree.size())));
                tree = tree.subList(0, k);
            } else {
                siblings.add(root(tree.subList(0, k)));
                tree = tree.subList(k, tree.size());
                m -= k;
            }
        }
        Collections.reverse(siblings);
        return siblings;
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
