package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BlockTest {

    @Test
    void hasTheFieldsOfTheTextsChainAndItsHeader() {
        Block block = Block.of(2, 1506280664.717925, new JsonArray(), 35293, new JsonPrimitive("c099bc"), Target.ofDifficulty(4));
        assertEquals(Set.of("index", "timestamp", "transactions", "proof", "previous_hash", "target", "merkle_root",
                "transaction_count"), block.toJson().keySet());
        assertEquals(Target.ofDifficulty(4), block.target());
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                block.merkleRoot().getAsString(), "the root of no transactions: the SHA-256 of no bytes");
        assertEquals(0, block.transactionCount());
        assertEquals(2, block.index());
        assertEquals(1506280664.717925, block.timestamp());
        assertEquals(35293, block.proof());
        assertEquals("c099bc", block.previousHash().getAsString());
        assertEquals(0, block.transactions().size());
    }

    @Test
    @Tag("exercise-1.1")
    void readsBackFromItsOwnJson() {
        Block block = Block.of(3, 1506280666.1086972, new JsonArray(), 35089, new JsonPrimitive("eff91a"), Target.ofDifficulty(4));
        assertEquals(block, Block.fromJson(JsonParser.parseString(block.canonicalJson())));
    }

    @Test
    @Tag("exercise-1.1")
    void cannotBeChangedThroughWhatItHandsOut() {
        Block block = Block.of(1, 1.5, new JsonArray(), 100, new JsonPrimitive(1), Target.ofDifficulty(4));
        String before = block.canonicalJson();
        JsonObject json = block.toJson();
        json.addProperty("proof", 7);
        block.transactions().add("forged");
        assertEquals(before, block.canonicalJson());
        assertNotSame(block.toJson(), block.toJson());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[]                                                                                      | a JSON object",
        "{'timestamp':1,'transactions':[],'proof':1,'previous_hash':'x','target':'0000ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff','merkle_root':'x','transaction_count':0}                         | 'index'",
        "{'index':1.5,'timestamp':1,'transactions':[],'proof':1,'previous_hash':'x','target':'0000ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff','merkle_root':'x','transaction_count':0}             | 'index'",
        "{'index':1,'timestamp':'now','transactions':[],'proof':1,'previous_hash':'x','target':'0000ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff','merkle_root':'x','transaction_count':0}           | 'timestamp'",
        "{'index':1,'timestamp':1,'transactions':{},'proof':1,'previous_hash':'x','target':'0000ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff','merkle_root':'x','transaction_count':0}               | 'transactions'",
        "{'index':1,'timestamp':1,'transactions':[],'proof':99999999999999999999,'previous_hash':'x','target':'0000ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff','merkle_root':'x','transaction_count':0} | 'proof'",
        "{'index':1,'timestamp':1,'transactions':[],'proof':1,'target':'0000ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff','merkle_root':'x','transaction_count':0} | 'previous_hash'",
        "{'index':1,'timestamp':1,'transactions':[],'proof':1,'previous_hash':[],'target':'0000ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff','merkle_root':'x','transaction_count':0}               | 'previous_hash'",
        "{'index':1,'timestamp':1,'transactions':[],'proof':1,'previous_hash':'x','target':'00','merkle_root':'x','transaction_count':0} | 'a target is 64 lower-case hex digits'",
        "{'index':1,'timestamp':1,'transactions':[],'proof':1,'previous_hash':'x'}               | step 16 or later",
    })
    void refusesJsonThatIsNotABlockAndSaysWhy(String json, String named) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Block.fromJson(JsonParser.parseString(json.replace('\'', '"'))));
        assertTrue(e.getMessage().contains(named), e.getMessage());
    }
}
