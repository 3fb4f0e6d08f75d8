package clf.blockchain;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/** The text's Blockchain class, from "blockchain representing" on: the chain and what waits for its next block. */
public class Blockchain {

    private static final Logger LOG = Logger.getLogger(Blockchain.class.getName());

    private final List<Block> chain = new ArrayList<>();
    private final Set<URI> nodes = new LinkedHashSet<>();
    private JsonArray currentTransactions = new JsonArray();
    private Ledger ledger = new Ledger();
    private Ledger pendingLedger = new Ledger();
    private final ProofOfWork work;
    private final Clock clock;

    /** A new chain holding only its genesis block, stamped with the current time, mined by the text's rule. */
    public Blockchain() {
        this(ProofOfWork.text(), Clock.systemUTC());
    }

    /** A new chain whose blocks are stamped by the given clock, so that tests can fix the time. */
    public Blockchain(Clock clock) {
        this(ProofOfWork.text(), clock);
    }

    /** A new chain mined by the given rule and difficulty. */
    public Blockchain(ProofOfWork work, Clock clock) {
        this.work = work;
        this.clock = clock;
        // The text's genesis has the number 1 as previous_hash; Python hashes 1 and "1" differently, so it stays.
        addBlock(100, new JsonPrimitive(1));
    }

    /** Adds the mining reward, the one transaction nobody signs, to the next block's list; returns that block's index. */
    public synchronized long newTransaction(String sender, String recipient, long amount) {
        if (!sender.equals("0") || amount != Ledger.REWARD) {
            throw new IllegalArgumentException("only a mining reward (sender \"0\", 1 coin) goes unsigned");
        }
        // exercise 2.1: Append the transaction {"sender", "recipient", "amount"} to the pending list, and return the index of the block that will hold it: one past the last block.
        // exercise 2.1 begin
        JsonObject transaction = new JsonObject();
        transaction.addProperty("sender", sender);
        transaction.addProperty("recipient", recipient);
        transaction.addProperty("amount", amount);
        currentTransactions.add(transaction);
        return lastBlock().index() + 1;
        // exercise 2.1 end
    }

    /** Adds a signed payment to the pending list if the ledger, counting the payments waiting, allows it; else throws. */
    public synchronized long newTransaction(SignedTransaction payment) {
        pendingLedger.check(payment);
        pendingLedger.apply(payment);
        currentTransactions.add(payment.toJson());
        return lastBlock().index() + 1;
    }

    /** The ledger of the chain, as a copy. */
    public synchronized Ledger ledger() {
        return ledger.copy();
    }

    /** The ledger after the pending payments too, as a copy: what a sender may still spend. */
    public synchronized Ledger pendingLedger() {
        return pendingLedger.copy();
    }

    /** Forges a block after the last one, linked to it by its hash. */
    public synchronized Block newBlock(long proof) {
        return newBlock(proof, hash(lastBlock()));
    }

    /** Forges a block with the given proof and previous hash, and empties the pending transactions into it. */
    public synchronized Block newBlock(long proof, String previousHash) {
        Block block = addBlock(proof, new JsonPrimitive(previousHash));
        ledger.applyBlock(block);
        pendingLedger = ledger.copy();
        return block;
    }

    private Block addBlock(long proof, JsonElement previousHash) {
        // exercise 1.2: Make the next block of the pending transactions (index, timestamp, proof, previous hash), append it, and empty the pending list.
        // exercise 1.2 begin
        Block block = Block.of(chain.size() + 1, now(), currentTransactions, proof, previousHash);
        currentTransactions = new JsonArray();
        chain.add(block);
        return block;
        // exercise 1.2 end
    }

    public synchronized Block lastBlock() {
        return chain.get(chain.size() - 1);
    }

    /** The blocks from genesis on, as an unmodifiable copy. */
    public synchronized List<Block> chain() {
        return List.copyOf(chain);
    }

    /** The transactions that the next block will hold, as a copy. */
    public synchronized JsonArray currentTransactions() {
        return currentTransactions.deepCopy();
    }

    /** The text's register_node: adds peers to the registry. */
    public synchronized void registerNodes(List<URI> addresses) {
        nodes.addAll(addresses);
    }

    public synchronized Set<URI> nodes() {
        return new LinkedHashSet<>(nodes);
    }

    /** Adopts a longer checked chain; what our replaced blocks held and the new chain lacks goes back to pending. */
    synchronized boolean replaceChain(CheckedChain checked) {
        List<Block> newChain = checked.blocks();
        if (newChain.size() <= chain.size()) {
            return false;
        }
        int shared = 0;
        while (shared < chain.size() && chain.get(shared).equals(newChain.get(shared))) {
            shared++;
        }
        // Compared as canonical JSON, one for one: the same payment may be made twice.
        List<String> theirs = new ArrayList<>();
        newChain.subList(shared, newChain.size()).forEach(block -> block.transactions()
                .forEach(transaction -> theirs.add(CanonicalJson.write(transaction))));
        JsonArray ours = new JsonArray();
        chain.subList(shared, chain.size()).forEach(block -> block.transactions().forEach(transaction -> {
            if (!Ledger.isReward(transaction)) {
                ours.add(transaction);
            }
        }));
        ours.addAll(currentTransactions);
        currentTransactions = new JsonArray();
        ledger = checked.ledger();
        pendingLedger = ledger.copy();
        for (JsonElement transaction : ours) {
            if (!theirs.remove(CanonicalJson.write(transaction))) {
                // A payment may have become invalid: its coins came from a reward that is gone, or its nonce is used.
                try {
                    newTransaction(SignedTransaction.fromJson(transaction));
                } catch (IllegalArgumentException e) {
                    LOG.warning("dropped a payment that the adopted chain makes invalid (" + e.getMessage() + ")");
                }
            }
        }
        chain.clear();
        chain.addAll(newChain);
        return true;
    }

    /** Finds the proof for the block after {@code lastBlock}: the slow part of mining a block. */
    public ProofOfWork.Result proofOfWork(Block lastBlock) {
        return work.proofOfWork(lastBlock.proof(), hash(lastBlock));
    }

    /** Is {@code proof} a valid proof for the block after {@code lastBlock}? Checking takes one hash. */
    public boolean validProof(Block lastBlock, long proof) {
        return work.validProof(lastBlock.proof(), proof, hash(lastBlock));
    }

    /** The SHA-256 of the block's canonical JSON, in lower-case hex, as the text's {@code hash(block)}. */
    public static String hash(Block block) {
        return Sha256.hex(block.canonicalJson());
    }

    /** Seconds since the epoch as a double, to the microsecond: the kind of number Python's {@code time.time()} gives. */
    private double now() {
        Instant now = clock.instant();
        return now.getEpochSecond() + now.getNano() / 1_000 / 1e6;
    }
}
