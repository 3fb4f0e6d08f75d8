package clf.blockchain;

import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts a node, as the text's {@code python3 blockchain.py} does: port 5000 on every interface by default.
 *
 * <pre>java -jar step05-consensus/target/step05-consensus.jar [--port N] [--host ADDRESS] [--difficulty N] [--peers A,B]</pre>
 */
public final class Main {

    /** Kept here: a logger that nobody holds may be collected, and its level forgotten. */
    private static final Logger[] QUIET = {Logger.getLogger("org.xnio"), Logger.getLogger("io.undertow")};

    private Main() {
    }

    public static void main(String[] args) {
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
        ProofOfWork work = new ProofOfWork(ProofOfWork.Rule.TEXT, options.difficulty(), options.minerThreads());
        Blockchain blockchain = new Blockchain(work, Clock.systemUTC());
        blockchain.registerNodes(options.peers());
        Node node = new Node(blockchain, options.nodeId());
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
                + " (difficulty " + options.difficulty() + ")");
        if (!options.peers().isEmpty()) {
            System.out.println("peers: " + options.peers());
        }
        System.out.println("try: curl http://localhost:" + node.port() + "/chain ; stop with Ctrl-C");
    }

    private static Throwable rootCause(Throwable e) {
        return e.getCause() == null ? e : rootCause(e.getCause());
    }
}
