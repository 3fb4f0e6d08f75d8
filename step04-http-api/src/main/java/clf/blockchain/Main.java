package clf.blockchain;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Starts a node, as the text's {@code python3 blockchain.py} does: port 5000 on every interface. */
@Command(name = "java -jar step04-http-api.jar", description = "Starts a node with the text's HTTP API.")
public final class Main implements Callable<Integer> {

    /** Kept here: a logger that nobody holds may be collected, and its level forgotten. */
    private static final Logger UNDERTOW = Logger.getLogger("io.undertow");

    @Option(names = {"-p", "--port"}, paramLabel = "N", defaultValue = "5000",
            description = "the port to listen on (default: ${DEFAULT-VALUE}, as in the text)")
    int port;

    @Option(names = "--difficulty", paramLabel = "N", defaultValue = "4",
            description = "leading hex zeros a proof needs, 1 to 64 (default: ${DEFAULT-VALUE}, as in the text)")
    int difficulty;

    @Option(names = "--node-id", paramLabel = "ID",
            description = "the address that this node's mining rewards go to (default: a new random UUID)")
    String nodeId = UUID.randomUUID().toString().replace("-", "");  // The text's globally unique address.

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main());
    }

    @Override
    public Integer call() throws InterruptedException {
        check(port >= 0 && port <= 65535, "--port takes 0 to 65535, not " + port);
        check(difficulty >= 1 && difficulty <= 64, "--difficulty takes 1 to 64, not " + difficulty);
        check(!nodeId.isBlank(), "--node-id is empty");
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %5$s%6$s%n");
        UNDERTOW.setLevel(Level.WARNING);
        Node node = new Node(new Blockchain(new ProofOfWork(ProofOfWork.Rule.TEXT, difficulty), Clock.systemUTC()), nodeId);
        try {
            node.start("0.0.0.0", port);
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("error: cannot listen on port " + port + " (" + e.getMessage()
                    + "); is another node on that port? Try --port " + (port + 1));
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(node::stop));
        System.out.println("node " + nodeId + " listening on http://0.0.0.0:" + node.port() + " (difficulty " + difficulty + ")");
        System.out.println("try: curl http://localhost:" + node.port() + "/chain ; stop with Ctrl-C");
        Thread.currentThread().join();
        return 0;
    }

    private void check(boolean valid, String problem) {
        if (!valid) {
            throw new ParameterException(spec.commandLine(), problem);
        }
    }
}
