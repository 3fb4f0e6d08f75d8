package clf.blockchain;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * A light client's sync against a full one: a node serving a chain of 100,000 blocks, each with a payment and a
 * reward; the bytes and seconds of fetching and checking its headers (GET /headers), against its whole chain.
 *
 * <pre>java -cp bench/target/benchmarks.jar clf.blockchain.LightSync [blocks]</pre>
 */
@Command(name = "LightSync", description = "Bytes and seconds of a light sync (headers) against a full one (chain).")
public final class LightSync implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "BLOCKS", defaultValue = "100000",
            description = "the length of the chain (default: ${DEFAULT-VALUE})")
    int blocks;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LightSync()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Logger.getLogger("clf.blockchain").setLevel(Level.WARNING);
        Logger.getLogger("io.undertow").setLevel(Level.WARNING);
        // tools/DocCommands.java sets CLF_DOC_SHORT=1 to see that the command works, not to measure.
        if ("1".equals(System.getenv("CLF_DOC_SHORT"))) {
            blocks = Math.min(blocks, 2_000);
            System.out.println("a short run (CLF_DOC_SHORT=1): " + blocks + " blocks");
        }
        long made = System.nanoTime();
        Blockchain served = Chains.blockchain(blocks, true);
        System.out.printf("a chain of %,d blocks made in %.1f s%n", blocks, (System.nanoTime() - made) / 1e9);
        Node node = new Node(served, null).start("127.0.0.1", 0);
        HttpClient client = HttpClient.newHttpClient();
        try {
            for (String path : List.of("/headers", "/chain")) {
                long started = System.nanoTime();
                String body = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + path))
                        .build(), HttpResponse.BodyHandlers.ofString()).body();
                long fetched = System.nanoTime();
                List<Block> chain = new ArrayList<>();
                if (path.equals("/headers")) {
                    HttpJson.parse(body).getAsJsonObject().getAsJsonArray("headers")
                            .forEach(header -> chain.add(Block.fromHeader(header)));
                    new ChainValidator(Chains.WORK, Clock.systemUTC()).checkHeaders(chain, 0);
                } else {
                    HttpJson.parse(body).getAsJsonObject().getAsJsonArray("chain")
                            .forEach(block -> chain.add(Block.fromJson(block)));
                    new ChainValidator(Chains.WORK, Clock.systemUTC()).checkChain(chain);
                }
                long checked = System.nanoTime();
                System.out.printf("GET %-8s %,12d bytes, fetched in %.2f s, read and checked in %.2f s (%,d blocks)%n",
                        path, body.length(), (fetched - started) / 1e9, (checked - fetched) / 1e9, chain.size());
            }
        } finally {
            node.stop();
        }
        return 0;
    }
}
