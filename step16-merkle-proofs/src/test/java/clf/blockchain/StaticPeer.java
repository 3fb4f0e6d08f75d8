package clf.blockchain;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.util.Headers;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A peer that serves one fixed chain, whatever it holds, on port 5000: the container tests' way to put a chain
 * with a forged ledger on the network. It is test code, run in a container from the node's jar (for Undertow)
 * and this class: {@code java -cp node.jar:classes clf.blockchain.StaticPeer chain.json}.
 */
public final class StaticPeer {

    private StaticPeer() {
    }

    public static void main(String[] args) throws IOException {
        byte[] chain = Files.readAllBytes(Path.of(args[0]));
        Undertow.builder()
                .addHttpListener(5000, "0.0.0.0")
                .setHandler(Handlers.routing().get("/chain", exchange -> {
                    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
                    exchange.getResponseSender().send(ByteBuffer.wrap(chain));
                }))
                .build()
                .start();
    }
}
