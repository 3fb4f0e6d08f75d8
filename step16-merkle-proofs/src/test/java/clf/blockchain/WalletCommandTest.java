package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The wallet's command line against a real node, as a user types it. */
class WalletCommandTest {

    @TempDir
    Path directory;

    /** What one command printed, and its exit code. */
    record Run(int exit, String out, String err) {
    }

    static Run wallet(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new WalletCommand(environment)).setExecutionExceptionHandler(WalletCommand::failure)
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static Run wallet(String... args) {
        return wallet(Map.of(), args);
    }

    String file(String name) {
        return directory.resolve(name).toString();
    }

    @Test
    @Tag("exercise-6.3")
    @Tag("exercise-7.1")
    @Tag("exercise-9.1")
    @Tag("exercise-13.1")
    @Tag("exercise-15.1")
    @Tag("exercise-16.1")
    void twoWalletsMineSendAndSeeTheirBalances() throws IOException {
        Run alice = wallet("new", "--out", file("alice.pem"));
        Run bob = wallet("new", "--out", file("bob.pem"));
        assertEquals(0, alice.exit(), alice.err());
        String aliceAddress = alice.out().lines().findFirst().orElseThrow();
        String bobAddress = bob.out().lines().findFirst().orElseThrow();
        assertEquals(aliceAddress, wallet("address", "--key", file("alice.pem")).out().strip());
        assertTrue(Files.exists(directory.resolve("alice.pub.pem")));

        Wallet aliceWallet = Wallet.load(directory.resolve("alice.pem"), () -> null);
        Node node = new Node(new Blockchain(Clock.systemUTC()), aliceAddress).start("127.0.0.1", 0);
        String url = "http://127.0.0.1:" + node.port();
        try (TestNode client = new TestNode()) {
            for (int i = 0; i < 3; i++) {
                assertEquals(200, client.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(url + "/mine"))).status());
            }
            Run sent = wallet("send", "--key", file("alice.pem"), "--to", bobAddress, "--amount", "2", "--node", url);
            assertEquals(0, sent.exit(), sent.err());
            com.google.gson.JsonElement pendingPayment = client.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(url + "/transactions/pending"))).json().getAsJsonArray("transactions").get(0);
            assertEquals("Transaction will be added to Block 5\nid: " + Block.id(pendingPayment), sent.out().strip());

            Run pending = wallet("balance", "--node", url, "--key", file("alice.pem"));
            assertTrue(pending.out().contains("balance:    3 (in the chain)"), pending.out());
            assertTrue(pending.out().contains("available:  1"), pending.out());
            client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/mine")));

            assertTrue(wallet("balance", "--node", url, "--address", bobAddress).out().contains("balance:    2"));
            assertTrue(wallet("balance", "--node", url, "--key", file("alice.pem")).out().contains("balance:    2"),
                    "4 rewards, 2 coins sent");
            assertEquals(aliceWallet.address(), aliceAddress);

            Run overspend = wallet("send", "--key", file("alice.pem"), "--to", bobAddress, "--amount", "5", "--node", url);
            assertEquals(1, overspend.exit());
            assertEquals("error: the node answered 400: the payment was refused: the sender has 2 coins"
                    + " (counting payments already waiting) and cannot send 5", overspend.err().strip());
        } finally {
            node.stop();
        }
    }

    @Test
    void anEncryptedKeyNeedsItsPassphrase() {
        Map<String, String> passphrase = Map.of(WalletCommand.PASSPHRASE, "correct horse");
        Run made = wallet(passphrase, "new", "--out", file("carol.pem"));
        assertTrue(made.out().contains("encrypted with the passphrase"), made.out());
        assertEquals(made.out().lines().findFirst().orElseThrow(),
                wallet(passphrase, "address", "--key", file("carol.pem")).out().strip());
        Run wrong = wallet(Map.of(WalletCommand.PASSPHRASE, "wrong"), "address", "--key", file("carol.pem"));
        assertEquals(1, wrong.exit());
        assertTrue(wrong.err().contains("the passphrase is wrong"), wrong.err());
    }

    @Test
    void everyFailureIsASentenceAndANonZeroExit() throws IOException {
        Files.writeString(directory.resolve("junk.pem"), "not a key");
        Run junk = wallet("address", "--key", file("junk.pem"));
        assertEquals(1, junk.exit());
        assertTrue(junk.err().startsWith("error: cannot read the key file"), junk.err());

        Run missing = wallet("address", "--key", file("nobody.pem"));
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("make one with: wallet new --out"), missing.err());

        wallet("new", "--out", file("dave.pem"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Run down = wallet("send", "--key", file("dave.pem"), "--to", "ab".repeat(32), "--amount", "1",
                "--node", "http://127.0.0.1:" + port);
        assertEquals(1, down.exit());
        assertTrue(down.err().contains("cannot reach the node at http://127.0.0.1:" + port + " (connection refused)"),
                down.err());

        Run again = wallet("new", "--out", file("dave.pem"));
        assertEquals(1, again.exit());
        assertTrue(again.err().contains("never overwritten"), again.err());

        assertEquals(2, wallet("send", "--key", file("dave.pem"), "--to", "bob", "--amount", "1", "--node", "x").exit());
        assertEquals(2, wallet("send", "--key", file("dave.pem"), "--to", "ab".repeat(32), "--amount", "-1",
                "--node", "http://127.0.0.1:1").exit());
        assertEquals(2, wallet("fly").exit());
        assertEquals(2, wallet().exit());
        assertEquals(0, wallet("--help").exit());
        assertEquals(0, Main.commandLine().setOut(new PrintWriter(new StringWriter())).execute("wallet", "--help"),
                "the node's jar runs the wallet");
    }

    /** A node of another step, or a wrong URL, answers without the fields the wallet needs: it says so. */
    @Test
    @Tag("exercise-9.1")
    void anAnswerWithoutTheFieldsTheWalletNeedsIsASentenceNotACrash() throws IOException {
        wallet("new", "--out", file("erin.pem"));
        try (FakePeer notANode = new FakePeer(FakePeer.answering(200, "{\"chain\": []}"))) {
            String url = notANode.address();
            Run balance = wallet("balance", "--node", url, "--address", "ab".repeat(32));
            assertEquals(1, balance.exit());
            assertTrue(balance.err().contains("answered without \"balanceOf\": is it a node of step 06 or later?"),
                    balance.err());
            Run send = wallet("send", "--key", file("erin.pem"), "--to", "ab".repeat(32), "--amount", "1", "--node", url);
            assertEquals(1, send.exit());
            assertTrue(send.err().contains("answered without \"nextNonce\""), send.err());
        }
    }
}
