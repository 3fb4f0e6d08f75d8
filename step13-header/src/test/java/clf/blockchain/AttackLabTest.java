package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.sun.net.httpserver.HttpHandler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Tag;

/**
 * The attack lab. A scripted fake peer ({@link FakePeer}) serves a node one bad answer at a time, each claiming a
 * chain longer than the node's, so that only the node's checks stand between it and the attack. For every attack
 * the node keeps its chain, its resolve ends within the peer time limit, and it names the reason.
 *
 * <p>The node also replays the ledger of every chain it is offered, so the attacks on what blocks hold are refused
 * too: a forged signature, an overspend, an extra or a missing reward, a negative amount, a replayed payment; and
 * the attacks on the header: a rewritten block with recomputed hashes, and transactions swapped under a kept header.
 *
 * <p>A learner's run tries every attack but those that wait out a time limit (no answer, an endless or trickling
 * answer), which {@link BadPeersTest} tries; CI tries them all (-Dclf.deep=true).
 */
class AttackLabTest {

    static final AtomicInteger REFUSED = new AtomicInteger();

    /** What a fake peer does, and the words the node's reason must contain. */
    record Attack(String name, HttpHandler peer, String reason) {

        @Override
        public String toString() {
            return name;
        }
    }

    static final Wallet MALLORY = Wallet.create();
    /** The honest chain each node holds before an attack: three blocks, the miner pays in block 4. */
    private static List<Block> honest;

    static synchronized List<Block> honest() {
        if (honest == null) {
            Blockchain blockchain = new Blockchain(Chains.WORK, Clock.systemUTC());
            Chains.mine(blockchain, Chains.MINER);
            Chains.mine(blockchain, Chains.MINER);
            blockchain.newTransaction(SignedTransaction.sign(Chains.MINER, MALLORY.address(), 1, 1));
            Chains.mine(blockchain, Chains.MINER);
            honest = blockchain.chain();
        }
        return honest;
    }

    static JsonObject reward() {
        JsonObject reward = new JsonObject();
        reward.addProperty("sender", "0");
        reward.addProperty("recipient", MALLORY.address());
        reward.addProperty("amount", 1);
        return reward;
    }

    /** The honest miner's payment to mallory, signed; it has made one payment, so its next is number 2. */
    static JsonObject payment(long amount, long nonce) {
        return SignedTransaction.sign(Chains.MINER, MALLORY.address(), amount, nonce).toJson();
    }

    static JsonArray holding(JsonObject... transactions) {
        JsonArray array = new JsonArray();
        for (JsonObject transaction : transactions) {
            array.add(transaction);
        }
        return array;
    }

    /** The block after the chain's last, with its proof: honest work. */
    static Block next(List<Block> chain, JsonArray transactions) {
        Block last = chain.get(chain.size() - 1);
        return Chains.forge(last, last.timestamp() + 1, transactions, Chains.WORK);
    }

    static List<Block> plus(List<Block> chain, Block block) {
        List<Block> longer = new ArrayList<>(chain);
        longer.add(block);
        return longer;
    }

    static String json(List<Block> chain, Object length) {
        return json(chain, null, length);
    }

    /** A node's answer holding the chain and then, if not null, a block that {@link Block} would not make. */
    static String json(List<Block> chain, JsonObject odd, Object length) {
        JsonArray blocks = new JsonArray();
        chain.forEach(block -> blocks.add(block.toJson()));
        if (odd != null) {
            blocks.add(odd);
        }
        return "{\"chain\": " + blocks + ", \"length\": " + length + "}";
    }

    /** Every attack against a node holding the honest chain. */
    static List<Attack> attacks() {
        List<Block> honest = honest();
        Block good = next(honest, holding(reward()));

        long badProof = good.proof() + 1;
        while (good.withProof(badProof).validProof()) {
            badProof++;
        }
        Block withBadProof = good.withProof(badProof);
        JsonObject unlinked = good.toJson();
        unlinked.addProperty("previous_hash", "0".repeat(64));
        JsonObject skipping = good.toJson();
        skipping.addProperty("index", good.index() + 1);
        JsonObject easier = Chains.forge(honest.get(honest.size() - 1), good.timestamp(), holding(reward()),
                new ProofOfWork(1)).toJson();
        List<Block> rewritten = rewrite(honest, holding(reward()));
        rewritten = plus(rewritten, next(rewritten, holding(reward())));
        List<Block> swapped = new ArrayList<>(honest);
        JsonObject swappedBlock = honest.get(3).toJson();
        swappedBlock.add("transactions", holding(reward()));
        swapped.set(3, Block.fromJson(swappedBlock));
        swapped = plus(swapped, next(swapped, holding(reward())));

        JsonObject premine = reward();
        premine.addProperty("amount", 1_000_000);
        List<Block> premined = new ArrayList<>();
        Block genesis = honest.get(0);
        premined.add(Block.of(1, genesis.timestamp(), holding(premine), 100, new JsonPrimitive(1), 4));
        while (premined.size() <= honest.size()) {
            premined.add(next(premined, new JsonArray()));
        }
        JsonObject noProof = good.toJson();
        noProof.remove("proof");
        JsonObject hugeIndex = good.toJson();
        hugeIndex.add("index", new JsonPrimitive(new java.math.BigInteger("99999999999999999999")));
        JsonObject forgedSignature = payment(1, 2);
        forgedSignature.addProperty("amount", 2);
        JsonObject replayed = honest.get(3).transactions().get(0).getAsJsonObject();
        Map<String, JsonArray> ledgers = new LinkedHashMap<>();
        ledgers.put("a forged signature", holding(reward(), forgedSignature));
        ledgers.put("an overspend", holding(reward(), payment(5, 2)));
        ledgers.put("an extra reward", holding(reward(), reward()));
        ledgers.put("a block without its reward", holding(payment(1, 2)));
        ledgers.put("a negative amount", holding(reward(), payment(-5, 2)));
        ledgers.put("a replayed payment", holding(reward(), replayed));
        Map<String, String> reasons = Map.of(
                "a forged signature", "the signature is not the sender's",
                "an overspend", "cannot send 5",
                "an extra reward", "block 5 does not hold exactly one mining reward",
                "a block without its reward", "block 5 does not hold exactly one mining reward",
                "a negative amount", "'amount' must be a positive whole number",
                "a replayed payment", "this is a replay");

        List<Attack> attacks = new ArrayList<>();
        ledgers.forEach((name, transactions) -> attacks.add(
                new Attack(name, FakePeer.serving(plus(honest, next(honest, transactions))), reasons.get(name))));
        attacks.addAll(List.of(
                new Attack("a longer chain with a bad proof", FakePeer.serving(plus(honest, withBadProof)),
                        "block 5 has a proof that the rule does not accept"),
                new Attack("a longer chain with a broken previous_hash", FakePeer.answering(200, json(honest, unlinked, 5)),
                        "block 5 does not link to the hash of block 4"),
                new Attack("a longer chain that skips a block number", FakePeer.answering(200, json(honest, skipping, 5)),
                        "block 5 says it is block 6"),
                new Attack("a block of an easier difficulty", FakePeer.answering(200, json(honest, easier, 5)),
                        "block 5 has difficulty 1, not this chain's 4"),
                new Attack("a genesis block with a premine", FakePeer.serving(premined),
                        "its first block is not a genesis block"),
                new Attack("a key given twice", FakePeer.answering(200,
                        "{\"chain\": [], " + json(plus(honest, good), 5).substring(1)),
                        "the key \"chain\" appears twice in one object"),
                new Attack("a block without its proof", FakePeer.answering(200, json(honest, noProof, 5)),
                        "a block needs 'proof'"),
                new Attack("a block number too large for 64 bits", FakePeer.answering(200, json(honest, hugeIndex, 5)),
                        "a block needs 'index', a whole number that fits in 64 bits"),
                new Attack("a number of five million digits", FakePeer.answering(200,
                        json(honest, "9".repeat(5_000_000))), "the body is not valid JSON"),
                new Attack("an answer that is not JSON", FakePeer.answering(200, "<html>a chain, honestly</html>"),
                        "the body is not valid JSON"),
                new Attack("an answer of the wrong shape", FakePeer.answering(200, "{\"blocks\": [], \"length\": 99}"),
                        "no \"chain\" list"),
                new Attack("blocks that are not objects", FakePeer.answering(200, "{\"chain\": [1, 2, 3, 4, 5], \"length\": 5}"),
                        "a block must be a JSON object"),
                new Attack("an error status", FakePeer.answering(500, "{\"error\": \"oops\"}"), "answered 500"),
                new Attack("a rewritten block with recomputed hashes", FakePeer.serving(rewritten),
                        "block 2 has a proof that the rule does not accept"),
                new Attack("transactions swapped under a kept header", FakePeer.serving(swapped),
                        "block 4's transactions_hash is not the digest of its transactions")));
        if (Boolean.getBoolean("clf.deep")) {
            attacks.addAll(List.of(
                    new Attack("no answer at all", FakePeer.slow(30_000), "within 5 s"),
                    new Attack("an endless body", FakePeer::endless, "larger than 64 MiB|within 5 s"),
                    new Attack("an answer that arrives byte by byte", FakePeer::trickling, "within 5 s")));
        }
        return attacks;
    }

    /** Block 2 rewritten to hold {@code transactions}, every proof kept, and every later previous_hash recomputed. */
    static List<Block> rewrite(List<Block> honest, JsonArray transactions) {
        List<Block> forged = new ArrayList<>(List.of(honest.get(0)));
        for (int i = 1; i < honest.size(); i++) {
            Block old = honest.get(i);
            forged.add(Block.of(old.index(), old.timestamp(), i == 1 ? transactions : old.transactions(), old.proof(),
                    new JsonPrimitive(Blockchain.hash(forged.get(i - 1))), old.difficulty()));
        }
        return forged;
    }

    static Stream<Attack> everyAttack() {
        return attacks().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyAttack")
    @Execution(ExecutionMode.CONCURRENT)
    @Tag("exercise-13.1")
    void theNodeKeepsItsChainAndSaysWhy(Attack attack) throws Exception {
        try (TestNode node = new TestNode(new Blockchain(Chains.WORK, Clock.systemUTC()));
                FakePeer friend = new FakePeer(FakePeer.serving(honest()));
                FakePeer attacker = new FakePeer(attack.peer())) {
            // The node learns the honest chain from a friend, who stays registered: its chain is never longer.
            node.post("/nodes/register", ConsensusTest.nodes(friend.address()));
            assertEquals("Our chain was replaced", node.get("/nodes/resolve").json().get("message").getAsString());
            String before = node.get("/chain").body();

            assertEquals(201, node.post("/nodes/register", ConsensusTest.nodes(attacker.address())).status());
            JsonObject body = node.resolveInTime();
            assertEquals("Our chain is authoritative", body.get("message").getAsString(), body.toString());
            assertEquals(before, node.get("/chain").body(), "the chain is unchanged");
            String reason = body.getAsJsonObject("unusable_peers").get(attacker.address()).getAsString();
            assertTrue(Stream.of(attack.reason().split("\\|")).anyMatch(reason::contains), reason);
            REFUSED.incrementAndGet();
        }
    }

    /** An attacker may also try to fill the node's peer list, or point it at what is not a node. */
    @org.junit.jupiter.api.Test
    @Tag("exercise-9.1")
    void registrationRefusesWhatIsNotAPeerAndCapsHowManyThereAre() {
        try (TestNode node = new TestNode()) {
            for (String bad : List.of("ftp://node2:21", "file:///etc/passwd", "javascript:alert(1)",
                    "http://user:secret@node2:5000", "http://node2:5000/chain?x=1", "http://node2:port", "a b")) {
                TestNode.Reply reply = node.post("/nodes/register", ConsensusTest.nodes(bad));
                assertEquals(400, reply.status(), bad);
                assertTrue(reply.json().get("error").getAsString().contains(bad), reply.body());
                REFUSED.incrementAndGet();
            }
            String[] hundred = new String[Blockchain.MAX_NODES];
            // Addresses that need no name lookup: a node checks each new one is not its own, and greets it.
            for (int i = 0; i < hundred.length; i++) {
                hundred[i] = "127.0.0.1:" + (i + 1);
            }
            assertEquals(201, node.post("/nodes/register", ConsensusTest.nodes(hundred)).status());
            TestNode.Reply oneMore = node.post("/nodes/register", ConsensusTest.nodes("127.0.0.1:" + (hundred.length + 1)));
            assertEquals(400, oneMore.status());
            assertTrue(oneMore.json().get("error").getAsString().contains("at most 100 peers"), oneMore.body());
            assertEquals(Blockchain.MAX_NODES, node.node.blockchain().nodes().size());
            REFUSED.incrementAndGet();
        }
    }

    @AfterAll
    static void printCounts() {
        System.out.printf("attack lab: %d attacks, each refused with its reason%n", REFUSED.get());
    }
}
