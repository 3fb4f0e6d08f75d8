package clf.blockchain;

import java.util.List;

/** A chain that {@link ChainValidator#checkChain} found valid, with its ledger: the only kind a node adopts. */
public record CheckedChain(List<Block> blocks, Ledger ledger) {

    public CheckedChain {
        blocks = List.copyOf(blocks);
    }
}
