package clf.blockchain;

import java.time.Clock;

/** Crash safety: at start, a node rebuilds its chain from its data directory's log, checked as a peer's would be. */
public final class Recovery {

    private Recovery() {
    }

    /**
     * The chain and the pending payments of the log, or, for a new log, a new chain written to it.
     *
     * @throws IllegalStateException saying why the log's chain or one of its payments is not valid
     */
    public static Blockchain open(ProofOfWork work, Clock clock, ChainLog log) {
        if (log.blocks().isEmpty()) {
            return new Blockchain(work, clock, log);
        }
        CheckedChain saved;
        try {
            saved = new ChainValidator(work).checkChain(log.blocks());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the saved chain is not valid: " + e.getMessage());
        }
        return new Blockchain(work, clock, log, saved, log.pending());
    }
}
