package clf.blockchain;

import java.math.BigInteger;
import java.util.List;

/** A chain that {@link ChainValidator#checkChain} found valid, with its ledger: the only kind a node adopts. */
public record CheckedChain(List<Block> blocks, Ledger ledger) {

    public CheckedChain {
        blocks = List.copyOf(blocks);
    }

    /** The chain's work: the sum of its blocks', the genesis block's too. */
    public BigInteger work() {
        return blocks.stream().map(block -> block.target().work()).reduce(BigInteger.ZERO, BigInteger::add);
    }
}
