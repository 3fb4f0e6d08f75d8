package clf.blockchain;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;

/** The text's Blockchain class, from "blockchain representing" on: the chain and what waits for its next block. */
public class Blockchain {

    private static final Logger LOG = Logger.getLogger(Blockchain.class.getName());

    private final List<Block> chain = new ArrayList<>();
    private final Set<URI> nodes = new LinkedHashSet<>();
    private PendingTransactions currentTransactions = new PendingTransactions();
    private Ledger ledger = new Ledger();
    private Ledger pendingLedger = new Ledger();
    private final ProofOfWork work;
    private final Clock clock;
    private final Journal journal;

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
        this(work, clock, Journal.IN_MEMORY, null, new JsonArray());
    }

    /** The chain, checked already, and the pending payments that a journal holds; a new chain if it holds none. */
    Blockchain(ProofOfWork work, Clock clock, Journal journal, CheckedChain saved, JsonArray savedPending) {
        this.work = work;
        this.clock = clock;
        this.journal = journal;
        if (saved == null) {
            // The text's genesis has the number 1 as previous_hash; Python hashes 1 and "1" differently, so it stays.
            addBlock(100, new JsonPrimitive(1));
            return;
        }
        chain.addAll(saved.blocks());
        ledger = saved.ledger();
        pendingLedger = ledger.copy();
        for (JsonElement transaction : savedPending) {
            try {
                addPending(SignedTransaction.fromJson(transaction), pendingLedger, currentTransactions, Journal.IN_MEMORY);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("a saved pending payment is not valid (" + e.getMessage() + "): "
                        + CanonicalJson.write(transaction));
            }
        }
    }

    public boolean keepsData() {
        return journal != Journal.IN_MEMORY;
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
    public long newTransaction(SignedTransaction payment) {
        long written;
        long index;
        synchronized (this) {
            written = addPending(payment, pendingLedger, currentTransactions, journal);
            index = lastBlock().index() + 1;
        }
        // The wait for the disk is outside the lock, so that other payments go on arriving and share one flush.
        journal.sync(written);
        return index;
    }

    /** The one way a payment joins a pending list: checked, written to the journal, and only then applied and added. */
    private static long addPending(SignedTransaction payment, Ledger ledger, PendingTransactions pending, Journal journal) {
        ledger.check(payment);
        long written = journal.transaction(payment.toJson());
        ledger.apply(payment);
        pending.add(payment.toJson());
        return written;
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
        Block block;
        try {
            block = addBlock(proof, new JsonPrimitive(previousHash));
        } catch (UncheckedIOException e) {
            // The block could not be written, so neither was its reward, which goes: the next mine adds its own.
            JsonArray waiting = currentTransactions.toJson();
            currentTransactions.clear();
            waiting.asList().stream().filter(transaction -> !Ledger.isReward(transaction)).forEach(currentTransactions::add);
            throw e;
        }
        ledger.applyBlock(block);
        pendingLedger = ledger.copy();
        return block;
    }

    private Block addBlock(long proof, JsonElement previousHash) {
        // exercise 1.2: Make the next block of the pending transactions (index, timestamp, proof, previous hash), append it, and empty the pending list.
        // exercise 1.2 begin
        Block block = Block.of(chain.size() + 1, now(), currentTransactions.toJson(), proof, previousHash);
        // Blocks are rare, so the wait for the disk may hold the lock: nothing changes until the log holds it.
        journal.sync(journal.block(block));
        currentTransactions.clear();
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

    /** The chain and its ledger, as one consistent copy. */
    public synchronized CheckedChain snapshot() {
        return new CheckedChain(chain, ledger.copy());
    }

    /** The transactions that the next block will hold, as a copy. */
    public synchronized JsonArray currentTransactions() {
        return currentTransactions.toJson();
    }

    /** A node keeps this many peers at most, so that nobody can make it call the whole internet on a resolve. */
    public static final int MAX_NODES = 100;

    /** The text's register_node: adds peers to the registry, all of them or, past {@link #MAX_NODES}, none. */
    public synchronized void registerNodes(List<URI> addresses) {
        if (Stream.concat(nodes.stream(), addresses.stream()).distinct().count() > MAX_NODES) {
            throw new IllegalArgumentException("a node keeps at most " + MAX_NODES + " peers; it has " + nodes.size());
        }
        nodes.addAll(addresses);
    }

    public synchronized void forgetNode(URI address) {
        nodes.remove(address);
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
        ours.addAll(currentTransactions.toJson());
        Ledger newPendingLedger = checked.ledger().copy();
        PendingTransactions newPending = new PendingTransactions();
        for (JsonElement transaction : ours) {
            if (!theirs.remove(CanonicalJson.write(transaction))) {
                // A payment may have become invalid: its coins came from a reward that is gone, or its nonce is used.
                try {
                    addPending(SignedTransaction.fromJson(transaction), newPendingLedger, newPending, Journal.IN_MEMORY);
                } catch (IllegalArgumentException e) {
                    LOG.warning("dropped a payment that the adopted chain makes invalid (" + e.getMessage() + ")");
                }
            }
        }
        journal.sync(journal.replaced(shared, newChain.subList(shared, newChain.size()), newPending.toJson()));
        chain.clear();
        chain.addAll(newChain);
        ledger = checked.ledger();
        pendingLedger = newPendingLedger;
        currentTransactions = newPending;
        return true;
    }

    public ProofOfWork work() {
        return work;
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
