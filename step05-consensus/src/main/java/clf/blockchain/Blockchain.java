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

/**
 * The chain and the transactions waiting for the next block, from the sections "blockchain representing",
 * "adding transactions to the blocks", "creating new blocks", "implementing proof of work", "registering new
 * nodes" and "implementing the consensus algorithm".
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

    /** A node keeps this many peers at most, so that nobody can make it call the whole internet on a resolve. */
    public static final int MAX_NODES = 100;

    private final List<Block> chain = new ArrayList<>();
    private final Set<URI> nodes = new LinkedHashSet<>();
    private final PendingTransactions currentTransactions = new PendingTransactions();
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
        // The genesis block has no predecessor. The text gives it the number 1 as previous_hash, where every
        // other block has a string; we keep the number because Python hashes 1 and "1" differently.
        addBlock(100, new JsonPrimitive(1));
    }

    /**
     * Adds a transaction to the list that the next mined block will hold.
     *
     * @return the index of that block, one past the last block
     */
    public synchronized long newTransaction(String sender, String recipient, long amount) {
        // exercise 2.1: Append the transaction {"sender", "recipient", "amount"} to the pending list.
        // exercise 2.1 begin
        JsonObject transaction = new JsonObject();
        transaction.addProperty("sender", sender);
        transaction.addProperty("recipient", recipient);
        transaction.addProperty("amount", amount);
        currentTransactions.add(transaction);
        // exercise 2.1 end
        // exercise 2.2: Return the index of the block that will hold the transaction: one past the last block.
        // exercise 2.2 begin
        return lastBlock().index() + 1;
        // exercise 2.2 end
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
        return addBlock(proof, new JsonPrimitive(previousHash));
    }

    private Block addBlock(long proof, JsonElement previousHash) {
        // exercise 1.2: Make the next block of the pending transactions (index, timestamp, proof, previous hash), append it, and empty the pending list.
        // exercise 1.2 begin
        Block block = Block.of(chain.size() + 1, now(), currentTransactions.toJson(), proof, previousHash);
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
     * check the structure, so that a chain with missing blocks or a strange genesis is not adopted either.
     */
    public String problemWith(List<Block> candidate) {
        return problemWith(candidate, 1);
    }

    /**
     * What is wrong with a chain whose first {@code verified} blocks are ours, already checked, or null if nothing
     * is: the blocks after them are checked, the first of them against our last.
     */
    String problemWith(List<Block> candidate, int verified) {
        // exercise 5.1: Check the genesis block, then every block's index, its link to the hash of the block before, its proof and its transactions, from position verified on; say what is wrong, or return null.
        // exercise 5.1 begin
        if (candidate.isEmpty()) {
            return "it has no blocks";
        }
        Block genesis = candidate.get(0);
        if (genesis.index() != 1 || genesis.proof() != 100 || !CanonicalJson.write(genesis.previousHash()).equals("1")
                || !genesis.transactions().isEmpty()) {
            return "its first block is not a genesis block (index 1, proof 100, previous_hash 1, no transactions)";
        }
        for (int i = Math.max(1, verified); i < candidate.size(); i++) {
            Block last = candidate.get(i - 1);
            Block block = candidate.get(i);
            if (block.index() != i + 1) {
                return "block " + (i + 1) + " says it is block " + block.index();
            }
            String lastHash = hash(last);
            if (!block.previousHash().equals(new JsonPrimitive(lastHash))) {
                return "block " + block.index() + " does not link to the hash of block " + last.index();
            }
            if (!work.validProof(last.proof(), block.proof(), lastHash)) {
                return "block " + block.index() + " has a proof that the rule does not accept";
            }
            for (JsonElement transaction : block.transactions()) {
                if (!transaction.isJsonObject() || !transaction.getAsJsonObject().has("sender")
                        || !transaction.getAsJsonObject().has("recipient") || !transaction.getAsJsonObject().has("amount")) {
                    return "block " + block.index() + " has a transaction without sender, recipient and amount";
                }
            }
        }
        return null;
        // exercise 5.1 end
    }

    /**
     * The text's consensus rule: ask every peer for its chain and adopt the longest valid chain that is longer
     * than ours. The peers are asked at once, not one after another, so one slow peer costs its time limit once.
     *
     * @return whether our chain was replaced, and which peers could not be used and why
     */
    public Resolution resolveConflicts(PeerClient peers) {
        // exercise 5.2: Download every peer's chain at once, adopt the longest valid one that is longer than ours, and report the peers you could not use and why.
        // exercise 5.2 begin
        List<Block> ours = chain();
        Map<URI, CompletableFuture<Candidate>> downloads = new LinkedHashMap<>();
        for (URI node : nodes()) {
            downloads.put(node, candidate(peers, node, ours));
        }
        List<Block> newChain = null;
        int maxLength = ours.size();
        Map<URI, String> unusable = new LinkedHashMap<>();
        for (Map.Entry<URI, CompletableFuture<Candidate>> download : downloads.entrySet()) {
            try {
                Candidate candidate = download.getValue().join();
                List<Block> blocks = candidate.blocks();
                String problem = blocks.size() > maxLength ? problemWith(blocks, candidate.verified()) : null;
                if (problem != null) {
                    unusable.put(download.getKey(), "its chain is longer but invalid: " + problem);
                } else if (blocks.size() > maxLength) {
                    maxLength = blocks.size();
                    newChain = blocks;
                }
            } catch (CompletionException e) {
                unusable.put(download.getKey(), e.getCause().getMessage());
            }
        }
        boolean replaced = newChain != null && replaceChain(newChain);
        return new Resolution(replaced, unusable);
        // exercise 5.2 end
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
     */
    synchronized boolean replaceChain(List<Block> newChain) {
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
                if (!isReward(transaction) && !take(inNewChain, CanonicalJson.write(transaction))) {
                    pending.add(transaction);
                }
            }
        }
        for (JsonElement transaction : currentTransactions.toJson()) {
            if (!take(onlyInNewChain, CanonicalJson.write(transaction))) {
                pending.add(transaction);
            }
        }
        chain.clear();
        chain.addAll(newChain);
        currentTransactions.clear();
        pending.forEach(currentTransactions::add);
        return true;
    }

    /** A mining reward: its sender is "0" (or 0, as the text's Python code sends it). */
    private static boolean isReward(JsonElement transaction) {
        JsonElement sender = transaction.isJsonObject() ? transaction.getAsJsonObject().get("sender") : null;
        return sender != null && sender.isJsonPrimitive() && sender.getAsString().equals("0");
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
