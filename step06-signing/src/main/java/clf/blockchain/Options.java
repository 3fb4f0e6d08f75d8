package clf.blockchain;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The node's command line: {@code --port}, {@code --host}, {@code --difficulty}, {@code --node-id},
 * {@code --io-threads}, {@code --miner-threads}, {@code --peers}, {@code --miner-address}, {@code --proof-rule}
 * and {@code --data-dir}.
 */
public record Options(String host, int port, int difficulty, String nodeId, int ioThreads, int minerThreads,
                      List<URI> peers, String minerAddress, ProofOfWork.Rule proofRule, Path dataDir, boolean help) {

    /** Undertow's own default: one IO thread per core, and at least two. */
    public static final int DEFAULT_IO_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

    public static final String USAGE = """
            usage: java -jar step06-signing.jar [options]

              -p, --port N        the port to listen on (default 5000, as in the text)
                  --host ADDRESS  the address to listen on (default 0.0.0.0: every interface, as in the text)
                  --difficulty N  leading hex zeros a proof needs, 1 to 64 (default 4, as in the text)
                  --node-id ID    this node's identifier, which receives the mining rewards
                                  (default: a new random UUID without dashes)
                  --io-threads N  threads that read requests and answer the quick ones
                                  (default: one per core, at least 2)
                  --miner-threads N
                                  threads that search for a proof (default: one per core)
                  --peers A,B     peers to register at start, such as http://node2:5000,node3:5000
                  --miner-address ADDRESS
                                  the address that mining rewards go to; without it (or with "") the node
                                  does not mine (make one: java -jar step06-signing.jar wallet new --out miner.pem)
                  --miner-key FILE
                                  the same, read from a wallet's public key file, such as miner.pub.pem
                  --proof-rule R  linked (default: a proof covers the last block's hash) or text (the
                                  tutorial's rule, for a network with nodes of the text or of step 05)
                  --data-dir DIR  keep the chain and the pending payments in DIR/chain.log, and read them
                                  back at start (default: in memory only, as in the text)
              -h, --help          show this help

            The wallet has its own commands: java -jar step06-signing.jar wallet --help

            Several nodes run side by side on one machine on different ports:
              java -jar step06-signing.jar --port 5001 --peers http://localhost:5000
            """;

    /** Reads the command line; throws {@link IllegalArgumentException} with a sentence saying what is wrong. */
    public static Options parse(String... args) {
        String host = "0.0.0.0";
        int port = 5000;
        int difficulty = ProofOfWork.DEFAULT_DIFFICULTY;
        String nodeId = null;
        int ioThreads = DEFAULT_IO_THREADS;
        int minerThreads = Runtime.getRuntime().availableProcessors();
        List<URI> peers = new ArrayList<>();
        String minerAddress = null;
        ProofOfWork.Rule proofRule = ProofOfWork.Rule.LINKED;
        Path dataDir = null;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("-h") || option.equals("--help")) {
                return new Options(host, port, difficulty, nodeId, ioThreads, minerThreads, peers, minerAddress, proofRule,
                        dataDir, true);
            }
            if (i + 1 == args.length) {
                throw new IllegalArgumentException(option.startsWith("-") ? option + " needs a value"
                        : "unexpected argument " + option);
            }
            String value = args[++i];
            switch (option) {
                case "-p", "--port" -> port = number(option, value, 0, 65535);
                case "--host" -> host = value;
                case "--difficulty" -> difficulty = number(option, value, 1, 64);
                case "--node-id" -> nodeId = nodeId(value);
                case "--io-threads" -> ioThreads = number(option, value, 1, 256);
                case "--miner-threads" -> minerThreads = number(option, value, 1, 256);
                case "--peers" -> peers.addAll(peers(value));
                case "--miner-address" -> minerAddress = minerAddress(value);
                case "--miner-key" -> minerAddress = minerKey(value);
                case "--proof-rule" -> proofRule = proofRule(value);
                case "--data-dir" -> dataDir = dataDir(value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return new Options(host, port, difficulty, nodeId == null ? Node.newIdentifier() : nodeId, ioThreads,
                minerThreads, List.copyOf(peers), minerAddress, proofRule, dataDir, false);
    }

    private static int number(String option, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Said below, with the range.
        }
        throw new IllegalArgumentException(option + " takes a whole number from " + min + " to " + max
                + ", not " + value);
    }

    private static List<URI> peers(String value) {
        List<URI> peers = new ArrayList<>();
        for (String address : value.split(",")) {
            try {
                peers.add(NodeAddress.parse(address));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--peers: \"" + address + "\" is not a node address: " + e.getMessage());
            }
        }
        return peers;
    }

    private static String minerAddress(String value) {
        if (value.isEmpty()) {
            return null;  // Said on purpose, as a compose file does when no address is set: do not mine.
        }
        if (!SignedTransaction.isAddress(value)) {
            throw new IllegalArgumentException("--miner-address takes an address, 64 lower-case hex digits as"
                    + " `wallet address` prints it, not " + value);
        }
        return value;
    }

    private static String minerKey(String file) {
        try {
            return Wallet.addressOfPublicKey(Path.of(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("--miner-key: cannot read " + file + ": " + e.getMessage()
                    + " (it is the .pub.pem file that `wallet new` writes)");
        }
    }

    private static ProofOfWork.Rule proofRule(String value) {
        for (ProofOfWork.Rule rule : ProofOfWork.Rule.values()) {
            if (rule.name().equalsIgnoreCase(value)) {
                return rule;
            }
        }
        throw new IllegalArgumentException("--proof-rule is linked or text, not " + value);
    }

    private static Path dataDir(String value) {
        Path dir = Path.of(value);
        if (value.isBlank() || Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--data-dir takes a directory, which is made if it is new; "
                    + (value.isBlank() ? "it is empty" : value + " is a file"));
        }
        return dir;
    }

    private static String nodeId(String value) {
        if (value.isBlank() || value.length() > Fields.MAX_STRING_LENGTH) {
            throw new IllegalArgumentException("--node-id takes 1 to " + Fields.MAX_STRING_LENGTH + " characters");
        }
        return value;
    }
}
