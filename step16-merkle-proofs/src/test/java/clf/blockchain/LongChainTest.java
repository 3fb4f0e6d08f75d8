package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A long chain goes out in chunks as it is written, and arrives as the same bytes that hash the same. */
class LongChainTest {

    @Test
    @Tag("exercise-6.3")
    @Tag("exercise-7.1")
    @Tag("exercise-9.1")
    @Tag("exercise-13.1")
    @Tag("exercise-15.1")
    @Tag("exercise-16.1")
    void aLongChainIsStreamedInChunksAndArrivesWhole() throws Exception {
        try (TestNode node = new TestNode(1)) {
            Blockchain blockchain = node.node.blockchain();
            Wallet alice = node.miner;
            String bob = Wallet.create().address();
            for (int i = 0; i < 600; i++) {
                if (i > 0) {
                    blockchain.newTransaction(SignedTransaction.sign(alice, bob, 1, i));
                }
                Chains.mine(blockchain, alice);
            }
            TestNode.Reply reply = node.get("/chain");
            assertEquals(200, reply.status());
            // Far more than Undertow's buffer: no length up front, but chunks.
            assertEquals("chunked", reply.response().headers().firstValue("Transfer-Encoding").orElse(""));
            assertTrue(reply.response().headers().firstValue("Content-Length").isEmpty());
            List<Block> chain = blockchain.chain();
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            Api.writeChain(chain, 1, blockchain.chainWork().toString(), expected);
            assertEquals(expected.toString(), reply.body(), "the bytes that CanonicalJson writes for the whole");
            JsonArray blocks = reply.json().getAsJsonArray("chain");
            assertEquals(601, blocks.size());
            assertEquals(601, reply.json().get("length").getAsInt());
            assertEquals(Blockchain.hash(chain.get(600)), Blockchain.hash(Block.fromJson(blocks.get(600))));
        }
    }

    @Test
    @Tag("exercise-15.1")
    void aShortChainStillGoesOutWithItsLength() {
        try (TestNode node = new TestNode()) {
            TestNode.Reply reply = node.get("/chain");
            assertEquals(String.valueOf(reply.body().length()),
                    reply.response().headers().firstValue("Content-Length").orElse("none"));
        }
    }
}
