package clf.conformance;

import static clf.conformance.Context.expect;
import static clf.conformance.Context.expectStatus;
import static clf.conformance.Context.field;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Level 16, step 16: each block commits to its transactions by one Merkle root (RFC 6962), and the node serves each
 * transaction's path up to it, and its headers alone. The kit mines for {@link Keys#MINER}, pays into blocks of 6 and
 * 3 transactions, and recomputes every root and every path with its own tree.
 */
final class Level16 {

    static final String RUN = "docs/step16-merkle-proofs.md#run-it";
    static final String CHANGES = "docs/reference/step16-merkle-proofs.md#every-change";
    static final String ERRORS = "docs/reference/step16-merkle-proofs.md#errors";
    static final int REWARDS = 7;

    private Level16() {
    }

    static List<Check> checks() {
        return List.of(
                new Check(16, "GET /mine forges blocks whose reward goes to the kit's miner address", RUN, Level16::mine),
                new Check(16, "payments signed by the kit's miner key go into blocks of 6 and of 3 transactions", RUN,
                        c -> {
                            pay(c, 5);
                            pay(c, 2);
                        }),
                new Check(16, "each block's merkle_root is the RFC 6962 root of its transactions, in block order, and"
                        + " transaction_count is their number", CHANGES, Level16::roots),
                new Check(16, "GET /transactions/{id}/proof of each transaction is the path from its leaf to its block's"
                        + " merkle_root", CHANGES, Level16::proofs),
                new Check(16, "a proof is refused for an id that no block holds (404), a pending payment (404) and an"
                        + " id that is not 64 hex digits (400)", ERRORS, Level16::refusals),
                new Check(16, "GET /headers sends each block without its transactions, and ?from=2 those from block 2"
                        + " on", CHANGES, Level16::headers));
    }

    private static void mine(Context c) {
        for (int i = 0; i < REWARDS; i++) {
            expectStatus(c.node.get("/mine"), 200, "GET /mine answers 200 with the new block");
        }
        JsonArray chain = c.readChain();
        for (JsonElement block : chain.asList().subList(Math.max(0, chain.size() - REWARDS), chain.size())) {
            String miner = null;
            for (JsonElement transaction : block.getAsJsonObject().getAsJsonArray("transactions")) {
                if (transaction.getAsJsonObject().get("sender").getAsString().equals("0")) {
                    miner = transaction.getAsJsonObject().get("recipient").getAsString();
                }
            }
            expect(Keys.MINER.address().equals(miner), "the reward of block " + block.getAsJsonObject().get("index")
                    + " goes to " + miner + ", not to the kit's miner address", null, "a node started with its rewards"
                    + " to the kit's address " + Keys.MINER.address() + " (a workshop node: --miner-address "
                    + Keys.MINER.address() + "), so that the kit can pay into blocks of several transactions");
        }
    }

    /** Sends {@code payments} payments of one coin from the kit's miner key, then mines the block that holds them. */
    private static void pay(Context c, int payments) {
        Exchange balance = expectStatus(c.node.get("/balances/" + Keys.MINER.address()), 200, "HTTP 200 with the balance");
        long nonce = field(balance, balance.json(), "nextNonce").getAsLong();
        expect(field(balance, balance.json(), "available").getAsLong() >= payments, "the kit's miner key has fewer"
                + " than " + payments + " coins", balance, "the rewards of the blocks mined for it");
        for (int i = 0; i < payments; i++) {
            expectStatus(c.node.post("/transactions/new", Keys.MINER.pay(c.other.address(), 1, nonce + i).toString()),
                    201, "HTTP 201: the payment waits for the next block");
        }
        Exchange mined = expectStatus(c.node.get("/mine"), 200, "GET /mine answers 200 with the new block");
        JsonArray chain = c.readChain();
        int held = chain.get(chain.size() - 1).getAsJsonObject().getAsJsonArray("transactions").size();
        expect(held == payments + 1, "the new block holds " + held + (held == 1 ? " transaction" : " transactions"),
                mined, "the reward and the " + payments + " payments the kit sent");
    }

    private static List<byte[]> leaves(JsonArray transactions) {
        List<byte[]> leaves = new ArrayList<>();
        transactions.forEach(transaction -> leaves.add(MerkleTree.leaf(PythonJson.dumps(transaction))));
        return leaves;
    }

    private static void roots(Context c) {
        Exchange answer = expectStatus(c.node.get("/chain"), 200, "GET /chain answers 200 with the chain");
        for (JsonElement element : field(answer, answer.json(), "chain").getAsJsonArray()) {
            JsonObject block = element.getAsJsonObject();
            JsonArray transactions = block.getAsJsonArray("transactions");
            String root = HexFormat.of().formatHex(MerkleTree.root(leaves(transactions)));
            expect(root.equals(field(answer, block, "merkle_root").getAsString()), "block " + block.get("index")
                    + "'s merkle_root is " + block.get("merkle_root") + ", but the root of its " + transactions.size()
                    + " transactions is " + root, answer, "the RFC 6962 root: leaf SHA-256(0x00 || canonical JSON),"
                    + " node SHA-256(0x01 || left || right), split at the largest power of two below n, nothing doubled");
            expect(field(answer, block, "transaction_count").getAsLong() == transactions.size(), "block "
                    + block.get("index") + "'s transaction_count is not " + transactions.size(), answer,
                    "the number of its transactions, the tree's size");
        }
    }

    private static void proofs(Context c) {
        JsonArray chain = c.readChain();
        for (JsonElement element : chain) {
            for (JsonElement transaction : element.getAsJsonObject().getAsJsonArray("transactions")) {
                String id = PythonJson.hash(transaction);
                Exchange answer = expectStatus(c.node.get("/transactions/" + id + "/proof"), 200,
                        "HTTP 200 with the proof of a transaction in the chain");
                JsonElement proof = answer.json();
                int index = field(answer, proof, "block_index").getAsInt();
                int leaf = field(answer, proof, "leaf_index").getAsInt();
                expect(index >= 1 && index <= chain.size(), "block_index " + index + " is not a block of the chain",
                        answer, "the index of a block that holds the transaction");
                JsonObject block = chain.get(index - 1).getAsJsonObject();
                JsonArray transactions = block.getAsJsonArray("transactions");
                expect(leaf >= 0 && leaf < transactions.size() && transactions.get(leaf).equals(transaction),
                        "block " + index + " does not hold the transaction at leaf_index " + leaf, answer,
                        "the place of the transaction in its block, from 0");
                expect(field(answer, proof, "tree_size").getAsLong() == transactions.size(), "tree_size is not "
                        + transactions.size(), answer, "the number of transactions of block " + index);
                expect(field(answer, proof, "merkle_root").equals(block.get("merkle_root")), "merkle_root is not"
                        + " block " + index + "'s", answer, "the root in block " + index + "'s header");
                List<String> path = new ArrayList<>();
                field(answer, proof, "path").getAsJsonArray().forEach(hash -> path.add(hash.getAsString()));
                List<String> expected = MerkleTree.path(leaf, leaves(transactions));
                expect(path.equals(expected), "the path is not RFC 6962's PATH(" + leaf + ", D[" + transactions.size()
                        + "])", answer, expected + ": the sibling hashes from the leaf up, the nearest first");
            }
        }
    }

    private static void refusals(Context c) {
        c.expectRefused(c.node.get("/transactions/" + "0".repeat(64) + "/proof"), 404, "no block holds that id");
        Exchange balance = expectStatus(c.node.get("/balances/" + Keys.MINER.address()), 200, "HTTP 200 with the balance");
        JsonObject payment = Keys.MINER.pay(c.other.address(), 1, field(balance, balance.json(), "nextNonce").getAsLong());
        expectStatus(c.node.post("/transactions/new", payment.toString()), 201, "HTTP 201: the payment waits");
        c.expectRefused(c.node.get("/transactions/" + PythonJson.hash(payment) + "/proof"), 404,
                "a pending payment is in no block yet");
        c.expectRefused(c.node.get("/transactions/xyz/proof"), 400, "an id is 64 lower-case hex digits");
    }

    private static void headers(Context c) {
        JsonArray chain = c.readChain();
        Exchange all = expectStatus(c.node.get("/headers"), 200, "HTTP 200 with every header");
        JsonArray headers = field(all, all.json(), "headers").getAsJsonArray();
        expect(headers.size() == chain.size(), "there are " + headers.size() + " headers, not " + chain.size(), all,
                "one header for each block");
        for (int i = 0; i < chain.size(); i++) {
            JsonObject header = chain.get(i).getAsJsonObject().deepCopy();
            header.remove("transactions");
            expect(headers.get(i).equals(header), "header " + (i + 1) + " is not block " + (i + 1) + " without its"
                    + " transactions", all, header.toString());
        }
        Exchange part = expectStatus(c.node.get("/headers?from=2"), 200, "HTTP 200 with the headers from block 2 on");
        JsonArray rest = headers.deepCopy();
        rest.remove(0);
        expect(field(part, part.json(), "headers").equals(rest), "the headers sent are not those of blocks 2 to "
                + chain.size(), part, "the headers of blocks 2 to " + chain.size());
        expect(field(part, part.json(), "length").getAsLong() == chain.size(), "length is not the whole chain's",
                part, "length " + chain.size());
    }
}
