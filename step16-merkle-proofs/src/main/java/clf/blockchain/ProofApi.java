package clf.blockchain;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.undertow.server.HttpServerExchange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** Merkle proofs over HTTP: a transaction's path up its block's tree, and the headers a light client checks it by. */
final class ProofApi {

    static final String ID_HINT = "a transaction's id is the hex SHA-256 of its canonical JSON, 64 lower-case hex"
            + " digits, as `wallet send` prints it";

    /** A block of the chain as the index saw it: its hash, and the ids of its transactions. */
    private record Indexed(String hash, List<String> ids) {
    }

    private final Blockchain blockchain;
    private final List<Indexed> indexed = new ArrayList<>();
    /** Each transaction's id to the index of the first block that holds it. */
    private final Map<String, Integer> blockOf = new HashMap<>();

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
        Integer index = locate(chain, id);
        if (index == null) {
            boolean pending = blockchain.currentTransactions().asList().stream().anyMatch(t -> Block.id(t).equals(id));
            throw pending
                    ? new ApiError(404, "transaction " + id + " is pending: no block holds it yet",
                            "ask again once a block holds it; GET /mine mines one")
                    : new ApiError(404, "no block of this node's chain holds transaction " + id, "check the id; a"
                            + " payment that was refused, or is only on another node's chain, has no proof here");
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

    /** {@code GET /headers?from=N}: every block from N on without its transactions, and the chain's length and work. */
    void headers(HttpServerExchange exchange) {
        int from = HttpJson.from(exchange, "/headers");
        List<Block> chain = blockchain.chain();
        JsonArray headers = new JsonArray();
        for (Block block : chain.subList(Math.min(from - 1, chain.size()), chain.size())) {
            headers.add(block.header());
        }
        JsonObject response = new JsonObject();
        response.add("headers", headers);
        response.addProperty("length", chain.size());
        response.addProperty("work", blockchain.chainWork().toString());
        HttpJson.send(exchange, 200, response);
    }

    /** The index of the block of {@code chain} that holds the transaction, or null; the index follows the chain. */
    private synchronized Integer locate(List<Block> chain, String id) {
        // Blocks are linked by their hashes: where our last indexed block still stands, every block before it does too.
        while (!indexed.isEmpty() && (indexed.size() > chain.size()
                || !indexed.get(indexed.size() - 1).hash().equals(Blockchain.hash(chain.get(indexed.size() - 1))))) {
            int dropped = indexed.size();
            indexed.remove(dropped - 1).ids().forEach(gone -> blockOf.remove(gone, dropped));
        }
        for (int i = indexed.size(); i < chain.size(); i++) {
            Block block = chain.get(i);
            List<String> ids = new ArrayList<>();
            for (var transaction : block.transactions()) {
                ids.add(Block.id(transaction));
                blockOf.putIfAbsent(ids.get(ids.size() - 1), i + 1);
            }
            indexed.add(new Indexed(Blockchain.hash(block), ids));
        }
        return blockOf.get(id);
    }
}
