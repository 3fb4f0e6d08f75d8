package clf.blockchain;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * A light client, Bitcoin's SPV: a payment checked against block headers and a Merkle proof, without the chain; an
 * {@link IllegalArgumentException} says why a payment is not confirmed.
 */
final class LightClient {

    /** Where a payment is: its block, and how many blocks deep, 1 for the last block. */
    record Confirmation(long block, long depth) {
    }

    private final ChainValidator validator;
    /** A node's JSON answer to {@code GET path}; it throws with a sentence when the node cannot give it. */
    private final BiFunction<String, String, JsonObject> get;

    LightClient(ProofOfWork work, Clock clock, BiFunction<String, String, JsonObject> get) {
        this.validator = new ChainValidator(work, clock);
        this.get = get;
    }

    /** Confirms transaction {@code id} in the chain of most work among the nodes' headers; says why each node was not used. */
    Confirmation confirm(String id, List<String> nodes, Consumer<String> notes) {
        List<Block> best = null;
        String bestNode = null;
        BigInteger bestWork = BigInteger.ZERO;
        for (String node : nodes) {
            try {
                List<Block> headers = headers(node);
                BigInteger work = headers.stream().map(h -> h.target().work()).reduce(BigInteger.ZERO, BigInteger::add);
                if (work.compareTo(bestWork) > 0) {
                    best = headers;
                    bestNode = node;
                    bestWork = work;
                }
            } catch (RuntimeException e) {
                notes.accept(node + " was not used: " + e.getMessage());
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no node gave headers that keep every rule");
        }
        JsonObject proof;
        try {
            proof = get.apply(bestNode, "/transactions/" + id + "/proof");
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(bestNode + ", of the chain of most work, gave no proof: " + e.getMessage());
        }
        long index;
        long treeSize;
        long leafIndex;
        List<byte[]> path;
        try {
            index = proof.get("block_index").getAsLong();
            treeSize = proof.get("tree_size").getAsLong();
            path = proof.getAsJsonArray("path").asList().stream().map(h -> HexFormat.of().parseHex(h.getAsString())).toList();
            leafIndex = proof.get("leaf_index").getAsLong();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the proof is not in the form GET /transactions/{id}/proof answers");
        }
        if (index < 1 || index > best.size()) {
            throw new IllegalArgumentException("the proof names block " + index + ", which is not in the chain of most"
                    + " work (" + best.size() + (best.size() == 1 ? " block" : " blocks") + ", from " + bestNode + ")");
        }
        Block header = best.get((int) index - 1);
        if (!header.merkleRoot().equals(proof.get("merkle_root"))) {
            throw new IllegalArgumentException("the proof's merkle_root is not the one in the header of block " + index);
        }
        if (treeSize != header.transactionCount()) {
            throw new IllegalArgumentException("the proof's tree_size, " + treeSize + ", is not the transaction_count"
                    + " in the header of block " + index + ", " + header.transactionCount());
        }
        JsonElement transaction = proof.get("transaction");
        if (transaction == null || !Block.id(transaction).equals(id)) {
            throw new IllegalArgumentException("the proof is not for transaction " + id);
        }
        if (!Merkle.verify(Block.leaf(transaction), leafIndex,
                header.transactionCount(), path, HexFormat.of().parseHex(header.merkleRoot().getAsString()))) {
            throw new IllegalArgumentException("the proof's path does not lead from the transaction to the merkle_root"
                    + " of block " + index);
        }
        return new Confirmation(index, best.size() - index + 1);
    }

    /** A node's headers, checked by every rule a header shows: links, targets, timestamps and proofs of work. */
    private List<Block> headers(String node) {
        JsonElement answer = get.apply(node, "/headers").get("headers");
        if (answer == null || !answer.isJsonArray()) {
            throw new IllegalArgumentException("its answer has no \"headers\": is it a node of step 16 or later?");
        }
        List<Block> headers = new ArrayList<>();
        try {
            answer.getAsJsonArray().forEach(header -> headers.add(Block.fromHeader(header)));
            validator.checkHeaders(headers, 0);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("its headers do not keep the rules: " + e.getMessage(), e);
        }
        return headers;
    }
}
