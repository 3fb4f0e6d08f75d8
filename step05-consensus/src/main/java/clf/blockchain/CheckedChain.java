package clf.blockchain;

import java.util.List;

/** A chain that {@link Consensus#checkChain} found valid: the only kind a node adopts. */
public record CheckedChain(List<Block> blocks) {

    public CheckedChain {
        blocks = List.copyOf(blocks);
    }
}
