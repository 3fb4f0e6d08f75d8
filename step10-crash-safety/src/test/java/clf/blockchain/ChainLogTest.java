package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data directory: what a node acknowledged is read back after a restart, a tail that a crash tore is cut with a
 * warning wherever it was torn (at every byte in CI), and a chain changed by hand is refused.
 */
class ChainLogTest {

    static final ProofOfWork WORK = LedgerTest.EASY;
    final Wallet bob = Wallet.create();

    /** What a node holds: its chain and its pending payments. */
    record State(List<Block> chain, JsonArray pending) {
        static State of(Blockchain blockchain) {
            return new State(blockchain.chain(), blockchain.currentTransactions());
        }
    }

    static Blockchain open(Path dir) throws IOException {
        return ChainLog.open(dir).restore(WORK, Clock.systemUTC());
    }

    /** Mines, pays and resolves on a node kept in {@code dir}; returns its state after each record it wrote. */
    List<State> history(Path dir) throws IOException {
        List<State> states = new ArrayList<>();
        Blockchain blockchain = open(dir);
        states.add(State.of(blockchain));
        for (int i = 0; i < 3; i++) {
            Chains.mine(blockchain, Chains.MINER);
            states.add(State.of(blockchain));
        }
        for (long nonce = 1; nonce <= 3; nonce++) {
            blockchain.newTransaction(SignedTransaction.sign(Chains.MINER, bob.address(), 1, nonce));
            states.add(State.of(blockchain));
        }
        Chains.mine(blockchain, Chains.MINER);
        states.add(State.of(blockchain));
        blockchain.newTransaction(SignedTransaction.sign(Chains.MINER, bob.address(), 1, 4));
        states.add(State.of(blockchain));
        // A longer chain from a peer that started on its own, so that not even genesis is shared: all our blocks'
        // payments go back to pending, and the log's record keeps no block of ours.
        List<Block> theirs = LedgerTest.chainOf(WORK, Collections.nCopies(5,
                LedgerTest.block(new LedgerTest().reward())));
        assertTrue(blockchain.replaceChain(new ChainValidator(WORK).checkChain(theirs)));
        states.add(State.of(blockchain));
        return states;
    }

    @Test
    @Tag("exercise-10.1")
    void whatANodeAcknowledgedIsReadBack(@TempDir Path dir) throws IOException {
        List<State> states = history(dir);
        Blockchain again = open(dir);
        assertEquals(states.get(states.size() - 1), State.of(again));
        assertEquals(4, again.currentTransactions().size(), "the payments of our lost blocks wait again");
        assertEquals(again.ledger().totalSupply(), Ledger.of(again.chain()).totalSupply());
        assertEquals(5, again.pendingLedger().nextNonce(Chains.MINER.address()), "and count in the ledger");
    }

    @Test
    @Tag("exercise-10.1")
    void aTailTornAtAnyByteIsCutBackToTheRecordBeforeIt(@TempDir Path dir) throws IOException {
        List<State> states = history(dir.resolve("node"));
        byte[] log = Files.readAllBytes(dir.resolve("node").resolve(ChainLog.FILE_NAME));
        List<Integer> ends = new ArrayList<>();
        for (int i = 0; i < log.length; i++) {
            if (log[i] == '\n') {
                ends.add(i + 1);
            }
        }
        assertEquals(states.size(), ends.size(), "one record per change");
        int cuts = 0;
        // Every byte in CI; on a learner's run every 61st, which still meets every kind of record at several places.
        int stride = Boolean.getBoolean("clf.deep") ? 1 : 61;
        for (int cut = ends.get(0); cut < log.length; cut += stride) {
            int length = cut;
            Path copy = Files.createDirectories(dir.resolve("cut-" + length));
            Files.write(copy.resolve(ChainLog.FILE_NAME), Arrays.copyOf(log, length));
            int records = (int) ends.stream().filter(end -> end <= length).count();
            try (ChainLog opened = ChainLog.open(copy)) {
                assertEquals(states.get(records - 1), State.of(opened.restore(WORK, Clock.systemUTC())), "cut at byte " + length);
            }
            assertEquals((long) ends.get(records - 1), Files.size(copy.resolve(ChainLog.FILE_NAME)), "the torn part is gone");
            if (!ends.contains(length)) {
                cuts++;
                assertEquals(copy.resolve(ChainLog.FILE_NAME) + ": cut " + ChainLogReader.count(length - ends.get(records - 1),
                        "byte") + " at byte " + ends.get(records - 1) + ": record " + (records + 1) + " was cut short by a"
                        + " crash as it was written, so it was never acknowledged; the node goes on from the "
                        + ChainLogReader.count(records, "record") + " before it", warnings.get(warnings.size() - 1));
            }
            try (ChainLog reopened = ChainLog.open(copy)) {
                Blockchain restarted = reopened.restore(WORK, Clock.systemUTC());
                assertEquals(states.get(records - 1), State.of(restarted), "and the node starts from there");
            }
        }
        System.out.printf("chain log: %d torn tails, at every %s byte of %d records, cut back with a warning%n", cuts,
                stride == 1 ? "" : stride + "th", ends.size());
    }

    /** Opening the log fails with a sentence that says this and what to do, and the file is left as it was. */
    static void refusedAsIs(Path dir, String says) throws IOException {
        Path file = dir.resolve(ChainLog.FILE_NAME);
        byte[] before = Files.readAllBytes(file);
        IllegalStateException damaged = assertThrows(IllegalStateException.class, () -> ChainLog.open(dir),
                "the damaged log was read as if it were whole; wanted a start that stops with: " + says);
        assertTrue(damaged.getMessage().contains(says), "wanted: " + says + "\n   got: " + damaged.getMessage());
        assertTrue(damaged.getMessage().contains("Nothing was changed: move the file aside (mv " + file + " " + file
                + ".damaged)"), "it says what to do: " + damaged.getMessage());
        assertTrue(Arrays.equals(before, Files.readAllBytes(file)), "the file is left as it was");
    }

    /** Writes the lines back, line {@code index} replaced by {@code record} behind a checksum that matches it. */
    static void replaceRecord(Path file, int index, String record) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.US_ASCII));
        lines.set(index, new String(ChainLogReader.line(record), StandardCharsets.US_ASCII).strip());
        Files.write(file, lines, StandardCharsets.US_ASCII);
    }

    static long byteOfLine(Path file, int index) throws IOException {
        return Files.readAllLines(file, StandardCharsets.US_ASCII).subList(0, index).stream()
                .mapToLong(line -> line.length() + 1).sum();
    }

    @Test
    @Tag("exercise-10.1")
    void damageBeforeTheLastRecordStopsTheStartAndCutsNothing(@TempDir Path dir) throws IOException {
        history(dir);
        Path file = dir.resolve(ChainLog.FILE_NAME);
        long third = byteOfLine(file, 2);
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        lines.set(2, lines.get(2).replace("\"proof\": ", "\"proof\": 1"));
        Files.write(file, lines, StandardCharsets.US_ASCII);
        refusedAsIs(dir, file + " is damaged: record 3, at byte " + third + ", its checksum does not match");
    }

    @Test
    @Tag("exercise-10.1")
    void aChecksumInUpperCaseIsDamageEvenWhenItIsTheRightNumber(@TempDir Path dir) throws IOException {
        history(dir);
        Path file = dir.resolve(ChainLog.FILE_NAME);
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.US_ASCII));
        // The first record after genesis whose checksum has a letter: Long.parseLong(.., 16) reads it the same.
        int index = 2;
        while (!lines.get(index).substring(0, 8).matches(".*[a-f].*")) {
            index++;
        }
        lines.set(index, lines.get(index).substring(0, 8).toUpperCase() + lines.get(index).substring(8));
        Files.write(file, lines, StandardCharsets.US_ASCII);
        refusedAsIs(dir, "record " + (index + 1) + ", at byte " + byteOfLine(file, index) + ", its checksum does not match");
    }

    @Test
    @Tag("exercise-10.1")
    void aLineWithoutAChecksumIsDamageNotATornTail(@TempDir Path dir) throws IOException {
        history(dir);
        Path file = dir.resolve(ChainLog.FILE_NAME);
        Files.writeString(file, "garbage\n", StandardOpenOption.APPEND);
        refusedAsIs(dir, "it does not start with a checksum");
    }

    @Test
    @Tag("exercise-10.1")
    void aRecordOfTwoMembersIsNotARecord(@TempDir Path dir) throws IOException {
        history(dir);
        Path file = dir.resolve(ChainLog.FILE_NAME);
        replaceRecord(file, 3, "{\"block\": 1, \"transaction\": 2}");
        refusedAsIs(dir, "record 4, at byte " + byteOfLine(file, 3) + ", it is not a record");
    }

    @Test
    @Tag("exercise-10.1")
    void aRecordThatReadsButDoesNotFitIsRefusedInASentence(@TempDir Path dir) throws IOException {
        history(dir);
        Path file = dir.resolve(ChainLog.FILE_NAME);
        replaceRecord(file, 4, "{\"replace\": {\"blocks\": [], \"kept\": {}, \"pending\": []}}");
        refusedAsIs(dir, "record 5, at byte " + byteOfLine(file, 4) + ", is not of the shape a node writes.");
    }

    @Test
    @Tag("exercise-10.1")
    void aFileThatIsNotALogIsNeitherCutNorReplaced(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(ChainLog.FILE_NAME), "hello world");
        refusedAsIs(dir, "is not a chain log: its tail, 11 bytes at byte 0, is not a record cut short");
        Files.writeString(dir.resolve(ChainLog.FILE_NAME), "hello world\n");
        refusedAsIs(dir, "is not a chain log: record 1, at byte 0, it does not start with a checksum");
    }

    @Test
    @Tag("exercise-10.1")
    void aDirectoryMadeAtAnotherDifficultySaysSo(@TempDir Path dir) throws IOException {
        try (ChainLog log = ChainLog.open(dir)) {
            Blockchain blockchain = log.restore(WORK, Clock.systemUTC());
            for (int i = 0; i < 3; i++) {
                Chains.mine(blockchain, Chains.MINER);
            }
        }
        ProofOfWork harder = new ProofOfWork(ProofOfWork.Rule.LINKED, 3);  // WORK mines at difficulty 2.
        try (ChainLog log = ChainLog.open(dir)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> log.restore(harder, Clock.systemUTC()));
            assertEquals(dir.resolve(ChainLog.FILE_NAME) + " holds a chain mined at --difficulty "
                    + 2 + ": start the node with it, or give it another --data-dir", e.getMessage());
        }
    }

    @Test
    @Tag("exercise-10.1")
    void aChainChangedByHandIsRefusedAtStart(@TempDir Path dir) throws IOException {
        Blockchain blockchain = open(dir);
        Chains.mine(blockchain, Chains.MINER);
        Block mined = blockchain.lastBlock();
        Chains.mine(blockchain, Chains.MINER);
        // Someone gives block 2's reward to mallory, with a checksum that matches: the log reads, the chain does not.
        Path file = dir.resolve(ChainLog.FILE_NAME);
        String forged = "{\"block\": " + mined.canonicalJson().replace(Chains.MINER.address(),
                AttackLabTest.MALLORY.address()) + "}";
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(1, new String(ChainLogReader.line(forged), StandardCharsets.US_ASCII).strip());
        Files.write(file, lines);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> open(dir));
        assertEquals("the chain in " + file + " is not valid: block 3 does not link to the hash of block 2; move the"
                + " file aside to start a new chain, which a resolve fetches from a peer", e.getMessage());
    }

    @Test
    @Tag("exercise-10.1")
    void aSavedPaymentThatIsNotOneIsRefusedAtStart(@TempDir Path dir) throws IOException {
        open(dir);
        String record = "{\"transaction\": {\"amount\": -1}}";
        Files.write(dir.resolve(ChainLog.FILE_NAME), ChainLogReader.line(record), StandardOpenOption.APPEND);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> open(dir));
        assertEquals("a saved pending payment is not valid (missing: sender, recipient, nonce, signature; the fields"
                + " are sender, recipient, amount, nonce, signature): {\"amount\": -1}", e.getMessage());
    }

    @Test
    @Tag("exercise-10.1")
    void aNewDirectoryGetsAGenesisBlockThatARestartKeeps(@TempDir Path dir) throws IOException {
        Block genesis = open(dir.resolve("new")).chain().get(0);
        assertEquals(List.of(genesis), open(dir.resolve("new")).chain());
        assertFalse(new Blockchain(WORK, Clock.systemUTC()).keepsData(), "without a directory, memory only");
    }

    /** A disk that fails is a clear 503, not a bug's 500, and the node changes nothing it could not write. */
    @Test
    void whenTheDiskFailsTheNodeAnswers503AndChangesNothing(@TempDir Path dir) throws Exception {
        ChainLog log = ChainLog.open(dir);
        Blockchain blockchain = log.restore(WORK, Clock.systemUTC());
        Node node = new Node(blockchain, Chains.MINER.address()).start("127.0.0.1", 0);
        HttpClient client = HttpClient.newHttpClient();
        try {
            URI base = URI.create("http://127.0.0.1:" + node.port());
            assertEquals(200, client.send(HttpRequest.newBuilder(base.resolve("/mine")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode());
            log.close();
            State before = State.of(blockchain);
            String payment = CanonicalJson.write(SignedTransaction.sign(Chains.MINER, bob.address(), 1, 1).toJson());
            HttpResponse<String> paid = client.send(HttpRequest.newBuilder(base.resolve("/transactions/new"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(payment)).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> mined = client.send(HttpRequest.newBuilder(base.resolve("/mine")).build(),
                    HttpResponse.BodyHandlers.ofString());

            for (HttpResponse<String> reply : List.of(paid, mined)) {
                assertEquals(503, reply.statusCode(), reply.body());
                com.google.gson.JsonObject error = com.google.gson.JsonParser.parseString(reply.body()).getAsJsonObject();
                assertTrue(error.get("error").getAsString().startsWith("the node could not write " + log.file()), reply.body());
                assertTrue(error.get("hint").getAsString().startsWith("nothing was acknowledged"), reply.body());
            }
            assertEquals(before, State.of(blockchain), "nothing changed");
        } finally {
            node.stop();
        }
    }

    /** The node's log messages during a test, kept here instead of printed: a test cuts thousands of tails. */
    final List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
    final Logger nodeLog = Logger.getLogger("clf.blockchain");
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            // Other test classes run at the same time, and log too: only the cuts are this test's.
            if (record.getMessage().contains(ChainLog.FILE_NAME + ": cut ")) {
                warnings.add(record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureTheLog() {
        nodeLog.addHandler(capture);
        nodeLog.setUseParentHandlers(false);
    }

    @AfterEach
    void printTheLogAgain() {
        nodeLog.removeHandler(capture);
        nodeLog.setUseParentHandlers(true);
    }
}
