package clf.blockchain;

import clf.blockchain.ChainValidator.Candidate;
import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The text's consensus algorithm, from "implementing the consensus algorithm", with Bitcoin's rule: the most work wins. */
public final class Consensus {

    /** What a resolve did: whether our chain was replaced, which peers could not be used and why, and the payments of our replaced blocks that are pending again. */
    public record Resolution(boolean replaced, Map<URI, String> unusablePeers, List<SignedTransaction> restored) {
    }

    private final Blockchain blockchain;
    private final ChainValidator validator;

    public Consensus(Blockchain blockchain) {
        this.blockchain = blockchain;
        this.validator = new ChainValidator(blockchain.work(), blockchain.clock());
    }

    /** The text's resolve_conflicts; the peers are asked at once, so one slow peer costs its time limit once. */
    public Resolution resolveConflicts(PeerClient peers) {
        return resolve(peers, blockchain.nodes());
    }

    /** The same, against some of the peers only. */
    public Resolution resolve(PeerClient peers, Collection<URI> nodes) {
        CheckedChain ours = blockchain.snapshot();
        Map<URI, CompletableFuture<Optional<Candidate>>> downloads = new LinkedHashMap<>();
        for (URI node : nodes) {
            downloads.put(node, candidate(peers, node, ours));
        }
        CheckedChain newChain = null;
        BigInteger most = ours.work();
        Map<URI, String> unusable = new LinkedHashMap<>();
        for (Map.Entry<URI, CompletableFuture<Optional<Candidate>>> download : downloads.entrySet()) {
            try {
                Optional<Candidate> candidate = download.getValue().join();
                if (candidate.isPresent()) {
                    CheckedChain checked = validator.checkChain(candidate.get());
                    // exercise 15.2: Keep the checked chain if its work is more than the most seen so far, ours at first; at equal work, the chain seen first stays.
                    // exercise 15.2 begin
                    if (checked.work().compareTo(most) > 0) {
                        newChain = checked;
                        most = checked.work();
                    }
                    // exercise 15.2 end
                }
            } catch (IllegalArgumentException e) {
                unusable.put(download.getKey(), "its chain claims more work but is invalid: " + e.getMessage());
            } catch (CompletionException e) {
                if (e.getCause() instanceof PeerClient.ItIsThisNode) {
                    blockchain.forgetNode(download.getKey());
                }
                unusable.put(download.getKey(), e.getCause().getMessage());
            }
        }
        Optional<List<SignedTransaction>> restored = newChain == null ? Optional.empty() : blockchain.replaceChain(newChain);
        return new Resolution(restored.isPresent(), unusable, restored.orElse(List.of()));
    }

    /** Fetches what a peer has and we lack, {@code GET /chain?from=N} from our last block N; nothing if it claims no more work. */
    CompletableFuture<Optional<Candidate>> candidate(PeerClient peers, URI node, CheckedChain ours) {
        // exercise 8.1: Ask the peer for its blocks from our last block's index on; nothing if it claims no more work than ours, its answer if it sent its whole chain, ours plus its new blocks if its first block is our last, and else fetch its whole chain.
        // exercise 8.1 begin
        Block last = ours.blocks().get(ours.blocks().size() - 1);
        return peers.chainFrom(node, last.index()).thenCompose(part -> {
            if (part.work().compareTo(ours.work()) <= 0) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            if (part.from() == 1) {
                return CompletableFuture.completedFuture(Optional.of(Candidate.whole(part.blocks())));
            }
            if (!part.blocks().isEmpty() && part.blocks().get(0).equals(last)) {
                List<Block> blocks = new ArrayList<>(ours.blocks());
                blocks.addAll(part.blocks().subList(1, part.blocks().size()));
                return CompletableFuture.completedFuture(Optional.of(new Candidate(blocks, ours.blocks().size(), ours.ledger())));
            }
            return peers.chain(node).thenApply(chain -> Optional.of(Candidate.whole(chain)));
        });
        // exercise 8.1 end
    }
}
