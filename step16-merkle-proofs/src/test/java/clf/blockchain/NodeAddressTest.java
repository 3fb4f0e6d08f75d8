package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeAddressTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://127.0.0.1:5001  | http://127.0.0.1:5001",
        "127.0.0.1:5001         | http://127.0.0.1:5001",
        "node2:5000             | http://node2:5000",
        "HTTP://Node2:5000/     | http://node2:5000",
        "http://example.org     | http://example.org:80",
        "'  localhost:5002  '   | http://localhost:5002",
        "http://[::1]:5003      | http://[::1]:5003",
    })
    void readsAnAddressWithOrWithoutAScheme(String given, String kept) {
        assertEquals(kept, NodeAddress.parse(given).toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                         | it is empty",
        "ftp://node2:21             | it starts with ftp://, but a node speaks plain http://",
        "https://node2:5000         | it starts with https://, but a node speaks plain http://",
        "http://                    | it is not an address such as http://127.0.0.1:5001",
        "not a url                  | it is not an address such as http://127.0.0.1:5001",
        "http://user:pw@node2:5000  | a node's address is its host and port, nothing more",
        "http://node2:5000/chain    | a node's address is its host and port, nothing more",
        "http://node2:5000/?x=1     | a node's address is its host and port, nothing more",
        "http://no_underscores:5000 | it has no host name, or one with characters a host name cannot have",
        "http://node2:port          | it has no host name, or one with characters a host name cannot have",
        "localhost:99999            | its port is 99999, and a port is 1 to 65535",
        "http://localhost:0         | its port is 0, and a port is 1 to 65535",
    })
    void refusesWhatIsNotANodeAddress(String given, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NodeAddress.parse(given));
        assertEquals(reason, e.getMessage());
    }
}
