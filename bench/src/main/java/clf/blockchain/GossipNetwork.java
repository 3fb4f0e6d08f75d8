package clf.blockchain;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A network of complete nodes (step 12) in this process, joined through one node by discovery, as a room joins a
 * teacher's node: every node but the first starts with the first as its only peer (as {@code --peers} gives it).
 * Once the peers settle, blocks are mined one at a time on random nodes; for each, the time from the mine's answer
 * until every node has it as its tip, and the announcements the nodes sent for it, against the links of the network
 * (each node's peer count, summed, halved).
 *
 * <pre>java -cp bench/target/benchmarks.jar clf.blockchain.GossipNetwork [--nodes 30] [--blocks 20]</pre>
 */
@Command(name = "GossipNetwork", description = "Blocks travelling through a network of nodes joined by discovery.")
public final class GossipNetwork implements Callable<Integer> {

    /** Kept here: a logger that nobody holds may be collected, and its level forgotten. */
    private static final Logger[] QUIET = {Logger.getLogger("clf.blockchain"), Logger.getLogger("io.undertow"),
        Logger.getLogger("org.xnio")};

    @Option(names = "--nodes", paramLabel = "N", defaultValue = "30", description = "nodes (default: ${DEFAULT-VALUE})")
    int count;

    @Option(names = "--blocks", paramLabel = "N", defaultValue = "20", description = "blocks mined (default: ${DEFAULT-VALUE})")
    int blocks;

    @Option(names = "--difficulty", paramLabel = "N", defaultValue = "3",
            description = "leading hex zeros, small so that mining is quick (default: ${DEFAULT-VALUE})")
    int difficulty;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "12", description = "picks the miners (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    public static void main(String[] args) {
        System.exit(new CommandLine(new GossipNetwork()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        // tools/DocCommands.java sets CLF_DOC_SHORT=1 to see that the command works, not to measure.
        if ("1".equals(System.getenv("CLF_DOC_SHORT"))) {
            count = Math.min(count, 10);
            blocks = Math.min(blocks, 5);
            System.out.println("a short run (CLF_DOC_SHORT=1): " + count + " nodes, " + blocks + " blocks");
        }
        if (count < 2 || count > 100 || blocks < 1 || difficulty < 1 || difficulty > 6) {
            System.err.println("error: --nodes takes 2 to 100, --blocks 1 or more, --difficulty 1 to 6");
            return 2;
        }
        for (Logger logger : QUIET) {
            logger.setLevel(Level.WARNING);
        }
        List<Node> nodes = new ArrayList<>();
        try {
            long started = System.nanoTime();
            for (int i = 0; i < count; i++) {
                Blockchain blockchain = new Blockchain(Chains.work(difficulty), Clock.systemUTC());
                if (i > 0) {
                    blockchain.registerNodes(List.of(address(nodes.get(0))));
                }
                nodes.add(new Node(blockchain, Wallet.create().address()).start("127.0.0.1", 0, 1));
            }
            System.out.printf("%d nodes started in %.1f s, each but the first knowing only the first; discovery asks"
                    + " every %d s%n", count, seconds(started), Node.DISCOVERY.toSeconds());
            int links = settle(nodes, started);
            HttpClient client = HttpClient.newHttpClient();
            // Every node made its own genesis block: a first block, not measured, gives them one chain.
            Block first = mine(client, nodes.get(0));
            if (!awaitTip(nodes, first, 30_000)) {
                System.out.println("the first block did not reach every node within 30 s");
                return 1;
            }
            quiet(nodes);
            Random random = new Random(seed);
            double[] times = new double[blocks];
            long[] messages = new long[blocks];
            for (int b = 0; b < blocks; b++) {
                int miner = random.nextInt(count);
                long sentBefore = sent(nodes);
                Block block = mine(client, nodes.get(miner));
                long mined = System.nanoTime();
                if (!awaitTip(nodes, block, 30_000)) {
                    System.out.printf("block %d, mined on node %d, did not reach every node within 30 s%n", block.index(), miner);
                    return 1;
                }
                times[b] = (System.nanoTime() - mined) / 1e6;
                messages[b] = quiet(nodes) - sentBefore;
                System.out.printf("block %d mined on node %2d: every node at the new tip %6.1f ms later; %d announcements%n",
                        block.index(), miner, times[b], messages[b]);
            }
            double[] sortedTimes = times.clone();
            Arrays.sort(sortedTimes);
            double median = sortedTimes.length % 2 == 1 ? sortedTimes[sortedTimes.length / 2]
                    : (sortedTimes[sortedTimes.length / 2 - 1] + sortedTimes[sortedTimes.length / 2]) / 2;
            double worst = sortedTimes[sortedTimes.length - 1];
            long most = Arrays.stream(messages).max().orElse(0);
            double mean = Arrays.stream(messages).average().orElse(0);
            System.out.printf("%d nodes, %d links, %d blocks: from the mine to every node at the tip, median %.1f ms,"
                    + " worst %.1f ms (target: median within 1 s: %s)%n", count, links, blocks, median, worst,
                    median <= 1000 ? "met" : "missed");
            // A count read a moment early gives a late announcement to the next block: the mean is exact, the most not.
            int linksNow = links(nodes);
            System.out.printf("announcements per block: %.1f on average (%d at most), for %d links: %.2f per link"
                    + " (target: at most 2 per link: %s)%s%n", mean, most, links, mean / links,
                    mean <= 2.0 * links ? "met" : "missed", linksNow == links ? ""
                    : "; the peers changed during the run: " + linksNow + " links at its end");
            return 0;
        } finally {
            nodes.forEach(Node::stop);
        }
    }

    /**
     * Waits until every node has as many peers as discovery gives it (its cap, or all the others) and the count of
     * links has not changed for two rounds; prints how long the network took to join, and returns its links.
     */
    private static int settle(List<Node> nodes, long started) throws InterruptedException {
        int wanted = Math.min(Discovery.DEFAULT_MAX_PEERS, nodes.size() - 1);
        int links = -1;
        long stableSince = System.nanoTime();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            Thread.sleep(100);
            int now = links(nodes);
            boolean full = nodes.stream().allMatch(node -> node.blockchain().nodes().size() >= wanted);
            if (now != links || !full) {
                links = now;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince > 2 * Node.DISCOVERY.toNanos()) {
                int least = nodes.stream().mapToInt(node -> node.blockchain().nodes().size()).min().orElse(0);
                int most = nodes.stream().mapToInt(node -> node.blockchain().nodes().size()).max().orElse(0);
                System.out.printf("joined by discovery: every node has %d to %d peers, %d links, %.1f s after the"
                        + " first node started (and no change in the %d s after)%n", least, most, links,
                        (stableSince - started) / 1e9, 2 * Node.DISCOVERY.toSeconds());
                return links;
            }
        }
        throw new IllegalStateException("the peers did not settle within 120 s: " + links(nodes) + " links");
    }

    private static int links(List<Node> nodes) {
        return nodes.stream().mapToInt(node -> node.blockchain().nodes().size()).sum() / 2;
    }

    /**
     * The announcements sent so far, once none has been sent for 250 ms: the last nodes to add a block announce it a
     * moment after they have it, and a count read at once would give those to the next block.
     */
    private static long quiet(List<Node> nodes) throws InterruptedException {
        long before = sent(nodes);
        while (true) {
            Thread.sleep(250);
            long now = sent(nodes);
            if (now == before) {
                return now;
            }
            before = now;
        }
    }

    private static long sent(List<Node> nodes) {
        return nodes.stream().mapToLong(Node::announcementsSent).sum();
    }

    /** Mines on the node as a client does, GET /mine, and returns the block it forged. */
    private static Block mine(HttpClient client, Node node) throws Exception {
        HttpResponse<String> reply = client.send(HttpRequest.newBuilder(URI.create(address(node) + "/mine")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 200) {
            throw new IllegalStateException("GET /mine answered " + reply.statusCode() + ": " + reply.body());
        }
        return node.blockchain().lastBlock();
    }

    /** Waits until every node's tip is {@code block}, for at most {@code millis}. */
    private static boolean awaitTip(List<Node> nodes, Block block, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!nodes.stream().allMatch(node -> node.blockchain().lastBlock().equals(block))) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }

    private static URI address(Node node) {
        return URI.create("http://127.0.0.1:" + node.port());
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
