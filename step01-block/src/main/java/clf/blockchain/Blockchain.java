package clf.blockchain;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The chain and the transactions waiting for the next block, from the sections "blockchain representing" and
 * "creating new blocks".
 *
 * <p>The text's class has a few slips that stop it from running; this one is what it meant: the list is
 * {@code chain} (not {@code chains}), and {@link #hash} encodes the JSON to bytes before hashing it.
 */
public class Blockchain {

    private final List<Block> chain = new ArrayList<>();
    private JsonArray currentTransactions = new JsonArray();
    private final Clock clock;

    /** A new chain holding only its genesis block, stamped with the current time. */
    public Blockchain() {
        this(Clock.systemUTC());
    }

    /** A new chain whose blocks are stamped by the given clock, so that tests can fix the time. */
    public Blockchain(Clock clock) {
        this.clock = clock;
        // The genesis block has no predecessor. The text gives it the number 1 as previous_hash, where every
        // other block has a string; we keep the number because Python hashes 1 and "1" differently.
        addBlock(100, new JsonPrimitive(1));
    }

    /** Forges a block after the last one, linked to it by its hash. */
    public Block newBlock(long proof) {
        return newBlock(proof, hash(lastBlock()));
    }

    /** Forges a block with the given proof and previous hash, and empties the pending transactions into it. */
    public Block newBlock(long proof, String previousHash) {
        return addBlock(proof, new JsonPrimitive(previousHash));
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

    public Block lastBlock() {
        return chain.get(chain.size() - 1);
    }

    /** The blocks from genesis on, as an unmodifiable copy. */
    public List<Block> chain() {
        return List.copyOf(chain);
    }

    /** The transactions that the next block will hold, as a copy. */
    public JsonArray currentTransactions() {
        return currentTransactions.deepCopy();
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
