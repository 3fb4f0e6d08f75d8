package clf.blockchain;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.logging.Logger;

/**
 * The chain and the transactions waiting for the next block, from the sections "blockchain representing",
 * "adding transactions to the blocks", "creating new blocks", "implementing proof of work", "registering new
 * nodes", "implementing the consensus algorithm", "transaction verification" and "smart wallet".
 *
 * <p>From step 06 on, a transaction is a payment signed by its sender, and the chain keeps a {@link Ledger}: a
 * payment is accepted only if the ledger, counting the payments already waiting, allows it, and every block
 * starts with its miner's reward. The same rules decide whether a peer's chain is valid.
 *
 * <p>From step 04 on, a node serves many requests at once, so every method that reads or changes the chain or
 * the pending list holds the lock of this object: a transaction is either in the list that a new block takes in,
 * or arrives after it and waits for the next one; it is never lost and never in two blocks.
 *
 * <p>The text's class has a few slips that stop it from running; this one is what it meant: the list is
 * {@code chain} (not {@code chains}), {@link #hash} encodes the JSON to bytes before hashing it, and a transaction's
 * fields are {@code sender}, {@code recipient} and {@code amount} (not {@code receipent} and {@code data}).
 */
public class Blockchain {

    private static final Logger LOG = Logger.getLogger("clf.blockchain.node");

    /** A node keeps this many peers at most, so that nobody can make it call the whole internet on a resolve. */
    public static final int MAX_NODES = 100;

    private final List<Block> chain = new ArrayList<>();
    private final Set<URI> nodes = new LinkedHashSet<>();
    private final PendingTransactions currentTransactions = new PendingTransactions();
    /** The ledger of the chain, and the ledger after the pending payments too. */
    private Ledger ledger = new Ledger();
    private Ledger pendingLedger = new Ledger();
    private final ProofOfWork work;
    private final Clock clock;
    private final Journal journal;

    /** The linked rule at the text's difficulty: this step's default (step 03 shows why). */
    public static final ProofOfWork DEFAULT_WORK = new ProofOfWork(ProofOfWork.Rule.LINKED, ProofOfWork.DEFAULT_DIFFICULTY);

    /** A new chain holding only its genesis block, stamped with the current time, mined by the linked rule. */
    public Blockchain() {
        this(DEFAULT_WORK, Clock.systemUTC());
    }

    /** A new chain whose blocks are stamped by the given clock, so that tests can fix the time. */
    public Blockchain(Clock clock) {
        this(DEFAULT_WORK, clock);
    }

    /** A new chain mined by the given rule and difficulty, kept in memory only, as the text's. */
    public Blockchain(ProofOfWork work, Clock clock) {
        this(work, clock, Journal.IN_MEMORY, List.of(), new JsonArray());
    }

    /**
     * The chain that a data directory's log holds, checked again in full as a peer's chain would be, with its
     * pending payments; or, for a new log, a new chain, written to it. Every change is then written to the log
     * before it is acknowledged.
     *
     * @throws IllegalStateException if the log holds a chain that is not valid
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
            Block genesis = Block.of(1, now(), new JsonArray(), 100, new JsonPrimitive(1));
            journal.sync(journal.block(genesis));
            chain.add(genesis);
            return;
        }
        try {
            ledger = ledgerOfValid(saved);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the saved chain is not valid: " + e.getMessage());
        }
        chain.addAll(saved);
        pendingLedger = ledger.copy();
        for (JsonElement transaction : savedPending) {
            try {
                SignedTransaction payment = SignedTransaction.fromJson(transaction);
                String problem = pendingLedger.problemWith(payment);
                if (problem != null) {
                    throw new IllegalArgumentException(problem);
                }
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
     * Adds a signed payment to the list that the next mined block will hold, if the ledger allows it: the
     * signature is the sender's, the nonce is the sender's next, and the sender has the coins, counting the
     * payments already waiting.
     *
     * @return the index of that block, one past the last block
     * @throws IllegalArgumentException saying which rule the payment breaks
     */
    public long newTransaction(SignedTransaction payment) {
        long index;
        long written;
        synchronized (this) {
            String problem = pendingLedger.problemWith(payment);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            // First in the log, then in memory: if the log cannot be written, nothing has changed.
            JsonObject json = payment.toJson();
            written = journal.transaction(json);
            pendingLedger.apply(payment);
            currentTransactions.add(json);
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

    /**
     * Forges a block with the given proof and previous hash: first the miner's reward, then the pending payments,
     * which leave the pending list.
     */
    public synchronized Block newBlock(long proof, String previousHash, String minerAddress) {
        JsonArray transactions = new JsonArray();
        transactions.add(Ledger.rewardTransaction(minerAddress));
        transactions.addAll(currentTransactions.toJson());
        Block block = Block.of(chain.size() + 1, now(), transactions, proof, new JsonPrimitive(previousHash));
        // Blocks are rare, so the wait for the disk may hold the lock: nothing changes until the log holds it.
        journal.sync(journal.block(block));
        ledger.applyBlock(block);
        pendingLedger = ledger.copy();
        currentTransactions.clear();
        chain.add(block);
        return block;
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

    /** Adds peers to the registry, all of them or, if that would pass {@link #MAX_NODES}, none. */
    public synchronized void registerNodes(List<URI> addresses) {
        Set<URI> after = new LinkedHashSet<>(nodes);
        after.addAll(addresses);
        if (after.size() > MAX_NODES) {
            throw new IllegalArgumentException("a node keeps at most " + MAX_NODES + " peers; it has " + nodes.size());
        }
        nodes.addAll(addresses);
    }

    /** The registered peers, as a copy. */
    public synchronized Set<URI> nodes() {
        return new LinkedHashSet<>(nodes);
    }

    /** Forgets a peer, for example one that turned out to be this node itself. */
    public synchronized void forgetNode(URI address) {
        nodes.remove(address);
    }

    /** Is this a chain we could adopt? The text's valid_chain, which says yes or no. */
    public boolean validChain(List<Block> candidate) {
        return problemWith(candidate) == null;
    }

    /**
     * What is wrong with a chain, or null if nothing is. The text checks every link and every proof; we also
     * check the structure, so that a chain with missing blocks or a strange genesis is not adopted either, and
     * replay its ledger, so that a chain with a forged signature, an overspend or an extra reward is not either.
     */
    public String problemWith(List<Block> candidate) {
        try {
            ledgerOfValid(candidate);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /** The ledger of a chain that passes every check; throws {@link IllegalArgumentException} saying what fails. */
    private Ledger ledgerOfValid(List<Block> candidate) {
        return ledgerOfValid(candidate, 1, null);
    }

    /**
     * The same for a chain whose first {@code verified} blocks are ours, already checked, with {@code ledger} their
     * ledger: only the blocks after them are checked, the first of them against our last, and replayed on a copy
     * of that ledger.
     */
    private Ledger ledgerOfValid(List<Block> candidate, int verified, Ledger ledger) {
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
            String lastHash = hash(last);
            if (!block.previousHash().equals(new JsonPrimitive(lastHash))) {
                throw new IllegalArgumentException(
                        "block " + block.index() + " does not link to the hash of block " + last.index());
            }
            if (!work.validProof(last.proof(), block.proof(), lastHash)) {
                throw new IllegalArgumentException("block " + block.index() + " has a proof that the rule does not accept");
            }
        }
        return verified > 1 ? ledger.extendedBy(candidate.subList(verified, candidate.size())) : Ledger.of(candidate);
    }

    /**
     * The text's consensus rule: ask every peer for its chain and adopt the longest valid chain that is longer
     * than ours. The peers are asked at once, not one after another, so one slow peer costs its time limit once.
     *
     * @return whether our chain was replaced, and which peers could not be used and why
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
                List<Block> blocks = candidate.blocks();
                if (blocks.size() > maxLength) {
                    newLedger = ledgerOfValid(blocks, candidate.verified(), ourLedger);
                    maxLength = blocks.size();
                    newChain = blocks;
                }
            } catch (IllegalArgumentException e) {
                unusable.put(download.getKey(), "its chain is longer but invalid: " + e.getMessage());
            } catch (CompletionException e) {
                unusable.put(download.getKey(), e.getCause().getMessage());
            }
        }
        boolean replaced = newChain != null && replaceChain(newChain, newLedger);
        return new Resolution(replaced, unusable);
    }

    /** A peer's chain, of which the first {@code verified} blocks are ours and need no checking. */
    record Candidate(List<Block> blocks, int verified) {
    }

    /**
     * Starts fetching a peer's chain, but only what we do not have when we can: {@code GET /chain?from=N}, with N
     * the index of our last block. If the peer's block N is ours (the same hash), its chain is ours and then the
     * blocks that follow, and only those need checking. If it is not, the peer's chain forked earlier, and if it is
     * longer, its whole chain is fetched. A peer that does not know the parameter (the text's node) sends its
     * whole chain at once.
     */
    CompletableFuture<Candidate> candidate(PeerClient peers, URI node, List<Block> ours) {
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
    }

    /** What a resolve did. */
    public record Resolution(boolean replaced, Map<URI, String> unusablePeers) {
    }

    /**
     * Adopts a longer chain, unless ours has grown as long meanwhile. Nothing accepted is lost: the transactions
     * of our blocks that the new chain does not have go back to the pending list (but not our mining rewards,
     * which only our own blocks could pay), and pending transactions that the new chain already holds leave it.
     * One exception, which the ledger forces: a payment that the new chain makes invalid (its coins came from a
     * reward that is gone, or its nonce is now used) cannot wait for any block, and is dropped with a warning.
     */
    synchronized boolean replaceChain(List<Block> newChain, Ledger newLedger) {
        if (newChain.size() <= chain.size()) {
            return false;
        }
        // The blocks both chains share hold the same transactions; only the blocks after them differ. Transactions
        // are compared as their canonical JSON, and counted: the same payment may be made twice.
        int shared = sharedBlocks(chain, newChain);
        List<Block> ourOwn = chain.subList(shared, chain.size());
        List<Block> theirOwn = newChain.subList(shared, newChain.size());
        Map<String, Integer> inNewChain = count(theirOwn);
        Map<String, Integer> onlyInNewChain = count(theirOwn);
        count(ourOwn).forEach((transaction, times) ->
                onlyInNewChain.computeIfPresent(transaction, (same, n) -> n > times ? n - times : null));

        JsonArray pending = new JsonArray();
        for (Block block : ourOwn) {
            for (JsonElement transaction : block.transactions()) {
                if (!Ledger.isReward(transaction) && !take(inNewChain, CanonicalJson.write(transaction))) {
                    pending.add(transaction);
                }
            }
        }
        for (JsonElement transaction : currentTransactions.toJson()) {
            if (!take(onlyInNewChain, CanonicalJson.write(transaction))) {
                pending.add(transaction);
            }
        }
        Ledger newPendingLedger = newLedger.copy();
        JsonArray newPending = new JsonArray();
        for (JsonElement transaction : pending) {
            SignedTransaction payment = SignedTransaction.fromJson(transaction);
            String problem = newPendingLedger.problemWith(payment);
            if (problem == null) {
                newPendingLedger.apply(payment);
                newPending.add(transaction);
            } else {
                LOG.warning("dropped a pending payment that the adopted chain makes invalid (" + problem + "): "
                        + CanonicalJson.write(transaction));
            }
        }
        journal.sync(journal.replaced(shared, theirOwn, newPending));
        chain.clear();
        chain.addAll(newChain);
        ledger = newLedger;
        pendingLedger = newPendingLedger;
        currentTransactions.clear();
        newPending.forEach(currentTransactions::add);
        return true;
    }

    /** How many blocks, from genesis on, two chains have in common. */
    private static int sharedBlocks(List<Block> one, List<Block> other) {
        int shared = 0;
        while (shared < Math.min(one.size(), other.size()) && one.get(shared).equals(other.get(shared))) {
            shared++;
        }
        return shared;
    }

    private static Map<String, Integer> count(List<Block> blocks) {
        Map<String, Integer> counts = new HashMap<>();
        for (Block block : blocks) {
            for (JsonElement transaction : block.transactions()) {
                counts.merge(CanonicalJson.write(transaction), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** Takes one of {@code key} from a multiset; says whether there was one. */
    private static boolean take(Map<String, Integer> counts, String key) {
        Integer n = counts.get(key);
        if (n == null) {
            return false;
        }
        if (n == 1) {
            counts.remove(key);
        } else {
            counts.put(key, n - 1);
        }
        return true;
    }

    /** The SHA-256 of the block's canonical JSON, in lower-case hex, as the text's {@code hash(block)}. */
    public static String hash(Block block) {
        return sha256Hex(block.canonicalJson());
    }

    static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
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
