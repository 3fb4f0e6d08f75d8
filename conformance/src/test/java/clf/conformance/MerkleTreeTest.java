package clf.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kit's own tree keeps RFC 6962's rules, so that level 16 judges a node's roots and paths by them. */
class MerkleTreeTest {

    @Test
    void theEmptyTreeAndTheEmptyLeafAreRfc6962s() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                HexFormat.of().formatHex(MerkleTree.root(List.of())));
        assertEquals("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                HexFormat.of().formatHex(MerkleTree.leaf("")));
    }

    @Test
    void aListWithItsLastTwoDoubledHasAnotherRoot() {
        assertFalse(HexFormat.of().formatHex(MerkleTree.root(leaves(1, 2, 3, 4, 5, 6)))
                .equals(HexFormat.of().formatHex(MerkleTree.root(leaves(1, 2, 3, 4, 5, 6, 5, 6)))));
    }

    /** Each path, folded up by RFC 9162's verification, gives the root: for every size to 40 and every leaf. */
    @Test
    void everyPathLeadsFromItsLeafToTheRoot() throws Exception {
        for (int n = 1; n <= 40; n++) {
            List<byte[]> leaves = leaves(range(n));
            for (int m = 0; m < n; m++) {
                assertArrayEquals(MerkleTree.root(leaves), fold(m, n, leaves.get(m), MerkleTree.path(m, leaves)), n + "/" + m);
            }
        }
    }

    private static byte[] fold(int m, int n, byte[] leaf, List<String> path) throws Exception {
        long fn = m;
        long sn = n - 1;
        byte[] r = leaf;
        for (String hex : path) {
            byte[] p = HexFormat.of().parseHex(hex);
            if ((fn & 1) == 1 || fn == sn) {
                r = node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        assertEquals(0, sn, "the path has the tree's height");
        return r;
    }

    private static byte[] node(byte[] left, byte[] right) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update((byte) 1);
        digest.update(left);
        return digest.digest(right);
    }

    private static int[] range(int n) {
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = i + 1;
        }
        return values;
    }

    private static List<byte[]> leaves(int... values) {
        List<byte[]> leaves = new ArrayList<>();
        for (int value : values) {
            leaves.add(MerkleTree.leaf(Integer.toString(value)));
        }
        return leaves;
    }
}
