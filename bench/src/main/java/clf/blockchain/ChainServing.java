package clf.blockchain;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * How much heap a node needs to serve {@code GET /chain} for 100,000 blocks: the live heap with the chain at rest,
 * and the peak while a client fetches the chain five times. The answer is streamed, so the peak stays close to the
 * chain itself; building it as one string, as the node once did, needs the whole answer twice more (the string and
 * its bytes), at once.
 *
 * <pre>java -Xmx180m -cp bench/target/benchmarks.jar clf.blockchain.ChainServing [blocks]
 * java -Xmx180m -cp bench/target/benchmarks.jar clf.blockchain.ChainServing [blocks] one-string</pre>
 *
 * With {@code one-string}, it builds the answer as one string and its bytes instead, as the node once did, to show
 * the heap that needs.
 */
@Command(name = "ChainServing", description = "The heap a node needs to serve GET /chain.")
public final class ChainServing implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "BLOCKS", defaultValue = "100000",
            description = "the length of the chain (default: ${DEFAULT-VALUE})")
    int blocks;

    @Parameters(index = "1", arity = "0..1", paramLabel = "one-string",
            description = "build the answer as one string, as the node once did, instead of streaming it")
    String oneStringMode;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ChainServing()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (oneStringMode != null && !oneStringMode.equals("one-string")) {
            throw new IllegalArgumentException("the second argument is one-string, or nothing");
        }
        boolean oneString = oneStringMode != null;
        // tools/DocCommands.java sets CLF_DOC_SHORT=1 to see that the command works, not to measure.
        int rounds = "1".equals(System.getenv("CLF_DOC_SHORT")) ? 1 : 5;
        Blockchain served = Chains.blockchain(blocks, false);
        Node node = new Node(served, null).start("127.0.0.1", 0);
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + "/chain")).build();
        try {
            System.gc();
            long atRest = usedHeap();
            peaks().forEach(MemoryPoolMXBean::resetPeakUsage);
            long bytes = 0;
            long started = System.nanoTime();
            for (int round = 0; round < rounds; round++) {
                if (oneString) {
                    bytes = ChainJsonBenchmark.asOneString(served.chain(), served.chainWork().toString()).length;
                    continue;
                }
                try (InputStream body = client.send(request, HttpResponse.BodyHandlers.ofInputStream()).body()) {
                    bytes = body.transferTo(OutputStream.nullOutputStream());
                }
            }
            double millis = (System.nanoTime() - started) / 1e6 / rounds;
            long peak = peaks().stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
            System.out.printf("a chain of %,d blocks: %,.0f MB of JSON, %s %d times, %.0f ms each%n",
                    blocks, bytes / 1e6, oneString ? "built as one string" : "streamed to a client", rounds, millis);
            System.out.printf("heap: %,.0f MB live with the chain at rest; at most %,.0f MB used while serving"
                    + " (max heap %,.0f MB)%n", atRest / 1e6, peak / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
        } finally {
            node.stop();
        }
        return 0;
    }

    private static List<MemoryPoolMXBean> peaks() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
