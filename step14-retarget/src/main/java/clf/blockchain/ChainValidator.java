package clf.blockchain;

import com.google.gson.JsonPrimitive;
import java.time.Clock;
import java.util.List;

/** The text's valid_chain, from "implementing the consensus algorithm": is a peer's chain one we could adopt? */
public final class ChainValidator {

    /** A chain whose first {@code trusted} blocks are ours, checked already, with {@code ledger} their ledger. */
    public record Candidate(List<Block> blocks, int trusted, Ledger ledger) {

        /** A whole chain from genesis on, none of it checked yet. */
        public static Candidate whole(List<Block> blocks) {
            return new Candidate(blocks, 0, new Ledger());
        }
    }

    private final Retarget retarget;
    private final Clock clock;

    /** Checks targets and timestamps by our own chain's retarget, against the system clock. */
    public ChainValidator(ProofOfWork work) {
        this(work, Clock.systemUTC());
    }

    /** The same, against the given clock, which says how far ahead a timestamp is. */
    public ChainValidator(ProofOfWork work, Clock clock) {
        this.retarget = work.retarget();
        this.clock = clock;
    }

    /** The text's valid_chain. */
    public boolean validChain(List<Block> candidate) {
        try {
            checkChain(candidate);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Checks every link and proof, as valid_chain does, the genesis and indexes too, and replays the ledger; says what is wrong. */
    public CheckedChain checkChain(List<Block> candidate) {
        return checkChain(Candidate.whole(candidate));
    }

    /** The same, but for the candidate's trusted blocks, which are neither checked nor replayed again. */
    public CheckedChain checkChain(Candidate candidate) {
        List<Block> blocks = candidate.blocks();
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("it has no blocks");
        }
        Block genesis = blocks.get(0);
        if (genesis.index() != 1 || genesis.proof() != 100 || !CanonicalJson.write(genesis.previousHash()).equals("1")
                || !genesis.transactions().isEmpty()) {
            throw new IllegalArgumentException(
                    "its first block is not a genesis block (index 1, proof 100, previous_hash 1, no transactions)");
        }
        if (!genesis.target().equals(retarget.genesis())) {
            throw new IllegalArgumentException("its genesis block has the target " + genesis.target() + ", not this"
                    + " chain's " + retarget.genesis() + ": its node was started with another --difficulty");
        }
        double now = clock.millis() / 1000.0;
        for (int i = Math.max(1, candidate.trusted()); i < blocks.size(); i++) {
            Block last = blocks.get(i - 1);
            Block block = blocks.get(i);
            if (block.index() != i + 1) {
                throw new IllegalArgumentException("block " + (i + 1) + " says it is block " + block.index());
            }
            String lastHash = Blockchain.hash(last);
            if (!block.previousHash().equals(new JsonPrimitive(lastHash))) {
                throw new IllegalArgumentException(
                        "block " + block.index() + " does not link to the hash of block " + last.index());
            }
            if (!block.transactionsHash().equals(new JsonPrimitive(Block.transactionsHash(block.transactions())))) {
                throw new IllegalArgumentException("block " + block.index() + "'s transactions_hash is not the digest"
                        + " of its transactions");
            }
            List<Block> before = blocks.subList(0, i);
            Target expected = retarget.next(before);
            if (!block.target().equals(expected)) {
                throw new IllegalArgumentException("block " + block.index() + " has the target " + block.target()
                        + ", not " + expected + ", which the retarget gives it");
            }
            retarget.checkTimestamp(before, block.timestamp(), now);
            if (!block.validProof()) {
                throw new IllegalArgumentException("block " + block.index() + " has a proof that the rule does not accept");
            }
        }
        return new CheckedChain(blocks, candidate.ledger().extendedBy(blocks.subList(candidate.trusted(), blocks.size())));
    }
}
