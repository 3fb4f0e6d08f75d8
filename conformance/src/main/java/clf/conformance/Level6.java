package clf.conformance;

import static clf.conformance.Context.expect;
import static clf.conformance.Context.expectStatus;
import static clf.conformance.Context.field;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * Level 6, step 06: payments signed by the kit's own keys. The kit's key owns the rewards of the blocks that the
 * node adopted at level 5; it pays one coin, then tries a replay, a forgery, a changed amount, an overspend and a
 * payment from "0", each of which must be refused.
 */
final class Level6 {

    static final String RUN = "docs/step06-signing.md#run-it";
    static final String REFUSALS = "docs/reference/step06-signing.md#every-refusal";
    static final String TOKEN = "docs/reference/step06-signing.md#the-erc-20-view-and-what-it-is-not";

    private Level6() {
    }

    static List<Check> checks() {
        return List.of(
                new Check(6, "GET /balances/{address}: the kit's key owns the rewards of the blocks the node adopted", RUN,
                        c -> balance(c, c.kit.address(), Level5.KIT_BLOCKS, 1)),
                new Check(6, "a payment signed by its sender is accepted", RUN, c -> {
                    c.payment = c.kit.pay(c.other.address(), 1, 1);
                    expectStatus(c.node.post("/transactions/new", c.payment.toString()), 201,
                            "HTTP 201: the payment waits for the next block");
                }),
                new Check(6, "a payment sent again (a replay) is refused", REFUSALS,
                        c -> c.expectRefused(c.node.post("/transactions/new", c.payment.toString()), 400,
                                "nonce 1 of this sender is used")),
                new Check(6, "a payment signed by another key (a forgery) is refused", REFUSALS,
                        c -> c.expectRefused(c.node.post("/transactions/new",
                                c.other.pay(c.kit.address(), c.other.address(), 1, 2).toString()), 400,
                                "the signature is not the sender's")),
                new Check(6, "a payment changed after signing is refused", REFUSALS, c -> {
                    JsonObject changed = c.kit.pay(c.other.address(), 1, 2);
                    changed.addProperty("amount", 2);
                    c.expectRefused(c.node.post("/transactions/new", changed.toString()), 400,
                            "the signature does not cover amount 2");
                }),
                new Check(6, "a payment of more than the sender has (an overspend) is refused", REFUSALS,
                        c -> c.expectRefused(c.node.post("/transactions/new",
                                c.kit.pay(c.other.address(), 5, 2).toString()), 400,
                                "the sender has 1 coin left after its first payment")),
                new Check(6, "a payment from \"0\" (minting) is refused", REFUSALS, c -> {
                    JsonObject minted = c.kit.pay(c.other.address(), 1, 1);
                    minted.addProperty("sender", "0");
                    c.expectRefused(c.node.post("/transactions/new", minted.toString()), 400,
                            "only a mining reward comes from \"0\"");
                }),
                new Check(6, "GET /balances/{address} of something that is not an address is refused", REFUSALS,
                        c -> c.expectRefused(c.node.get("/balances/not-an-address"), 400,
                                "an address is 64 lower-case hex digits")),
                new Check(6, "the next block holds the reward and the one accepted payment, and the balances follow", RUN,
                        Level6::mine),
                new Check(6, "GET /token: one coin for each mined block", TOKEN, Level6::token));
    }

    private static void balance(Context c, String address, long balance, long nextNonce) {
        Exchange answer = expectStatus(c.node.get("/balances/" + address), 200, "HTTP 200 with the balance");
        expect(field(answer, answer.json(), "balanceOf").getAsLong() == balance, "the balance is not " + balance,
                answer, "balanceOf " + balance);
        expect(field(answer, answer.json(), "nextNonce").getAsLong() == nextNonce, "the next nonce is not " + nextNonce,
                answer, "nextNonce " + nextNonce);
    }

    private static void mine(Context c) {
        Exchange answer = expectStatus(c.node.get("/mine"), 200, "GET /mine answers 200 with the new block");
        List<JsonElement> transactions = field(answer, answer.json(), "transactions").getAsJsonArray().asList();
        expect(transactions.size() == 2 && transactions.contains(c.payment), "the block does not hold exactly the"
                + " reward and the kit's payment", answer, "the reward and " + c.payment);
        balance(c, c.other.address(), 1, 1);
        balance(c, c.kit.address(), Level5.KIT_BLOCKS - 1, 2);
    }

    private static void token(Context c) {
        long blocks = c.readChain().size();
        Exchange answer = expectStatus(c.node.get("/token"), 200, "HTTP 200 with the token's view");
        expect(field(answer, answer.json(), "totalSupply").getAsLong() == blocks - 1, "totalSupply is not "
                + (blocks - 1), answer, "totalSupply " + (blocks - 1) + ": one coin for each of the " + (blocks - 1)
                + " mined blocks");
        field(answer, answer.json(), "symbol");
    }
}
