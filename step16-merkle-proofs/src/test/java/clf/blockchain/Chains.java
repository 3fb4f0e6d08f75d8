package clf.blockchain;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/** Chains for tests: honest ones, mined in this JVM, with signed payments. */
final class Chains {

    static final Wallet MINER = Wallet.fromSecret(new byte[32]);
    static final ProofOfWork WORK = work(4);

    /** One change to each field of a block's header, the transactions through their digest. */
    static final List<UnaryOperator<JsonObject>> HEADER_CHANGES = List.of(
            block -> with(block, "index", new JsonPrimitive(block.get("index").getAsLong() + 1)),
            block -> with(block, "timestamp", new JsonPrimitive(block.get("timestamp").getAsDouble() + 1)),
            block -> with(block, "previous_hash", new JsonPrimitive("0".repeat(64))),
            block -> with(block, "target", new JsonPrimitive(Target.ofDifficulty(3).hex())),
            block -> {
                JsonArray transactions = block.getAsJsonArray("transactions");
                transactions.get(0).getAsJsonObject().addProperty("recipient", Wallet.fromSecret(Arrays.copyOf(new byte[] {1}, 32)).address());
                return with(block, "merkle_root", new JsonPrimitive(Block.merkleRoot(transactions)));
            });

    private Chains() {
    }

    /** Targets that stay the genesis target: a window longer than any test's chain, which mines in milliseconds. */
    static Retarget retarget(int difficulty) {
        return new Retarget(Target.ofDifficulty(difficulty), 1_000_000, Retarget.BLOCK_SECONDS);
    }

    static ProofOfWork work(int difficulty) {
        return new ProofOfWork(retarget(difficulty), 1);
    }

    private static JsonObject with(JsonObject block, String field, JsonPrimitive value) {
        block.add(field, value);
        return block;
    }

    /** The work of these blocks, as /chain gives it: a whole number in a string. */
    static String workOf(List<Block> blocks) {
        return new CheckedChain(blocks, new Ledger()).work().toString();
    }

    /** Mines the next block of {@code blockchain} as the node does: the template with the reward, its proof, the block. */
    static Block mine(Blockchain blockchain, Wallet miner) {
        Block template = blockchain.nextBlock(miner.address());
        return blockchain.newBlock(template, blockchain.proofOfWork(template).proof());
    }

    /** A block after {@code last} holding {@code transactions}, mined at {@code target}, outside any chain. */
    static Block forge(Block last, double timestamp, JsonArray transactions, Target target) {
        Block template = Block.of(last.index() + 1, timestamp, transactions, 0,
                new JsonPrimitive(Blockchain.hash(last)), target);
        return template.withProof(WORK.proofOfWork(template.headerDigest(), target).proof());
    }

    /** Genesis, then {@code blocks} blocks mined by {@link #MINER}; from block 3 on each pays {@code payee} 1 coin. */
    static List<Block> mined(int blocks, Wallet payee) {
        Blockchain blockchain = new Blockchain(WORK, Clock.systemUTC());
        for (int i = 1; i <= blocks; i++) {
            if (i > 1) {
                blockchain.newTransaction(SignedTransaction.sign(MINER, payee.address(), 1, i - 1));
            }
            mine(blockchain, MINER);
        }
        return blockchain.chain();
    }
}
