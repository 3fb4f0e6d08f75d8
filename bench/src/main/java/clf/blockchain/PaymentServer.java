package clf.blockchain;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A node for measuring {@code POST /transactions/new} of the complete node with wrk. Every payment it accepts must
 * be signed, carry its sender's next nonce, and be covered by the sender's coins, so a fixed body will not do: this
 * node starts in memory with a chain whose rewards give each of {@code --wallets} wallets {@code --coins} coins,
 * and writes {@code --payments} signed payments per wallet, one JSON line each, to {@code DIR/payments-N.json}. The
 * wallets pay each other in a ring (0 pays 1, 1 pays 2, ..., the last pays 0), so their balances hold steady.
 * {@code tools/wrk/post-payment.lua} sends wallet N's payments, in order, from wrk's thread N: run wrk with as many
 * threads as connections, so that each wallet's payments arrive in nonce order.
 *
 * <pre>java -cp bench/target/benchmarks.jar clf.blockchain.PaymentServer --out /tmp/payments &amp;
 * PAYMENTS=/tmp/payments wrk -t16 -c16 -d10s --latency -s tools/wrk/post-payment.lua http://127.0.0.1:5000/transactions/new</pre>
 */
@Command(name = "PaymentServer", description = "A node in memory whose wallets have coins, and payments for wrk to send.")
public final class PaymentServer implements Callable<Integer> {

    @Option(names = "--wallets", paramLabel = "N", defaultValue = "16", description = "wallets, one per wrk thread (default: ${DEFAULT-VALUE})")
    int wallets;

    @Option(names = "--coins", paramLabel = "N", defaultValue = "5000", description = "coins each wallet starts with (default: ${DEFAULT-VALUE})")
    int coins;

    @Option(names = "--payments", paramLabel = "N", defaultValue = "25000", description = "payments written per wallet (default: ${DEFAULT-VALUE})")
    int payments;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "where the payment files go")
    Path out;

    @Option(names = {"-p", "--port"}, paramLabel = "N", defaultValue = "5000", description = "the node's port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--io-threads", paramLabel = "N", defaultValue = "1", description = "the node's IO threads (default: ${DEFAULT-VALUE})")
    int ioThreads;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    public static void main(String[] args) {
        int exit = new CommandLine(new PaymentServer()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    @Override
    public Integer call() throws IOException {
        // tools/DocCommands.java sets CLF_DOC_SHORT=1 to see that the command works, not to measure: its wrk runs
        // last a second, which a thousand payments a wallet outlast.
        if ("1".equals(System.getenv("CLF_DOC_SHORT"))) {
            coins = Math.min(coins, 1_000);
            payments = Math.min(payments, 1_000);
        }
        Node node = start();
        Runtime.getRuntime().addShutdownHook(new Thread(node::stop));
        System.out.printf("ready: a node on http://127.0.0.1:%d with %d wallets of %d coins; %d payments each in %s%n",
                node.port(), wallets, coins, payments, out);
        return 0;
    }

    /** Makes the chain and the payment files, and starts the node. */
    Node start() throws IOException {
        List<Wallet> owners = new ArrayList<>();
        for (int i = 0; i < wallets; i++) {
            owners.add(Wallet.create());
        }
        Blockchain blockchain = new Blockchain(Chains.WORK, Clock.systemUTC());
        for (int block = 0; block < wallets * coins; block++) {
            Chains.mine(blockchain, owners.get(block % wallets));
        }
        Files.createDirectories(out);
        IntStream.range(0, wallets).parallel().forEach(i -> {
            String next = owners.get((i + 1) % wallets).address();
            try (BufferedWriter file = Files.newBufferedWriter(out.resolve("payments-" + i + ".json"), StandardCharsets.UTF_8)) {
                for (int nonce = 1; nonce <= payments; nonce++) {
                    file.write(CanonicalJson.write(SignedTransaction.sign(owners.get(i), next, 1, nonce).toJson()));
                    file.newLine();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return new Node(blockchain, null).start("127.0.0.1", port, ioThreads);
    }
}
