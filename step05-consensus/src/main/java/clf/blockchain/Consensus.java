package clf.blockchain;

import com.google.gson.JsonPrimitive;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The text's consensus algorithm, valid_chain and resolve_conflicts: the longest valid chain wins. */
public final class Consensus {

    /** What a resolve did: whether our chain was replaced, and which peers could not be used and why. */
    public record Resolution(boolean replaced, Map<URI, String> unusablePeers) {
    }

    private final Blockchain blockchain;

    public Consensus(Blockchain blockchain) {
        this.blockchain = blockchain;
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

    /** Checks every link and every proof, as valid_chain does, and the genesis and indexes too; says what is wrong. */
    public CheckedChain checkChain(List<Block> candidate) {
        // exercise 5.1: Check the genesis block, then every block's index, its link to the hash of the block before and its proof; throw an IllegalArgumentException that says what is wrong.
        // exercise 5.1 begin
        if (candidate.isEmpty()) {
            throw new IllegalArgumentException("it has no blocks");
        }
        Block genesis = candidate.get(0);
        if (genesis.index() != 1 || genesis.proof() != 100 || !CanonicalJson.write(genesis.previousHash()).equals("1")
                || !genesis.transactions().isEmpty()) {
            throw new IllegalArgumentException(
                    "its first block is not a genesis block (index 1, proof 100, previous_hash 1, no transactions)");
        }
        for (int i = 1; i < candidate.size(); i++) {
            Block last = candidate.get(i - 1);
            Block block = candidate.get(i);
            if (block.index() != i + 1) {
                throw new IllegalArgumentException("block " + (i + 1) + " says it is block " + block.index());
            }
            if (!block.previousHash().equals(new JsonPrimitive(Blockchain.hash(last)))) {
                throw new IllegalArgumentException(
                        "block " + block.index() + " does not link to the hash of block " + last.index());
            }
            if (!blockchain.validProof(last, block.proof())) {
                throw new IllegalArgumentException("block " + block.index() + " has a proof that the rule does not accept");
            }
        }
        // exercise 5.1 end
        return new CheckedChain(candidate);
    }

    /** The text's resolve_conflicts; the peers are asked at once, so one slow peer costs its time limit once. */
    public Resolution resolveConflicts(PeerClient peers) {
        // exercise 5.2: Download every peer's chain at once, adopt the longest valid one that is longer than ours, and report the peers you could not use and why.
        // exercise 5.2 begin
        Map<URI, CompletableFuture<List<Block>>> downloads = new LinkedHashMap<>();
        for (URI node : blockchain.nodes()) {
            downloads.put(node, peers.chain(node));
        }
        CheckedChain newChain = null;
        int maxLength = blockchain.chain().size();
        Map<URI, String> unusable = new LinkedHashMap<>();
        for (Map.Entry<URI, CompletableFuture<List<Block>>> download : downloads.entrySet()) {
            try {
                List<Block> candidate = download.getValue().join();
                if (candidate.size() > maxLength) {
                    newChain = checkChain(candidate);
                    maxLength = candidate.size();
                }
            } catch (IllegalArgumentException e) {
                unusable.put(download.getKey(), "its chain is longer but invalid: " + e.getMessage());
            } catch (CompletionException e) {
                unusable.put(download.getKey(), e.getCause().getMessage());
            }
        }
        return new Resolution(newChain != null && blockchain.replaceChain(newChain), unusable);
        // exercise 5.2 end
    }
}
