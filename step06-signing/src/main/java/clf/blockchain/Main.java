package clf.blockchain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts a node, as the text's {@code python3 blockchain.py} does: port 5000 on every interface by default. With
 * {@code wallet} as its first argument, it is the wallet instead ({@link WalletCommand}).
 *
 * <pre>java -jar step06-signing/target/step06-signing.jar [--port N] [--host ADDRESS] [--difficulty N] [--peers A,B]</pre>
 */
public final class Main {

    /** Kept here: a logger that nobody holds may be collected, and its level forgotten. */
    private static final Logger[] QUIET = {Logger.getLogger("org.xnio"), Logger.getLogger("io.undertow")};

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("wallet")) {
            System.exit(WalletCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err, System.getenv()));
        }
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %5$s%6$s%n");
        for (Logger logger : QUIET) {
            logger.setLevel(Level.WARNING);
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage() + "\n\n" + Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(Options.USAGE);
            return;
        }
        ProofOfWork work = new ProofOfWork(options.proofRule(), options.difficulty(), options.minerThreads());
        Blockchain blockchain;
        try {
            blockchain = options.dataDir() == null ? new Blockchain(work, Clock.systemUTC())
                    : Blockchain.open(work, Clock.systemUTC(), ChainLog.open(options.dataDir()));
        } catch (IOException | UncheckedIOException e) {
            System.err.println("error: cannot use --data-dir " + options.dataDir() + ": " + e
                    + "\n(the node must be able to make, read and write the directory and its chain.log)");
            System.exit(1);
            return;
        } catch (IllegalStateException e) {
            System.err.println("error: cannot use --data-dir " + options.dataDir() + ": " + e.getMessage()
                    + "\n(a chain that is not valid was changed by hand or by another program; move the directory"
                    + " away to start a new chain)");
            System.exit(1);
            return;
        }
        blockchain.registerNodes(options.peers());
        Node node = new Node(blockchain, options.nodeId(), options.minerAddress());
        try {
            node.start(options.host(), options.port(), options.ioThreads());
        } catch (RuntimeException e) {
            System.err.println("error: cannot listen on " + options.host() + ":" + options.port() + " ("
                    + rootCause(e).getMessage() + "); is another node on that port? Try --port "
                    + (options.port() + 1));
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.stop();
            System.out.println("node stopped");
        }));
        System.out.println("node " + node.identifier() + " listening on http://" + options.host() + ":" + node.port()
                + " (difficulty " + options.difficulty() + ", " + options.proofRule().name().toLowerCase() + " rule)");
        System.out.println(options.minerAddress() == null
                ? "no --miner-address: this node does not mine (GET /mine answers 409)"
                : "mining rewards go to " + options.minerAddress());
        if (options.dataDir() != null) {
            System.out.println("data kept in " + options.dataDir().resolve(ChainLog.FILE_NAME) + ": "
                    + blockchain.chain().size() + " blocks and " + blockchain.currentTransactions().size()
                    + " pending payments");
        }
        if (!options.peers().isEmpty()) {
            System.out.println("peers: " + options.peers());
        }
        System.out.println("try: curl http://localhost:" + node.port() + "/chain ; stop with Ctrl-C");
    }

    private static Throwable rootCause(Throwable e) {
        return e.getCause() == null ? e : rootCause(e.getCause());
    }
}
