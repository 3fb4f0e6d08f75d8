package clf.blockchain;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Who owns what, from "smart wallet": each address's balance and last nonce, from a replay of the chain. */
public final class Ledger {

    public static final long REWARD = 1;

    private final Map<String, Long> balances = new HashMap<>();
    private final Map<String, Long> lastNonces = new HashMap<>();
    private long totalSupply;

    /** The ledger of a whole chain; throws {@link IllegalArgumentException} at the first rule a block breaks. */
    public static Ledger of(List<Block> chain) {
        return new Ledger().extendedBy(chain);
    }

    /**
     * A copy with the blocks that follow applied, or an {@link IllegalArgumentException} at the first broken rule;
     * the signatures, most of the work, are checked first on every core, since they need no ledger.
     */
    public Ledger extendedBy(List<Block> blocks) {
        Set<SignedTransaction> signed = blocks.parallelStream()
                .flatMap(block -> block.transactions().asList().stream())
                .filter(transaction -> !isReward(transaction))
                .flatMap(transaction -> {
                    try {
                        return Stream.of(SignedTransaction.fromJson(transaction));
                    } catch (IllegalArgumentException e) {
                        return Stream.empty();  // The replay below reports it, with where it is.
                    }
                })
                .filter(SignedTransaction::signatureIsValid)
                .collect(Collectors.toSet());
        Ledger ledger = copy();
        blocks.forEach(block -> ledger.applyBlock(block, signed::contains));
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

    /** Checks a payment against this ledger; throws {@link IllegalArgumentException} saying which rule it breaks. */
    public void check(SignedTransaction payment) {
        check(payment, SignedTransaction::signatureIsValid);
    }

    private void check(SignedTransaction payment, Predicate<SignedTransaction> signatureIsValid) {
        if (!signatureIsValid.test(payment)) {
            throw new IllegalArgumentException("the signature is not the sender's: it was made with another key, or a"
                    + " field was changed after signing");
        }
        long next = nextNonce(payment.sender());
        if (payment.nonce() < next) {
            throw new IllegalArgumentException("this is a replay: the sender's payment number " + payment.nonce()
                    + " was already made; its next payment is number " + next);
        }
        if (payment.nonce() > next) {
            throw new IllegalArgumentException("the nonce is " + payment.nonce() + ", but the sender's next payment"
                    + " is number " + next);
        }
        // exercise 6.3: Refuse a payment larger than the sender's balance, which counts the payments already waiting.
        // exercise 6.3 begin
        long balance = balance(payment.sender());
        if (payment.amount() > balance) {
            throw new IllegalArgumentException("the sender has " + balance + (balance == 1 ? " coin" : " coins")
                    + " (counting payments already waiting) and cannot send " + payment.amount());
        }
        // exercise 6.3 end
    }

    /** Moves the coins and uses the nonce; call it only for a payment that {@link #check} accepted. */
    public void apply(SignedTransaction payment) {
        balances.put(payment.sender(), balance(payment.sender()) - payment.amount());
        balances.put(payment.recipient(), Math.addExact(balance(payment.recipient()), payment.amount()));
        lastNonces.put(payment.sender(), payment.nonce());
    }

    /** Applies a block: its one reward of one coin is credited first, wherever it stands, then its payments in order. */
    void applyBlock(Block block) {
        applyBlock(block, SignedTransaction::signatureIsValid);
    }

    private void applyBlock(Block block, Predicate<SignedTransaction> signatureIsValid) {
        if (block.index() == 1) {
            return;
        }
        String where = "block " + block.index();
        List<JsonElement> rewards = block.transactions().asList().stream().filter(Ledger::isReward).toList();
        if (rewards.size() != 1 || !isWellFormedReward(rewards.get(0).getAsJsonObject())) {
            throw new IllegalArgumentException(where + " does not hold exactly one mining reward (sender \"0\","
                    + " amount 1, to an address)");
        }
        String miner = rewards.get(0).getAsJsonObject().get("recipient").getAsString();
        balances.put(miner, balance(miner) + REWARD);
        totalSupply += REWARD;
        for (int i = 0; i < block.transactions().size(); i++) {
            JsonElement transaction = block.transactions().get(i);
            if (isReward(transaction)) {
                continue;
            }
            try {
                SignedTransaction payment = SignedTransaction.fromJson(transaction);
                check(payment, signatureIsValid);
                apply(payment);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ", transaction " + (i + 1) + ": " + e.getMessage());
            }
        }
    }

    /** A mining reward: sender "0", or 0 as the text's code sends it. */
    public static boolean isReward(JsonElement transaction) {
        JsonElement sender = transaction.isJsonObject() ? transaction.getAsJsonObject().get("sender") : null;
        return sender != null && sender.isJsonPrimitive() && sender.getAsString().equals("0");
    }

    /** Exactly sender "0", an address, and amount 1. */
    private static boolean isWellFormedReward(JsonObject reward) {
        JsonElement recipient = reward.get("recipient");
        return reward.keySet().equals(Set.of("sender", "recipient", "amount"))
                && reward.get("sender").getAsJsonPrimitive().isString()
                && recipient.isJsonPrimitive() && SignedTransaction.isAddress(recipient.getAsString())
                && reward.get("amount").toString().equals("1");
    }
}
