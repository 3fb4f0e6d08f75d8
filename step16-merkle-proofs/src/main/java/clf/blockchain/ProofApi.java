package clf.blockchain;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.undertow.server.HttpServerExchange;
import java.util.HexFormat;
import java.util.List;

/** Merkle proofs over HTTP: a transaction's path up its block's tree, and the headers a light client checks it by. */
final class ProofApi {

    static final String ID_HINT = "a transaction's id is the hex SHA-256 of its canonical JSON, 64 lower-case hex"
            + " digits, as `wallet send` prints it";

    private final Blockchain blockchain;

    ProofApi(Blockchain blockchain) {
        this.blockchain = blockchain;
    }

    /** {@code GET /transactions/{id}/proof}: the path from a transaction up to its block's Merkle root. */
    void proof(HttpServerExchange exchange) {
        String id = exchange.getQueryParameters().get("id").getFirst();
        if (!id.matches("[0-9a-f]{64}")) {
            throw new ApiError(400, "'" + id + "' is not a transaction id", ID_HINT);
        }
        List<Block> chain = blockchain.chain();
        int index = locate(chain, id);
        if (index == 0) {
            boolean pending = blockchain.currentTransactions().asList().stream().anyMatch(t -> Block.id(t).equals(id));
            throw pending ? new ApiError(404, "transaction " + id + " is pending: no block holds it yet", "ask again"
                    + " once a block holds it; GET /mine mines one") : new ApiError(404, "no block of this node's chain"
                    + " holds transaction " + id, "check the id; a payment refused, or on another chain, has no proof here");
        }
        Block block = chain.get(index - 1);
        JsonArray transactions = block.transactions();
        int leaf = 0;
        while (!Block.id(transactions.get(leaf)).equals(id)) {
            leaf++;
        }
        JsonArray path = new JsonArray();
        Merkle.path(Block.leaves(transactions), leaf).forEach(hash -> path.add(HexFormat.of().formatHex(hash)));
        JsonObject response = new JsonObject();
        response.addProperty("block_index", index);
        response.addProperty("leaf_index", leaf);
        response.addProperty("tree_size", transactions.size());
        response.add("path", path);
        response.add("merkle_root", block.merkleRoot());
        response.add("transaction", transactions.get(leaf));
        HttpJson.send(exchange, 200, response);
    }

    /** {@code GET /headers?from=N}: the blocks from N on without their transactions, and the chain's length and work. */
    void headers(HttpServerExchange exchange) {
        int from = HttpJson.fromIndex(exchange, "/headers");
        List<Block> chain = blockchain.chain();
        JsonArray headers = new JsonArray();
        chain.stream().skip(from - 1).forEach(block -> headers.add(block.header()));
        JsonObject response = new JsonObject();
        response.add("headers", headers);
        if (from > 1) {
            response.addProperty("from", from);
        }
        response.addProperty("length", chain.size());
        response.addProperty("work", blockchain.chainWork().toString());
        HttpJson.send(exchange, 200, response);
    }

    /** The index of the last block of {@code chain} that holds the transaction, or 0: a recent one is found first. */
    private static int locate(List<Block> chain, String id) {
        for (int index = chain.size(); index >= 1; index--) {
            for (JsonElement transaction : chain.get(index - 1).transactions()) {
                if (Block.id(transaction).equals(id)) {
                    return index;
                }
            }
        }
        return 0;
    }
}
