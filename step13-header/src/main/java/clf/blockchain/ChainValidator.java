package clf.blockchain;

import com.google.gson.JsonPrimitive;
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

    private final ProofOfWork work;

    /** Checks proofs by the rule and difficulty that our own chain is mined by. */
    public ChainValidator(ProofOfWork work) {
        this.work = work;
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
            if (block.difficulty() != work.difficulty()) {
                throw new IllegalArgumentException("block " + block.index() + " has difficulty " + block.difficulty()
                        + ", not this chain's " + work.difficulty());
            }
            if (!block.validProof()) {
                throw new IllegalArgumentException("block " + block.index() + " has a proof that the rule does not accept");
            }
        }
        return new CheckedChain(blocks, candidate.ledger().extendedBy(blocks.subList(candidate.trusted(), blocks.size())));
    }
}
