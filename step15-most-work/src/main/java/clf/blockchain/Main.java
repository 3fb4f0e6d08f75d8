package clf.blockchain;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Starts a node, as the text's {@code python3 blockchain.py} does, or with {@code wallet ...} the wallet. */
@Command(name = "java -jar step15-most-work.jar", description = "Starts a node with the text's HTTP API.")
public final class Main implements Callable<Integer> {

    /** Kept here: a logger that nobody holds may be collected, and its level forgotten. */
    private static final Logger UNDERTOW = Logger.getLogger("io.undertow");

    @Option(names = {"-p", "--port"}, paramLabel = "N", defaultValue = "5000",
            description = "the port to listen on (default: ${DEFAULT-VALUE}, as in the text)")
    int port;

    @Option(names = "--difficulty", paramLabel = "N", defaultValue = "4",
            description = "the genesis target, the easiest: N leading hex zeros, 1 to 64 (default: ${DEFAULT-VALUE},"
                    + " as in the text)")
    int difficulty;

    @Option(names = "--block-time", paramLabel = "SECONDS", description = "the time a block should take, which the"
            + " target follows (default: 10)")
    double blockTime = Retarget.BLOCK_SECONDS;

    @Option(names = "--retarget-every", paramLabel = "N", description = "blocks between two moves of the target"
            + " (default: 10)")
    int retargetEvery = Retarget.EVERY;

    @Option(names = "--miner-key", paramLabel = "FILE",
            description = "the public key file of the wallet that this node's mining rewards go to, such as"
                    + " miner.pub.pem from `wallet new --out miner.pem`; without it, the node does not mine")
    Path minerKey;

    @Option(names = "--miner-address", paramLabel = "ADDRESS",
            description = "the same, as the wallet's address (\"\": do not mine)")
    String minerAddress;

    @Option(names = "--io-threads", paramLabel = "N",
            description = "threads that read requests and answer the quick ones (default: one per core, at least 2)")
    int ioThreads = Node.DEFAULT_IO_THREADS;

    @Option(names = "--miner-threads", paramLabel = "N", description = "threads that search for a proof (default: one per core)")
    int minerThreads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--data-dir", paramLabel = "DIR", description = "keep the chain and the pending payments in"
            + " DIR/chain.log, and read them back at start (default: in memory only, as in the text)")
    Path dataDir;

    @Option(names = "--peers", paramLabel = "ADDRESS", split = ",",
            description = "peers to join at start, such as http://teacher:5000; their peers are found from them")
    List<String> peers = List.of();

    @Option(names = "--max-peers", paramLabel = "N", defaultValue = "8",
            description = "the peers it finds and adds itself, at most (default: ${DEFAULT-VALUE})")
    int maxPeers;

    @Option(names = "--advertise", paramLabel = "URL", description = "the address peers are told to fetch from this"
            + " node at (default: this machine's address on the way to each peer, and this port)")
    String advertise;

    @Option(names = "--no-gossip", description = "announce and find nothing, as the nodes of the steps before")
    boolean noGossip;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main()).addSubcommand("wallet", new WalletCommand(System.getenv()))
                .setExecutionExceptionHandler(WalletCommand::failure);
    }

    @Override
    public Integer call() throws InterruptedException {
        check(port >= 0 && port <= 65535, "--port takes 0 to 65535, not " + port);
        check(difficulty >= 1 && difficulty <= 64, "--difficulty takes 1 to 64, not " + difficulty);
        check(blockTime >= 0.001 && blockTime <= 86400, "--block-time takes 0.001 to 86400 seconds, not " + blockTime);
        check(retargetEvery >= 2 && retargetEvery <= 10_000, "--retarget-every takes 2 to 10000, not " + retargetEvery);
        check(ioThreads >= 1 && ioThreads <= 256, "--io-threads takes 1 to 256, not " + ioThreads);
        check(minerThreads >= 1 && minerThreads <= 256, "--miner-threads takes 1 to 256, not " + minerThreads);
        check(maxPeers >= 1 && maxPeers <= Blockchain.MAX_NODES, "--max-peers takes 1 to " + Blockchain.MAX_NODES
                + ", not " + maxPeers);
        check(minerKey == null || minerAddress == null, "give --miner-key or --miner-address, not both");
        String miner = minerAddress == null || minerAddress.isEmpty() ? null : minerAddress;
        try {
            miner = minerKey == null ? miner : Wallet.addressOfPublicKey(minerKey);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "--miner-key: cannot read " + minerKey + ": " + e.getMessage());
        }
        check(miner == null || SignedTransaction.isAddress(miner), "--miner-address takes an address, 64 lower-case"
                + " hex digits as `wallet address` prints it, not " + minerAddress);
        List<URI> peerAddresses = new ArrayList<>();
        for (String peer : peers) {
            try {
                peerAddresses.add(NodeAddress.parse(peer));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--peers: " + peer + " is not a node's address: " + e.getMessage());
            }
        }
        URI advertised;
        try {
            advertised = advertise == null ? null : NodeAddress.parse(advertise);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--advertise: " + advertise + " is not a node's address: "
                    + e.getMessage());
        }
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$s %5$s%6$s%n");
        UNDERTOW.setLevel(Level.WARNING);
        // Coins are at stake now: a proof covers the last block's hash, so that no history is rewritten for free.
        ProofOfWork work = new ProofOfWork(new Retarget(Target.ofDifficulty(difficulty), retargetEvery, blockTime),
                minerThreads);
        Blockchain blockchain;
        try {
            blockchain = dataDir == null ? new Blockchain(work, Clock.systemUTC())
                    : ChainLog.open(dataDir).restore(work, Clock.systemUTC());
        } catch (IOException | RuntimeException e) {
            spec.commandLine().getErr().println("error: cannot use --data-dir " + dataDir + ": " + (e instanceof
                    AccessDeniedException ? "permission denied on " + e.getMessage() : e.getMessage()));
            return 1;
        }
        blockchain.registerNodes(peerAddresses);
        Node node = new Node(blockchain, miner, advertised, maxPeers, !noGossip);
        try {
            node.start("0.0.0.0", port, ioThreads);
        } catch (RuntimeException e) {
            spec.commandLine().getErr().println("error: cannot listen on port " + port + " (" + e.getMessage()
                    + "); is another node on that port? Try --port " + (port + 1));
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(node::stop));
        System.out.println("node listening on http://0.0.0.0:" + node.port() + " (difficulty " + difficulty + ")");
        System.out.println(miner == null ? "no --miner-key: GET /mine answers 409" : "mining rewards go to " + miner);
        System.out.println(dataDir == null ? "in memory only: a restart starts a new chain" : "data kept in "
                + dataDir.resolve(ChainLog.FILE_NAME) + ": " + ChainLogReader.count(blockchain.chain().size(), "block")
                + " and " + ChainLogReader.count(blockchain.currentTransactions().size(), "pending payment"));
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
