package clf.blockchain;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
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

    /** A new chain holding only its genesis block, stamped with the current time, at the text's difficulty. */
    public Blockchain() {
        this(new ProofOfWork(4), Clock.systemUTC());
    }

    /** A new chain whose blocks are stamped by the given clock, so that tests can fix the time. */
    public Blockchain(Clock clock) {
        this(new ProofOfWork(4), clock);
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
            append(Block.of(1, now(), new JsonArray(), 100, new JsonPrimitive(1), work.retarget().genesis()));
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

    /** The next block as a miner starts it: the payments waiting and the reward to {@code miner}, with proof 0. */
    public synchronized Block nextBlock(String miner) {
        JsonArray transactions = currentTransactions.toJson();
        JsonObject reward = new JsonObject();
        reward.addProperty("sender", "0");
        reward.addProperty("recipient", miner);
        reward.addProperty("amount", Ledger.REWARD);
        transactions.add(reward);
        return Block.of(lastBlock().index() + 1, work.retarget().earliest(chain, now()), transactions, 0,
                new JsonPrimitive(hash(lastBlock())), work.retarget().next(chain));
    }

    /** Forges the block of a template from {@link #nextBlock} with its proof; its payments leave the pending list. */
    public synchronized Block newBlock(Block template, long proof) {
        Block block = template.withProof(proof);
        if (!block.previousHash().equals(new JsonPrimitive(hash(lastBlock()))) || !block.validProof()) {
            throw new IllegalArgumentException("block " + block.index() + " does not follow the last block with a"
                    + " valid proof");
        }
        append(block);
        // Payments that came while the proof was searched for wait for the next block.
        PendingTransactions waiting = new PendingTransactions();
        currentTransactions.toJson().asList().stream().skip(block.transactions().size() - 1).forEach(waiting::add);
        currentTransactions = waiting;
        ledger.applyBlock(block);
        pendingLedger = ledger.copy();
        waiting.toJson().forEach(payment -> pendingLedger.apply(SignedTransaction.fromJson(payment)));
        return block;
    }

    private void append(Block block) {
        // Blocks are rare, so the wait for the disk may hold the lock: nothing changes until the log holds it.
        journal.sync(journal.block(block));
        chain.add(block);
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

    public Clock clock() {
        return clock;
    }

    /** Finds the proof for a template from {@link #nextBlock}: the slow part of mining a block. */
    public ProofOfWork.Result proofOfWork(Block template) {
        return work.proofOfWork(template.headerDigest(), template.target());
    }

    /** The block's hash in lower-case hex, which the next block's previous_hash holds. */
    public static String hash(Block block) {
        return HexFormat.of().formatHex(block.hashBytes());
    }

    /** Seconds since the epoch as a double, to the microsecond: the kind of number Python's {@code time.time()} gives. */
    private double now() {
        Instant now = clock.instant();
        return now.getEpochSecond() + now.getNano() / 1_000 / 1e6;
    }
}
