package clf.blockchain;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Who owns what: every address's balance and the nonce of its last payment, found by replaying the chain from
 * genesis (the "smart wallet" section's coin). Coins come into being only as mining rewards, one per block, and
 * move only by payments their owner signed.
 */
public final class Ledger {

    /** The sender of a mining reward: the coin is new, nobody pays it. */
    public static final String REWARD_SENDER = "0";
    public static final long REWARD = 1;

    private final Map<String, Long> balances = new HashMap<>();
    private final Map<String, Long> lastNonces = new HashMap<>();
    private long totalSupply;

    /** The ledger of a whole chain; throws {@link IllegalArgumentException} at the first rule a block breaks. */
    public static Ledger of(List<Block> chain) {
        return new Ledger().extendedBy(chain);
    }

    /**
     * A copy of this ledger with {@code blocks} applied, the blocks that follow the ones it holds; throws
     * {@link IllegalArgumentException} at the first rule a block breaks.
     */
    public Ledger extendedBy(List<Block> blocks) {
        // Checking signatures is most of the work, and a signature needs nothing from the ledger: so they are all
        // checked first, on every core, and the ledger is then replayed in order with the answers.
        Set<SignedTransaction> signedBySender = new HashSet<>();
        List<SignedTransaction> payments = new ArrayList<>();
        for (Block block : blocks) {
            JsonArray transactions = block.transactions();
            for (int i = 1; i < transactions.size(); i++) {
                try {
                    payments.add(SignedTransaction.fromJson(transactions.get(i)));
                } catch (IllegalArgumentException e) {
                    // The replay below reports it, with where it is.
                }
            }
        }
        payments.parallelStream().filter(SignedTransaction::signatureIsValid).forEachOrdered(signedBySender::add);
        Ledger ledger = copy();
        for (Block block : blocks) {
            ledger.applyBlock(block, signedBySender::contains);
        }
        return ledger;
    }

    public Ledger copy() {
        Ledger copy = new Ledger();
        copy.balances.putAll(balances);
        copy.lastNonces.putAll(lastNonces);
        copy.totalSupply = totalSupply;
        return copy;
    }

    public long balance(String address) {
        return balances.getOrDefault(address, 0L);
    }

    /** The nonce that the address's next payment must carry. */
    public long nextNonce(String address) {
        return lastNonces.getOrDefault(address, 0L) + 1;
    }

    /** Every coin there is: one for each mined block. */
    public long totalSupply() {
        return totalSupply;
    }

    /** What is wrong with this payment, given this ledger, or null if it may be added. */
    public String problemWith(SignedTransaction payment) {
        return problemWith(payment, SignedTransaction::signatureIsValid);
    }

    private String problemWith(SignedTransaction payment, Predicate<SignedTransaction> signatureIsValid) {
        if (!signatureIsValid.test(payment)) {
            return "the signature is not the sender's: it was made with another key, or a field was changed after"
                    + " signing";
        }
        long next = nextNonce(payment.sender());
        if (payment.nonce() < next) {
            return "this is a replay: the sender's payment number " + payment.nonce() + " was already made;"
                    + " its next payment is number " + next;
        }
        if (payment.nonce() > next) {
            return "the nonce is " + payment.nonce() + ", but the sender's next payment is number " + next;
        }
        // exercise 6.3: Refuse a payment larger than the sender's balance, which counts the payments already waiting.
        // exercise 6.3 begin
        if (payment.amount() > balance(payment.sender())) {
            return "the sender has " + balance(payment.sender()) + " coins (counting payments already waiting)"
                    + " and cannot send " + payment.amount();
        }
        // exercise 6.3 end
        return null;
    }

    /** Moves the coins and uses the nonce; call only after {@link #problemWith} said nothing. */
    public void apply(SignedTransaction payment) {
        balances.put(payment.sender(), balance(payment.sender()) - payment.amount());
        balances.put(payment.recipient(), Math.addExact(balance(payment.recipient()), payment.amount()));
        lastNonces.put(payment.sender(), payment.nonce());
    }

    /** Pays a miner its reward. */
    public void reward(String miner) {
        balances.put(miner, balance(miner) + REWARD);
        totalSupply += REWARD;
    }

    /** The reward transaction for a miner, as it stands first in the miner's block. */
    public static JsonObject rewardTransaction(String miner) {
        JsonObject reward = new JsonObject();
        reward.addProperty("sender", REWARD_SENDER);
        reward.addProperty("recipient", miner);
        reward.addProperty("amount", REWARD);
        return reward;
    }

    /**
     * Applies a block: after genesis, exactly one reward, first, of one coin to an address; then payments, each
     * valid in the order they stand.
     */
    void applyBlock(Block block) {
        applyBlock(block, SignedTransaction::signatureIsValid);
    }

    private void applyBlock(Block block, Predicate<SignedTransaction> signatureIsValid) {
        JsonArray transactions = block.transactions();
        if (block.index() == 1) {
            return;
        }
        String where = "block " + block.index();
        if (transactions.isEmpty() || !isWellFormedReward(transactions.get(0))) {
            throw new IllegalArgumentException(where + " does not start with its mining reward (sender \"0\","
                    + " amount 1, to an address)");
        }
        reward(transactions.get(0).getAsJsonObject().get("recipient").getAsString());
        for (int i = 1; i < transactions.size(); i++) {
            String transaction = where + ", transaction " + (i + 1);
            if (isReward(transactions.get(i))) {
                throw new IllegalArgumentException(transaction + " is a second reward: a block pays one");
            }
            SignedTransaction payment;
            try {
                payment = SignedTransaction.fromJson(transactions.get(i));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(transaction + ": " + e.getMessage());
            }
            String problem = problemWith(payment, signatureIsValid);
            if (problem != null) {
                throw new IllegalArgumentException(transaction + ": " + problem);
            }
            apply(payment);
        }
    }

    /** Does this transaction claim to be a reward? Its sender is "0" (or 0, as the text's Python sends it). */
    static boolean isReward(JsonElement transaction) {
        return transaction.isJsonObject() && transaction.getAsJsonObject().has("sender")
                && transaction.getAsJsonObject().get("sender").isJsonPrimitive()
                && transaction.getAsJsonObject().get("sender").getAsString().equals(REWARD_SENDER);
    }

    /** A reward as this step allows it: exactly sender "0", an address, and amount 1. */
    private static boolean isWellFormedReward(JsonElement transaction) {
        if (!isReward(transaction) || !transaction.getAsJsonObject().get("sender").getAsJsonPrimitive().isString()) {
            return false;
        }
        JsonObject reward = transaction.getAsJsonObject();
        JsonElement recipient = reward.get("recipient");
        JsonElement amount = reward.get("amount");
        return reward.keySet().equals(Set.of("sender", "recipient", "amount"))
                && recipient != null && recipient.isJsonPrimitive() && recipient.getAsJsonPrimitive().isString()
                && SignedTransaction.isAddress(recipient.getAsString())
                && amount != null && amount.isJsonPrimitive() && amount.getAsJsonPrimitive().isNumber()
                && amount.getAsString().equals("1");
    }
}
