package clf.blockchain;

import java.time.Clock;

/** Crash safety: at start, a node rebuilds its chain from its data directory's log, checked as a peer's would be. */
public final class Recovery {

    private Recovery() {
    }

    /** The chain and pending payments of the log, or a new chain for a new log; an {@link IllegalStateException} says why not. */
    public static Blockchain open(ProofOfWork work, Clock clock, ChainLog log) {
        if (log.difficulty() != 0 && log.difficulty() != work.difficulty()) {
            throw new IllegalStateException(log.file() + " holds a chain mined at --difficulty " + log.difficulty()
                    + ", and this node runs at --difficulty " + work.difficulty() + ": start it with --difficulty "
                    + log.difficulty() + ", or give it another --data-dir");
        }
        if (log.blocks().isEmpty()) {
            if (log.difficulty() == 0) {
                log.sync(log.difficulty(work.difficulty()));
            }
            return new Blockchain(work, clock, log);
        }
        CheckedChain saved;
        try {
            saved = new ChainValidator(work).checkChain(log.blocks());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the chain in " + log.file() + " is not valid: " + e.getMessage()
                    + "; move the file aside to start a new chain, which a resolve fetches from a peer");
        }
        return new Blockchain(work, clock, log, saved, log.pending());
    }
}
