package clf.conformance;

import static clf.conformance.Context.expect;
import static clf.conformance.Context.expectStatus;
import static clf.conformance.Context.field;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Level 4, step 04: the three endpoints, the text's proofs at difficulty 4, its hash rule, clear refusals. */
final class Level4 {

    static final String RUN = "docs/step04-http-api.md#run-it";
    static final String ERRORS = "docs/reference/step04-http-api.md#every-error-and-its-text";
    static final String PROOF = "docs/step03-proof-of-work.md#run-it";
    static final String HASH = "docs/step01-block.md#run-it";

    private Level4() {
    }

    static List<Check> checks(int level, Dialect dialect) {
        List<Check> checks = new ArrayList<>();
        checks.add(new Check(4, "a new node's chain is its genesis block alone", RUN, Level4::genesis));
        boolean linked = level >= 6 && dialect == Dialect.STRICT;
        checks.add(new Check(4, "GET /mine forges block 2 with " + (linked ? "the smallest proof under the linked rule"
                : "the text's proof 35293") + ", linked by the text's hash rule", PROOF, c -> mine(c, 2)));
        if (level < 6) {
            checks.add(new Check(4, "POST /transactions/new accepts a transaction for block 3", RUN, Level4::transaction));
        }
        checks.add(new Check(4, "a transaction without 'amount' is refused with a 4xx", ERRORS,
                c -> c.expectRefused(c.node.post("/transactions/new", "{\"sender\": \"kit-a\", \"recipient\": \"kit-b\"}"),
                        400, "a transaction needs sender, recipient and amount")));
        checks.add(new Check(4, "a body that is not JSON is refused with a 4xx", ERRORS,
                c -> c.expectRefused(c.node.post("/transactions/new", "sender=kit-a&amount=5"), 400,
                        "the body must be a JSON object")));
        if (dialect == Dialect.STRICT) {
            checks.add(new Check(4, "an amount that is not a positive whole number is refused", ERRORS,
                    c -> c.expectRefused(c.node.post("/transactions/new",
                            "{\"sender\": \"kit-a\", \"recipient\": \"kit-b\", \"amount\": -5}"), 400,
                            "an amount is a whole number of coins, 1 or more")));
        }
        checks.add(new Check(4, "an unknown path is 404", ERRORS,
                c -> c.expectRefused(c.node.get("/no-such-page"), 404, "there is no such page")));
        checks.add(new Check(4, "a wrong method is 405", ERRORS,
                c -> c.expectRefused(c.node.post("/chain", "{}"), 405, "GET /chain, not POST")));
        checks.add(new Check(4, "the next GET /mine finds " + (linked ? "the next smallest proof" : "the text's proof 35089")
                + ", and block 3 holds the reward" + (level < 6 ? " and only the accepted transaction" : ""), PROOF,
                c -> mine(c, 3)));
        checks.add(new Check(4, "GET /chain: every block links to the hash of the one before, by the text's rule", HASH,
                Level4::links));
        return checks;
    }

    private static void genesis(Context c) {
        JsonArray chain = c.readChain();
        expect(chain.size() == 1, "the chain has " + chain.size() + " blocks", null,
                "a node that has just started, with its genesis block alone: start a new node for the kit");
        JsonObject genesis = chain.get(0).getAsJsonObject();
        expect(genesis.get("index").getAsLong() == 1 && genesis.get("proof").getAsLong() == 100
                        && genesis.get("previous_hash").getAsString().equals("1") && genesis.get("transactions").getAsJsonArray().isEmpty(),
                "the genesis block is " + genesis, null, "index 1, proof 100, previous_hash 1, no transactions");
    }

    private static void mine(Context c, int index) {
        JsonObject last = c.readChain().get(c.chain.size() - 1).getAsJsonObject();
        long proof = PythonJson.proofOfWork(last.get("proof").getAsLong(), c.linkOf(last));
        Exchange answer = expectStatus(c.node.get("/mine"), 200, "GET /mine answers 200 with the new block");
        JsonElement block = answer.json();
        expect(field(answer, block, "index").getAsLong() == index, "the block's index is not " + index, answer,
                "block " + index);
        expect(field(answer, block, "proof").getAsLong() == proof, "the proof is not " + proof, answer,
                "proof " + proof + ": the smallest p such that sha256(f\"{last_proof}{p}" + (c.linked ? "{last_hash}" : "")
                        + "\") starts with 0000");
        String hash = PythonJson.hash(last);
        expect(field(answer, block, "previous_hash").getAsString().equals(hash), "previous_hash is not the hash of the"
                + " last block by the text's rule", answer, "previous_hash " + hash + " = sha256 of " + PythonJson.dumps(last));
        JsonArray transactions = field(answer, block, "transactions").getAsJsonArray();
        long rewards = transactions.asList().stream().filter(Level4::isReward).count();
        expect(rewards == 1, rewards + " mining rewards", answer, "one mining reward: sender \"0\", amount 1");
        if (index == 3 && c.level < 6) {
            expect(transactions.size() == 2 && transactions.contains(transaction()), "block 3's transactions are not"
                    + " the reward and the transaction accepted before", answer, "the reward and " + transaction()
                    + ", and none of the refused ones");
        }
        c.readChain();
    }

    static boolean isReward(JsonElement transaction) {
        JsonObject t = transaction.getAsJsonObject();
        return t.has("sender") && t.get("sender").getAsString().equals("0") && t.has("amount")
                && t.get("amount").getAsString().equals("1");
    }

    private static JsonObject transaction() {
        JsonObject transaction = new JsonObject();
        transaction.addProperty("sender", "kit-alice");
        transaction.addProperty("recipient", "kit-bob");
        transaction.addProperty("amount", 5);
        return transaction;
    }

    private static void transaction(Context c) {
        Exchange answer = expectStatus(c.node.post("/transactions/new", transaction().toString()), 201,
                "HTTP 201: the transaction waits for the next block");
        String message = field(answer, answer.json(), "message").getAsString();
        expect(message.equals("Transaction will be added to Block 3"), "the message does not name block 3", answer,
                "{\"message\": \"Transaction will be added to Block 3\"}");
    }

    private static void links(Context c) {
        JsonArray chain = c.readChain();
        expect(chain.size() == 3, "the chain has " + chain.size() + (chain.size() == 1 ? " block" : " blocks"), null,
                "3 blocks after two mines");
        for (int i = 1; i < chain.size(); i++) {
            JsonObject block = chain.get(i).getAsJsonObject();
            String hash = PythonJson.hash(chain.get(i - 1));
            expect(block.get("previous_hash").getAsString().equals(hash), "block " + (i + 1) + " does not link to the"
                    + " hash of block " + i, null, "previous_hash " + hash + " = sha256 of " + PythonJson.dumps(chain.get(i - 1)));
            expect(block.get("index").getAsLong() == i + 1, "block " + (i + 1) + " has index " + block.get("index"), null,
                    "indexes 1, 2, 3");
        }
    }
}
