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

/** A light client, Bitcoin's SPV: a payment checked against block headers and a Merkle proof, without the chain. */
final class LightClient {

    /** Where a payment is: its block, and how many blocks deep, 1 for the last block. */
    record Confirmation(long block, long depth) {
    }

    /** Why a payment was not confirmed. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
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
            throw new Refused("no node gave headers that keep every rule");
        }
        JsonObject proof;
        try {
            proof = get.apply(bestNode, "/transactions/" + id + "/proof");
        } catch (RuntimeException e) {
            throw new Refused(bestNode + ", of the chain of most work, gave no proof: " + e.getMessage());
        }
        long index = number(proof, "block_index");
        if (index < 1 || index > best.size()) {
            throw new Refused("the proof names block " + index + ", which is not in the chain of most work (" + best.size()
                    + " blocks, from " + bestNode + ")");
        }
        Block header = best.get((int) index - 1);
        if (!header.merkleRoot().equals(proof.get("merkle_root"))) {
            throw new Refused("the proof's merkle_root is not the one in the header of block " + index);
        }
        if (number(proof, "tree_size") != header.transactionCount()) {
            throw new Refused("the proof's tree_size, " + number(proof, "tree_size") + ", is not the transaction_count in"
                    + " the header of block " + index + ", " + header.transactionCount());
        }
        JsonElement transaction = proof.get("transaction");
        if (transaction == null || !Block.id(transaction).equals(id)) {
            throw new Refused("the proof is not for transaction " + id);
        }
        if (!Merkle.verify(Merkle.leafHash(CanonicalJson.write(transaction)), number(proof, "leaf_index"),
                header.transactionCount(), path(proof), HexFormat.of().parseHex(header.merkleRoot().getAsString()))) {
            throw new Refused("the proof's path does not lead from the transaction to the merkle_root of block " + index);
        }
        return new Confirmation(index, best.size() - index + 1);
    }

    /** A node's headers, checked by every rule a header shows: links, targets, timestamps and proofs of work. */
    private List<Block> headers(String node) {
        JsonElement answer = get.apply(node, "/headers").get("headers");
        if (answer == null || !answer.isJsonArray()) {
            throw new Refused("its answer has no \"headers\": is it a node of step 16 or later?");
        }
        List<Block> headers = new ArrayList<>();
        try {
            answer.getAsJsonArray().forEach(header -> headers.add(Block.fromHeader(header)));
            validator.checkHeaders(headers, 0);
        } catch (IllegalArgumentException e) {
            throw new Refused("its headers do not keep the rules: " + e.getMessage());
        }
        return headers;
    }

    private static long number(JsonObject proof, String field) {
        JsonElement value = proof.get(field);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            throw new Refused("the proof has no \"" + field + "\", a whole number");
        }
        return value.getAsLong();
    }

    private static List<byte[]> path(JsonObject proof) {
        JsonElement path = proof.get("path");
        if (path == null || !path.isJsonArray()) {
            throw new Refused("the proof has no \"path\", a list of hashes");
        }
        List<byte[]> hashes = new ArrayList<>();
        for (JsonElement hash : path.getAsJsonArray()) {
            if (!hash.isJsonPrimitive() || !hash.getAsString().matches("[0-9a-f]{64}")) {
                throw new Refused("the proof's path holds " + hash + ", not a hash of 64 lower-case hex digits");
            }
            hashes.add(HexFormat.of().parseHex(hash.getAsString()));
        }
        return hashes;
    }
}
