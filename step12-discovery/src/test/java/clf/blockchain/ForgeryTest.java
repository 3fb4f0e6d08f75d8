package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The hole in the text's rule, as a lesson. The text's proof covers only the last proof and the proof, not the
 * blocks; so anyone can rewrite an old block's transactions, recompute every later previous_hash (which is cheap)
 * and keep all the old proofs: the rewritten history passes the text's checks with no work done. Under the
 * linked rule every proof also covers the hash of the block before it, and the same forgery fails.
 */
class ForgeryTest {

    /** The text's checks on a chain: every previous_hash is the hash of the block before, every proof is valid. */
    static int firstBadBlock(List<Block> chain, ProofOfWork work) {
        for (int i = 1; i < chain.size(); i++) {
            Block last = chain.get(i - 1);
            Block block = chain.get(i);
            boolean linked = block.previousHash().getAsString().equals(Blockchain.hash(last));
            if (!linked || !work.validProof(last.proof(), block.proof(), Blockchain.hash(last))) {
                return (int) block.index();
            }
        }
        return -1;
    }

    /** Genesis, then three mined blocks, each with its reward. */
    static List<Block> honestChain(ProofOfWork work) {
        Blockchain blockchain = new Blockchain(work, Clock.systemUTC());
        for (int i = 0; i < 3; i++) {
            Chains.mine(blockchain, Chains.MINER);
        }
        return blockchain.chain();
    }

    /** Rewrites block 2 to pay mallory 500, keeps every proof, and recomputes the later links. */
    static List<Block> forge(List<Block> honest) {
        JsonObject payment = new JsonObject();
        payment.addProperty("sender", "alice");
        payment.addProperty("recipient", "mallory");
        payment.addProperty("amount", 500);
        JsonArray rewritten = new JsonArray();
        rewritten.add(payment);

        List<Block> forged = new ArrayList<>(List.of(honest.get(0)));
        for (int i = 1; i < honest.size(); i++) {
            Block old = honest.get(i);
            JsonArray transactions = i == 1 ? rewritten : old.transactions();
            String link = Blockchain.hash(forged.get(i - 1));
            forged.add(Block.of(old.index(), old.timestamp(), transactions, old.proof(), new JsonPrimitive(link)));
        }
        return forged;
    }

    @Test
    @Tag("exercise-3.2")
    @Tag("exercise-7.1")
    @Tag("exercise-9.1")
    void underTheTextsRuleARewrittenHistoryPassesTheTextsChecks() {
        ProofOfWork text = ProofOfWork.text();
        List<Block> honest = honestChain(text);
        List<Block> forged = forge(honest);

        assertEquals(-1, firstBadBlock(honest, text), "the honest chain is valid");
        assertEquals("mallory", forged.get(1).transactions().get(0).getAsJsonObject().get("recipient").getAsString());
        assertEquals(-1, firstBadBlock(forged, text), "the forgery passes too: no proof had to be redone");
    }

    @Test
    @Tag("exercise-3.2")
    @Tag("exercise-7.1")
    @Tag("exercise-9.1")
    void underTheLinkedRuleTheSameForgeryFailsAtTheBlockAfterTheRewrite() {
        ProofOfWork linked = new ProofOfWork(ProofOfWork.Rule.LINKED, 4);
        List<Block> honest = honestChain(linked);
        List<Block> forged = forge(honest);

        assertEquals(-1, firstBadBlock(honest, linked), "the honest chain is valid");
        assertEquals(3, firstBadBlock(forged, linked), "block 3's proof covered the hash of the real block 2");
    }

    @Test
    @Tag("exercise-3.2")
    @Tag("exercise-7.1")
    @Tag("exercise-9.1")
    void aForgeryThatKeepsTheOldLinksIsCaughtByEitherRule() {
        ProofOfWork text = ProofOfWork.text();
        List<Block> honest = honestChain(text);
        List<Block> tampered = new ArrayList<>(honest);
        Block old = honest.get(1);
        tampered.set(1, Block.of(old.index(), old.timestamp(), new JsonArray(), old.proof(), old.previousHash()));
        assertEquals(3, firstBadBlock(tampered, text), "block 3 still points at the real block 2");
    }
}
