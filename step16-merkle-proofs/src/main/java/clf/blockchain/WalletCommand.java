package clf.blockchain;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The wallet's command line, from "smart wallet": it signs on the owner's machine, and the node sees no key. */
@Command(name = "wallet", description = "Makes keys, shows a balance, and signs and sends payments.",
        footer = {"%nA key is encrypted with a passphrase when the environment variable " + WalletCommand.PASSPHRASE
                + " is set as it is made; an encrypted key is read with the same variable, or the passphrase is asked for."})
public final class WalletCommand implements Runnable {

    /** The passphrase comes from here, not from a command line that others may see. */
    public static final String PASSPHRASE = "CLF_WALLET_PASSPHRASE";

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    @Spec
    CommandSpec spec;

    private final Map<String, String> environment;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WalletCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "which command? new, address, balance, send or confirm");
    }

    /** A command that could not be done, in a sentence for its user. */
    static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }

    /** Says a {@link Failure} in a sentence, with exit code 1; anything else is a bug, and shows its trace. */
    static int failure(Exception e, CommandLine command, CommandLine.ParseResult parsed) throws Exception {
        if (!(e instanceof Failure)) {
            throw e;
        }
        command.getErr().println("error: " + e.getMessage());
        return 1;
    }

    static final class Owner {
        @Option(names = "--key", paramLabel = "FILE", required = true)
        Path key;
        @Option(names = "--address", paramLabel = "ADDRESS", required = true)
        String address;
    }

    @Command(name = "new", description = "make a key pair, FILE (private) and FILE.pub.pem, and print its address")
    void create(@Option(names = "--out", paramLabel = "FILE", required = true) Path file) {
        String passphrase = environment.get(PASSPHRASE);
        Wallet wallet = Wallet.create();
        try {
            wallet.save(file, passphrase == null ? null : passphrase.toCharArray());
        } catch (IOException e) {
            throw new Failure("cannot write the wallet: " + e.getMessage());
        }
        out().println(wallet.address());
        out().println("private key: " + file + (passphrase == null ? "" : " (encrypted with the passphrase)")
                + ", readable by you only; public key: " + Wallet.publicKeyFile(file));
    }

    @Command(name = "address", description = "print the wallet's address")
    void address(@Option(names = "--key", paramLabel = "FILE", required = true) Path key) {
        out().println(load(key).address());
    }

    @Command(name = "balance", description = "print the balance, what is still free to spend, and the next nonce")
    void balance(@Option(names = "--node", paramLabel = "URL", required = true) String node,
                 @ArgGroup(multiplicity = "1") Owner owner) {
        String address = owner.key != null ? load(owner.key).address() : address(owner.address, "--address");
        JsonObject balance = ask(node, HttpRequest.newBuilder(uri(node, "/balances/" + address)), 200);
        out().printf("address:    %s%nbalance:    %s (in the chain)%navailable:  %s (after the payments waiting for a"
                + " block)%nnext nonce: %s%n", address, field(balance, "balanceOf", node), field(balance, "available", node),
                field(balance, "nextNonce", node));
    }

    /** The chain's parameters, as the nodes were started, which a light client needs to check the targets. */
    static final class Chain {
        @Option(names = "--difficulty", paramLabel = "N", description = "as the nodes (default: 4)")
        int difficulty = 4;
        @Option(names = "--block-time", paramLabel = "SECONDS", description = "as the nodes (default: 10)")
        double blockTime = Retarget.BLOCK_SECONDS;
        @Option(names = "--retarget-every", paramLabel = "N", description = "as the nodes (default: 10)")
        int retargetEvery = Retarget.EVERY;
    }

    @Command(name = "confirm", description = "check with headers and a Merkle proof alone that a payment is in the"
            + " chain of most work among the nodes")
    void confirm(@Option(names = "--id", paramLabel = "ID", required = true) String id,
                 @Option(names = "--node", paramLabel = "URL", required = true) List<String> nodes,
                 @Mixin Chain chain) {
        if (!id.matches("[0-9a-f]{64}")) {
            throw new ParameterException(spec.commandLine(), "--id takes " + ProofApi.ID_HINT + ", not " + id);
        }
        nodes.forEach(node -> uri(node, "/"));
        ProofOfWork work = new ProofOfWork(new Retarget(Target.ofDifficulty(chain.difficulty), chain.retargetEvery,
                chain.blockTime), 1);
        LightClient client = new LightClient(work, Clock.systemUTC(),
                (node, path) -> ask(node, HttpRequest.newBuilder(uri(node, path)), 200));
        try {
            LightClient.Confirmation confirmed = client.confirm(id, nodes, note -> spec.commandLine().getErr()
                    .println("note: " + note));
            out().println("confirmed in block " + confirmed.block() + ", " + confirmed.depth()
                    + (confirmed.depth() == 1 ? " block deep" : " blocks deep"));
        } catch (IllegalArgumentException e) {
            throw new Failure("not confirmed: " + e.getMessage());
        }
    }

    @Command(name = "send", description = "sign a payment here and send it to the node")
    void send(@Option(names = "--key", paramLabel = "FILE", required = true) Path key,
              @Option(names = "--to", paramLabel = "ADDRESS", required = true) String to,
              @Option(names = "--amount", paramLabel = "N", required = true) long amount,
              @Option(names = "--node", paramLabel = "URL", required = true) String node,
              @Option(names = "--wait", description = "then wait until a light client confirms it, as `confirm` does")
              boolean wait,
              @Mixin Chain chain) {
        address(to, "--to");
        if (amount <= 0) {
            throw new ParameterException(spec.commandLine(), "--amount takes a whole number of coins, 1 or more, not " + amount);
        }
        Wallet wallet = load(key);
        JsonObject balance = ask(node, HttpRequest.newBuilder(uri(node, "/balances/" + wallet.address())), 200);
        String nonce = field(balance, "nextNonce", node);
        if (!nonce.matches("[0-9]{1,18}")) {
            throw new Failure(node + " answered a \"nextNonce\" that is not a whole number: " + nonce);
        }
        SignedTransaction payment = SignedTransaction.sign(wallet, to, amount, Long.parseLong(nonce));
        JsonObject answer = ask(node, HttpRequest.newBuilder(uri(node, "/transactions/new"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CanonicalJson.write(payment.toJson()))), 201);
        out().println(field(answer, "message", node));
        String id = Block.id(payment.toJson());
        out().println("id: " + id);
        long until = System.nanoTime() + 60_000_000_000L;
        while (wait && System.nanoTime() < until && ask(node, HttpRequest.newBuilder(uri(node, "/transactions/pending")),
                200).getAsJsonArray("transactions").contains(payment.toJson())) {
            LockSupport.parkNanos(500_000_000L);
        }
        if (wait) {
            confirm(id, List.of(node), chain);
        }
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private String address(String address, String option) {
        if (!SignedTransaction.isAddress(address)) {
            throw new ParameterException(spec.commandLine(), option + " takes an address (64 lower-case hex digits,"
                    + " as `wallet address` prints it), not " + address);
        }
        return address;
    }

    private Wallet load(Path file) {
        try {
            return Wallet.load(file, this::passphrase);
        } catch (NoSuchFileException e) {
            throw new Failure("there is no key file " + file + "; make one with: wallet new --out " + file);
        } catch (IOException e) {
            throw new Failure("cannot read the key file " + file + ": " + e.getMessage());
        }
    }

    private char[] passphrase() {
        String passphrase = environment.get(PASSPHRASE);
        if (passphrase != null) {
            return passphrase.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new Failure("the key is encrypted: set " + PASSPHRASE + " to its passphrase");
        }
        return console.readPassword("passphrase: ");
    }

    private URI uri(String node, String path) {
        try {
            return NodeAddress.parse(node).resolve(path);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--node takes a node's address such as"
                    + " http://localhost:5000: " + e.getMessage());
        }
    }

    /** Sends a request to the node; its answer must be JSON, with the expected status. */
    private JsonObject ask(String node, HttpRequest.Builder request, int expected) {
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new Failure("cannot reach the node at " + node + " (connection refused); is it running?");
        } catch (IOException e) {
            throw new Failure("cannot reach the node at " + node + " (" + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted");
        }
        JsonObject answer;
        try {
            answer = HttpJson.parse(response.body()).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new Failure(node + " did not answer as a node does (" + response.statusCode() + ", not JSON)");
        }
        if (response.statusCode() != expected) {
            throw new Failure("the node answered " + response.statusCode() + ": "
                    + (answer.has("error") ? field(answer, "error", node) : answer.toString()));
        }
        return answer;
    }

    /** A field of a node's answer; a node of another step, or something else at that address, may not send it. */
    private static String field(JsonObject answer, String name, String node) {
        JsonElement value = answer.get(name);
        if (value == null || !value.isJsonPrimitive()) {
            throw new Failure(node + " answered without \"" + name + "\": is it a node of step 06 or later?");
        }
        return value.getAsString();
    }
}
