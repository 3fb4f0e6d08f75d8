package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeAddressTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://127.0.0.1:5001  | http://127.0.0.1:5001",
        "127.0.0.1:5001         | http://127.0.0.1:5001",
        "node2:5000             | http://node2:5000",
        "HTTP://Node2:5000/     | http://node2:5000",
        "https://example.org    | https://example.org:443",
        "http://example.org     | http://example.org:80",
        "'  localhost:5002  '   | http://localhost:5002",
        "http://[::1]:5003      | http://[::1]:5003",
    })
    void readsAnAddressWithOrWithoutAScheme(String given, String kept) {
        assertEquals(kept, NodeAddress.parse(given).toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                       | empty",
        "ftp://node2:21           | http:// or https://",
        "http://                  | not an address",
        "http://user:pw@node2:5000 | nothing more",
        "http://node2:5000/chain  | nothing more",
        "http://node2:5000/?x=1   | nothing more",
        "http://no_underscores:5000 | no host name",
        "http://node2:port        | no host name",
        "a b                      | not an address",
    })
    void refusesWhatIsNotANodeAddress(String given, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NodeAddress.parse(given));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
