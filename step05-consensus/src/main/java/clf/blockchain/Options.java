package clf.blockchain;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The node's command line: {@code --port}, {@code --host}, {@code --difficulty}, {@code --node-id},
 * {@code --io-threads}, {@code --miner-threads} and {@code --peers}.
 */
public record Options(String host, int port, int difficulty, String nodeId, int ioThreads, int minerThreads,
                      List<URI> peers, boolean help) {

    /** Undertow's own default: one IO thread per core, and at least two. */
    public static final int DEFAULT_IO_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

    public static final String USAGE = """
            usage: java -jar step05-consensus.jar [options]

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
              -h, --help          show this help

            Several nodes run side by side on one machine on different ports:
              java -jar step05-consensus.jar --port 5001 --peers http://localhost:5000
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
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("-h") || option.equals("--help")) {
                return new Options(host, port, difficulty, nodeId, ioThreads, minerThreads, peers, true);
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
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        return new Options(host, port, difficulty, nodeId == null ? Node.newIdentifier() : nodeId, ioThreads,
                minerThreads, List.copyOf(peers), false);
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

    private static String nodeId(String value) {
        if (value.isBlank() || value.length() > Fields.MAX_STRING_LENGTH) {
            throw new IllegalArgumentException("--node-id takes 1 to " + Fields.MAX_STRING_LENGTH + " characters");
        }
        return value;
    }
}
