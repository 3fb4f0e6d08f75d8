package clf.blockchain;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;

/**
 * The chain and the transactions waiting for the next block, from the sections "blockchain representing",
 * "adding transactions to the blocks", "creating new blocks", "implementing proof of work", "registering new
 * nodes", "implementing the consensus algorithm", "transaction verification" and "smart wallet".
 *
 * <p>A payment is signed by its sender, and accepted only if the {@link Ledger} allows it; every block holds one
 * mining reward. The same rules decide whether a peer's chain is valid.
 *
 * <p>A node serves many requests at once, so every method that reads or changes the chain or the pending list
 * holds the lock of this object: a transaction is either in the list that a new block takes in, or arrives after
 * it and waits for the next one; it is never lost and never in two blocks.
 *
 * <p>The text's class has a few slips that stop it from running; this one is what it meant: the list is
 * {@code chain} (not {@code chains}), {@link #hash} encodes the JSON to bytes before hashing it, and a transaction's
 * fields are {@code sender}, {@code recipient} and {@code amount} (not {@code receipent} and {@code data}).
 */
public class Blockchain {

    private final List<Block> chain = new ArrayList<>();
    private final Set<URI> nodes = new LinkedHashSet<>();
    private final PendingTransactions currentTransactions = new PendingTransactions();
    private Ledger ledger = new Ledger();
    /** The ledger after the pending payments too. */
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

    /** A new chain mined by the given rule and difficulty, kept in memory only, as the text's. */
    public Blockchain(ProofOfWork work, Clock clock) {
        this(work, clock, Journal.IN_MEMORY, List.of(), new JsonArray());
    }

    /**
     * The chain and pending payments that a data directory's log holds, checked again in full as a peer's would be
     * (an {@link IllegalStateException} if they are not valid); or, for a new log, a new chain, written to it.
     */
    public static Blockchain open(ProofOfWork work, Clock clock, ChainLog log) {
        return new Blockchain(work, clock, log, log.blocks(), log.pending());
    }

    private Blockchain(ProofOfWork work, Clock clock, Journal journal, List<Block> saved, JsonArray savedPending) {
        this.work = work;
        this.clock = clock;
        this.journal = journal;
        if (saved.isEmpty()) {
            // The genesis block has no predecessor. The text gives it the number 1 as previous_hash, where every
            // other block has a string; we keep the number because Python hashes 1 and "1" differently.
            addBlock(100, new JsonPrimitive(1));
            return;
        }
        try {
            ledger = ledgerOfValid(saved, 1, new Ledger());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the saved chain is not valid: " + e.getMessage());
        }
        chain.addAll(saved);
        pendingLedger = ledger.copy();
        for (JsonElement transaction : savedPending) {
            try {
                SignedTransaction payment = SignedTransaction.fromJson(transaction);
                pendingLedger.check(payment);
                pendingLedger.apply(payment);
                currentTransactions.add(transaction);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("a saved pending payment is not valid (" + e.getMessage() + "): "
                        + CanonicalJson.write(transaction));
            }
        }
    }

    /** Does this chain write every change to a data directory before it is acknowledged? */
    public boolean keepsData() {
        return journal != Journal.IN_MEMORY;
    }

    /**
     * Adds the mining reward, the one transaction that nobody signs, to the list that the next mined block will hold.
     *
     * @return the index of that block, one past the last block
     */
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
        long index;
        long written;
        synchronized (this) {
            pendingLedger.check(payment);
            // First in the log, then in memory: if the log cannot be written, nothing has changed.
            written = journal.transaction(payment.toJson());
            pendingLedger.apply(payment);
            currentTransactions.add(payment.toJson());
            index = lastBlock().index() + 1;
        }
        // The wait for the disk is outside the lock, so that other payments go on arriving and share one flush.
        journal.sync(written);
        return index;
    }

    /** The ledger of the chain, as a copy. */
    public synchronized Ledger ledger() {
        return ledger.copy();
    }

    /** The ledger after the pending payments too, as a copy: what a sender may still spend. */
    public synchronized Ledger pendingLedger() {
        return pendingLedger.copy();
    }

    /** Finds the proof for the block after {@code lastBlock}: the slow part of mining a block. */
    public ProofOfWork.Result proofOfWork(Block lastBlock) {
        return work.proofOfWork(lastBlock.proof(), hash(lastBlock));
    }

    /** Is {@code proof} a valid proof for the block after {@code lastBlock}? Checking takes one hash. */
    public boolean validProof(Block lastBlock, long proof) {
        return work.validProof(lastBlock.proof(), proof, hash(lastBlock));
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
            waiting.asList().stream().filter(transaction -> !isReward(transaction)).forEach(currentTransactions::add);
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

    /** Forgets a peer, such as one that turned out to be this node itself. */
    public synchronized void forgetNode(URI address) {
        nodes.remove(address);
    }

    /** The registered peers, as a copy. */
    public synchronized Set<URI> nodes() {
        return new LinkedHashSet<>(nodes);
    }

    /** The text's valid_chain: is this a chain we could adopt? */
    public boolean validChain(List<Block> candidate) {
        try {
            checkChain(candidate);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Checks every link and every proof, as valid_chain does, the genesis and indexes too, and replays the ledger:
     * no forged signature, no overspend, no extra reward. Says what is wrong.
     */
    public void checkChain(List<Block> candidate) {
        ledgerOfValid(candidate, 1, new Ledger());
    }

    /**
     * The same for a chain whose first {@code verified} blocks are ours, already checked, with {@code ledger} their
     * ledger: only the blocks after them are checked, the first of them against our last, and replayed on a copy
     * of that ledger, which is returned.
     */
    Ledger ledgerOfValid(List<Block> candidate, int verified, Ledger ledger) {
        if (candidate.isEmpty()) {
            throw new IllegalArgumentException("it has no blocks");
        }
        Block genesis = candidate.get(0);
        if (genesis.index() != 1 || genesis.proof() != 100 || !CanonicalJson.write(genesis.previousHash()).equals("1")
                || !genesis.transactions().isEmpty()) {
            throw new IllegalArgumentException(
                    "its first block is not a genesis block (index 1, proof 100, previous_hash 1, no transactions)");
        }
        for (int i = Math.max(1, verified); i < candidate.size(); i++) {
            Block last = candidate.get(i - 1);
            Block block = candidate.get(i);
            if (block.index() != i + 1) {
                throw new IllegalArgumentException("block " + (i + 1) + " says it is block " + block.index());
            }
            if (!block.previousHash().equals(new JsonPrimitive(hash(last)))) {
                throw new IllegalArgumentException(
                        "block " + block.index() + " does not link to the hash of block " + last.index());
            }
            if (!validProof(last, block.proof())) {
                throw new IllegalArgumentException("block " + block.index() + " has a proof that the rule does not accept");
            }
        }
        return ledger.extendedBy(candidate.subList(verified == 1 ? 0 : verified, candidate.size()));
    }

    /**
     * The text's consensus rule: ask every peer for its chain and adopt the longest valid chain that is longer
     * than ours. The peers are asked at once, not one after another, so one slow peer costs its time limit once.
     */
    public Resolution resolveConflicts(PeerClient peers) {
        List<Block> ours;
        Ledger ourLedger;
        synchronized (this) {
            ours = chain();
            ourLedger = ledger.copy();
        }
        Map<URI, CompletableFuture<Candidate>> downloads = new LinkedHashMap<>();
        for (URI node : nodes()) {
            downloads.put(node, candidate(peers, node, ours));
        }
        List<Block> newChain = null;
        Ledger newLedger = null;
        int maxLength = ours.size();
        Map<URI, String> unusable = new LinkedHashMap<>();
        for (Map.Entry<URI, CompletableFuture<Candidate>> download : downloads.entrySet()) {
            try {
                Candidate candidate = download.getValue().join();
                if (candidate.blocks().size() > maxLength) {
                    newLedger = ledgerOfValid(candidate.blocks(), candidate.verified(),
                            candidate.verified() > 1 ? ourLedger : new Ledger());
                    maxLength = candidate.blocks().size();
                    newChain = candidate.blocks();
                }
            } catch (IllegalArgumentException e) {
                unusable.put(download.getKey(), "its chain is longer but invalid: " + e.getMessage());
            } catch (CompletionException e) {
                unusable.put(download.getKey(), e.getCause().getMessage());
            }
        }
        return new Resolution(newChain != null && replaceChain(newChain, newLedger), unusable);
    }

    /** A peer's chain, of which the first {@code verified} blocks are ours and need no checking. */
    record Candidate(List<Block> blocks, int verified) {
    }

    /**
     * Starts fetching a peer's chain, but only what we do not have when we can: {@code GET /chain?from=N}, with N
     * the index of our last block. If the peer's block N is ours, its chain is ours and then the blocks that
     * follow, and only those need checking. If it is not, the peer's chain forked earlier, and if it is longer, its
     * whole chain is fetched. A peer that does not know the parameter (the text's node) sends its whole chain.
     */
    CompletableFuture<Candidate> candidate(PeerClient peers, URI node, List<Block> ours) {
        // exercise 8.1: Ask the peer for its blocks from our last block's index on; keep its answer if it sent its whole chain, nothing if it is not longer, ours plus its new blocks if its first block is our last, and else fetch its whole chain.
        // exercise 8.1 begin
        Block last = ours.get(ours.size() - 1);
        return peers.chainFrom(node, last.index()).thenCompose(part -> {
            if (part.from() == 1) {
                return CompletableFuture.completedFuture(new Candidate(part.blocks(), 1));
            }
            if (part.length() <= ours.size()) {
                return CompletableFuture.completedFuture(new Candidate(List.of(), 1));
            }
            if (part.blocks().get(0).equals(last)) {
                List<Block> blocks = new ArrayList<>(ours);
                blocks.addAll(part.blocks().subList(1, part.blocks().size()));
                return CompletableFuture.completedFuture(new Candidate(blocks, ours.size()));
            }
            return peers.chain(node).thenApply(chain -> new Candidate(chain, 1));
        });
        // exercise 8.1 end
    }

    /** What a resolve did: whether our chain was replaced, and which peers could not be used and why. */
    public record Resolution(boolean replaced, Map<URI, String> unusablePeers) {
    }

    /**
     * Adopts a longer chain. The text forgets what our replaced blocks held; here the transactions the new chain does
     * not hold go back to the pending list (not our rewards, which only our blocks paid), and nothing is lost.
     */
    synchronized boolean replaceChain(List<Block> newChain, Ledger newLedger) {
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
            if (!isReward(transaction)) {
                ours.add(transaction);
            }
        }));
        ours.addAll(currentTransactions.toJson());
        Ledger newPendingLedger = newLedger.copy();
        JsonArray newPending = new JsonArray();
        for (JsonElement transaction : ours) {
            if (!theirs.remove(CanonicalJson.write(transaction))) {
                // A payment may have become invalid: its coins came from a reward that is gone, or its nonce is used.
                try {
                    SignedTransaction payment = SignedTransaction.fromJson(transaction);
                    newPendingLedger.check(payment);
                    newPendingLedger.apply(payment);
                    newPending.add(transaction);
                } catch (IllegalArgumentException e) {
                    Node.LOG.warning("dropped a payment that the adopted chain makes invalid (" + e.getMessage() + ")");
                }
            }
        }
        journal.sync(journal.replaced(shared, newChain.subList(shared, newChain.size()), newPending));
        chain.clear();
        chain.addAll(newChain);
        ledger = newLedger;
        pendingLedger = newPendingLedger;
        currentTransactions.clear();
        newPending.forEach(currentTransactions::add);
        return true;
    }

    /** A mining reward: sender "0", or 0 as the text's code sends it. */
    static boolean isReward(JsonElement transaction) {
        JsonElement sender = transaction.isJsonObject() ? transaction.getAsJsonObject().get("sender") : null;
        return sender != null && sender.isJsonPrimitive() && sender.getAsString().equals("0");
    }

    /** The SHA-256 of the block's canonical JSON, in lower-case hex, as the text's {@code hash(block)}. */
    public static String hash(Block block) {
        return sha256Hex(block.canonicalJson());
    }

    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Seconds since the epoch as a double, to the microsecond: the kind of number Python's {@code time.time()} gives. */
    private double now() {
        Instant now = clock.instant();
        return now.getEpochSecond() + now.getNano() / 1_000 / 1e6;
    }
}
