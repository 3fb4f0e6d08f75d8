package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** RFC 6962's tree: its roots as Python computes them, every proof of every leaf, and every kind of tampered proof. */
class MerkleTest {

    static final HexFormat HEX = HexFormat.of();

    static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(Merkle.leafHash(("{\"n\": " + i + "}").getBytes(StandardCharsets.UTF_8)));
        }
        return leaves;
    }

    @Test
    void theEmptyTreeAndTheEmptyLeafHashAsRfc6962Says() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", HEX.formatHex(Merkle.root(List.of())));
        assertEquals("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", HEX.formatHex(Merkle.leafHash(new byte[0])));
    }

    /** The roots that tools/hash-vectors.py computes in Python, for 0 to 70 payments. */
    @Test
    @Tag("exercise-16.1")
    void rootsAreThoseThatPythonComputes() throws IOException {
        int checked = 0;
        for (String line : Files.readAllLines(Path.of("src/test/resources/merkle-vectors.jsonl"))) {
            if (line.startsWith("#")) {
                continue;
            }
            JsonObject vector = JsonParser.parseString(line).getAsJsonObject();
            assertEquals(vector.get("merkle_root").getAsString(), Block.merkleRoot(vector.getAsJsonArray("transactions")),
                    vector.getAsJsonArray("transactions").size() + " transactions");
            checked++;
        }
        assertEquals(25, checked);
    }

    @Test
    @Tag("exercise-16.1")
    void aTreeSplitsAtTheLargestPowerOfTwoBelowItsSize() {
        List<byte[]> l = leaves(5);
        byte[] left = Merkle.nodeHash(Merkle.nodeHash(l.get(0), l.get(1)), Merkle.nodeHash(l.get(2), l.get(3)));
        assertEquals(HEX.formatHex(Merkle.nodeHash(left, l.get(4))), HEX.formatHex(Merkle.root(l)));
        assertEquals(HEX.formatHex(Merkle.nodeHash(Merkle.nodeHash(l.get(0), l.get(1)), l.get(2))),
                HEX.formatHex(Merkle.root(l.subList(0, 3))));
        assertEquals(HEX.formatHex(l.get(0)), HEX.formatHex(Merkle.root(l.subList(0, 1))), "one leaf is its own root");
    }

    /** CVE-2012-2459: Bitcoin's duplicated last leaf gave [1..6] and [1..6, 5, 6] one root; nothing is duplicated here. */
    @Test
    @Tag("exercise-16.1")
    void aListAndTheSameListWithItsLastPairRepeatedHaveDifferentRoots() {
        List<byte[]> six = leaves(6);
        List<byte[]> eight = new ArrayList<>(six);
        eight.add(six.get(4));
        eight.add(six.get(5));
        assertNotEquals(HEX.formatHex(Merkle.root(six)), HEX.formatHex(Merkle.root(eight)));
    }

    @Test
    @Tag("exercise-16.2")
    void everyLeafOfEveryTreeOfOneTo64LeavesHasAProofThatVerifies() {
        int proofs = 0;
        for (int n = 1; n <= 64; n++) {
            List<byte[]> leaves = leaves(n);
            byte[] root = Merkle.root(leaves);
            for (int m = 0; m < n; m++) {
                List<byte[]> path = Merkle.path(leaves, m);
                assertTrue(path.size() <= 32 - Integer.numberOfLeadingZeros(n - 1), "at most log2(n) hashes, rounded up");
                assertTrue(Merkle.verify(leaves.get(m), m, n, path, root), "leaf " + m + " of " + n);
                proofs++;
            }
        }
        assertEquals(64 * 65 / 2, proofs);
    }

    /** Each change to a proof: the leaf, the index, the size, a bit of a path hash, a hash more or less, the root. */
    @Test
    @Tag("exercise-16.2")
    void everyTamperedProofFails() {
        Random random = new Random(6962);
        int refused = 0;
        for (int n = 1; n <= 64; n++) {
            List<byte[]> leaves = leaves(n);
            byte[] root = Merkle.root(leaves);
            for (int m = 0; m < n; m++) {
                List<byte[]> path = Merkle.path(leaves, m);
                byte[] leaf = leaves.get(m);
                List<String> what = new ArrayList<>();
                check(what, "another leaf", Merkle.verify(leaves.get((m + 1) % n), m, n, path, root) && n > 1);
                check(what, "index + 1", Merkle.verify(leaf, m + 1, n, path, root));
                check(what, "index - 1", Merkle.verify(leaf, m - 1, n, path, root));
                check(what, "index xor 2", Merkle.verify(leaf, m ^ 2, n, path, root));
                check(what, "size doubled", Merkle.verify(leaf, m, 2L * n, path, root));
                check(what, "size halved", Merkle.verify(leaf, m, n / 2, path, root));
                for (int i = 0; i < path.size(); i++) {
                    List<byte[]> flipped = new ArrayList<>(path);
                    byte[] hash = flipped.get(i).clone();
                    hash[random.nextInt(32)] ^= (byte) (1 << random.nextInt(8));
                    flipped.set(i, hash);
                    check(what, "a bit flipped in path hash " + i, Merkle.verify(leaf, m, n, flipped, root));
                    List<byte[]> removed = new ArrayList<>(path);
                    removed.remove(i);
                    check(what, "path hash " + i + " removed", Merkle.verify(leaf, m, n, removed, root));
                }
                for (int i = 0; i <= path.size(); i++) {
                    List<byte[]> inserted = new ArrayList<>(path);
                    inserted.add(i, leaves.get(random.nextInt(n)));
                    check(what, "a hash inserted at " + i, Merkle.verify(leaf, m, n, inserted, root));
                }
                byte[] randomRoot = new byte[32];
                random.nextBytes(randomRoot);
                check(what, "a random root", Merkle.verify(leaf, m, n, path, randomRoot));
                assertEquals(List.of(), what, "leaf " + m + " of " + n + ": these tampered proofs verified");
                refused++;
            }
        }
        assertEquals(64 * 65 / 2, refused);
    }

    static void check(List<String> verified, String tamper, boolean accepted) {
        if (accepted) {
            verified.add(tamper);
        }
    }

    /**
     * Without the 0x00 and 0x01 prefixes, the 64 bytes of two child hashes could pose as a leaf, and prove a
     * "transaction" that no block holds: here that leaf's proof fails.
     */
    @Test
    @Tag("exercise-16.2")
    void anInnerNodeCannotPoseAsALeaf() {
        List<byte[]> leaves = leaves(4);
        byte[] root = Merkle.root(leaves);
        byte[] twoChildren = Arrays.copyOf(leaves.get(0), 64);
        System.arraycopy(leaves.get(1), 0, twoChildren, 32, 32);
        List<byte[]> upperPath = List.of(Merkle.nodeHash(leaves.get(2), leaves.get(3)));
        assertFalse(Merkle.verify(Merkle.leafHash(twoChildren), 0, 2, upperPath, root));
        assertTrue(Merkle.verify(Merkle.nodeHash(leaves.get(0), leaves.get(1)), 0, 2, upperPath, root),
                "the same path from the real inner node does lead to the root");
    }
}
