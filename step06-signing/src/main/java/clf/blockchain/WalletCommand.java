package clf.blockchain;

import com.google.gson.JsonObject;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The wallet's command line, from "smart wallet": it makes keys, shows an address and its balance, and signs and
 * sends payments. Signing happens here, on the owner's machine; the node only ever sees the signed payment.
 */
public final class WalletCommand {

    /** Where the wallet reads a passphrase from, so that none is typed on a command line for others to see. */
    public static final String PASSPHRASE_VARIABLE = "CLF_WALLET_PASSPHRASE";

    static final String USAGE = """
            usage: java -jar step06-signing.jar wallet COMMAND [options]

              new --out FILE                        make a key pair: FILE (the private key, readable by you
                                                    only) and FILE.pub.pem beside it; prints the address
              address --key FILE                    print the wallet's address
              balance --node URL (--key FILE | --address ADDRESS)
                                                    print the balance, what is still free to spend, the next nonce
              send --key FILE --to ADDRESS --amount N --node URL
                                                    sign a payment here and send it to the node

            A key is encrypted with a passphrase when the environment variable CLF_WALLET_PASSPHRASE is set as
            it is made; an encrypted key is read with the same variable, or the passphrase is asked for.
            """;

    private final PrintStream out;
    private final Map<String, String> environment;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private WalletCommand(PrintStream out, Map<String, String> environment) {
        this.out = out;
        this.environment = environment;
    }

    /** Runs one wallet command; returns the exit code: 0 done, 1 failed, 2 a wrong command line. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            (args.length == 0 ? err : out).print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                err.println("error: " + (args[i].startsWith("--") ? args[i] + " needs a value" : "unexpected " + args[i])
                        + "\n\n" + USAGE);
                return 2;
            }
            options.put(args[i], args[++i]);
        }
        WalletCommand wallet = new WalletCommand(out, environment);
        try {
            switch (args[0]) {
                case "new" -> wallet.create(option(options, "--out"));
                case "address" -> out.println(wallet.load(option(options, "--key")).address());
                case "balance" -> wallet.balance(option(options, "--node"), wallet.addressOf(options));
                case "send" -> wallet.send(option(options, "--key"), option(options, "--to"),
                        option(options, "--amount"), option(options, "--node"));
                default -> throw new UsageException("unknown command " + args[0]);
            }
            return 0;
        } catch (UsageException e) {
            err.println("error: " + e.getMessage() + "\n\n" + USAGE);
            return 2;
        } catch (Failure e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    /** A command line that asks for something the wallet cannot do. */
    private static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /** A command that could not be done, in a sentence for its user. */
    private static final class Failure extends RuntimeException {
        Failure(String message) {
            super(message);
        }
    }

    private static String option(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new UsageException("this command needs " + name);
        }
        return value;
    }

    private void create(String file) {
        String passphrase = environment.get(PASSPHRASE_VARIABLE);
        Wallet wallet = Wallet.create();
        try {
            wallet.save(Path.of(file), passphrase == null ? null : passphrase.toCharArray());
        } catch (IOException e) {
            throw new Failure("cannot write the wallet: " + e.getMessage());
        }
        out.println(wallet.address());
        out.println("private key: " + file + (passphrase == null ? "" : " (encrypted with the passphrase)")
                + ", readable by you only; public key: " + Wallet.publicKeyFile(Path.of(file)));
    }

    private Wallet load(String file) {
        try {
            return Wallet.load(Path.of(file), this::passphrase);
        } catch (NoSuchFileException e) {
            throw new Failure("there is no key file " + file + "; make one with: wallet new --out " + file);
        } catch (IOException e) {
            throw new Failure("cannot read the key file " + file + ": " + e.getMessage());
        }
    }

    private char[] passphrase() {
        String passphrase = environment.get(PASSPHRASE_VARIABLE);
        if (passphrase != null) {
            return passphrase.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new Failure("the key is encrypted: set " + PASSPHRASE_VARIABLE + " to its passphrase");
        }
        return console.readPassword("passphrase: ");
    }

    private String addressOf(Map<String, String> options) {
        if (options.containsKey("--address")) {
            String address = options.get("--address");
            if (!SignedTransaction.isAddress(address)) {
                throw new UsageException(address + " is not an address (64 lower-case hex digits)");
            }
            return address;
        }
        return load(option(options, "--key")).address();
    }

    private void balance(String node, String address) {
        JsonObject balance = get(node, "/balances/" + address);
        out.println("address:   " + address);
        out.println("balance:   " + balance.get("balanceOf").getAsLong() + " (in the chain)");
        out.println("available: " + balance.get("available").getAsLong() + " (after the payments waiting for a block)");
        out.println("next nonce: " + balance.get("nextNonce").getAsLong());
    }

    private void send(String key, String to, String amountText, String node) {
        if (!SignedTransaction.isAddress(to)) {
            throw new UsageException("--to takes an address (64 lower-case hex digits), not " + to);
        }
        long amount;
        try {
            amount = Long.parseLong(amountText);
        } catch (NumberFormatException e) {
            amount = 0;
        }
        if (amount <= 0) {
            throw new UsageException("--amount takes a whole number of coins, 1 or more, not " + amountText);
        }
        Wallet wallet = load(key);
        long nonce = get(node, "/balances/" + wallet.address()).get("nextNonce").getAsLong();
        SignedTransaction payment = SignedTransaction.sign(wallet, to, amount, nonce);
        HttpResponse<String> response = exchange(node, HttpRequest.newBuilder(uri(node, "/transactions/new"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CanonicalJson.write(payment.toJson()))));
        JsonObject answer = json(node, response);
        if (response.statusCode() != 201) {
            throw new Failure("the node refused the payment: " + answer.get("error").getAsString());
        }
        out.println(answer.get("message").getAsString());
    }

    private JsonObject get(String node, String path) {
        HttpResponse<String> response = exchange(node, HttpRequest.newBuilder(uri(node, path)).GET());
        JsonObject answer = json(node, response);
        if (response.statusCode() != 200) {
            throw new Failure("the node answered " + response.statusCode() + ": "
                    + (answer.has("error") ? answer.get("error").getAsString() : answer.toString()));
        }
        return answer;
    }

    private static URI uri(String node, String path) {
        try {
            return NodeAddress.parse(node).resolve(path);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--node takes a node's address such as http://localhost:5000: " + e.getMessage());
        }
    }

    private HttpResponse<String> exchange(String node, HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            throw new Failure("cannot reach the node at " + node + " (connection refused); is it running?");
        } catch (IOException e) {
            throw new Failure("cannot reach the node at " + node + " (" + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted");
        }
    }

    private static JsonObject json(String node, HttpResponse<String> response) {
        try {
            return StrictJson.parse(response.body().getBytes(StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new Failure(node + " did not answer as a node does (" + response.statusCode() + ", not JSON)");
        }
    }
}
