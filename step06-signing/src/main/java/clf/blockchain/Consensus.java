package clf.blockchain;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The text's consensus algorithm, from "implementing the consensus algorithm": the longest valid chain wins. */
public final class Consensus {

    /** What a resolve did: whether our chain was replaced, and which peers could not be used and why. */
    public record Resolution(boolean replaced, Map<URI, String> unusablePeers) {
    }

    private final Blockchain blockchain;
    private final ChainValidator validator;
    private final PeerClient peers;

    public Consensus(Blockchain blockchain, PeerClient peers) {
        this.blockchain = blockchain;
        this.validator = new ChainValidator(blockchain.work());
        this.peers = peers;
    }

    /** The text's resolve_conflicts; the peers are asked at once, so one slow peer costs its time limit once. */
    public Resolution resolveConflicts() {
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
                    newChain = validator.checkChain(candidate);
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
