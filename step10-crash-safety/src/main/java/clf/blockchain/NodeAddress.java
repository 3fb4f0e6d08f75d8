package clf.blockchain;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A peer's address, from "registering new nodes". The text keeps {@code urlparse(address).netloc}, which is empty
 * for an address without a scheme, so "127.0.0.1:5001" registers nothing. We accept an address with or without
 * {@code http://} and keep it whole, as {@code http://host:port}.
 */
public final class NodeAddress {

    private NodeAddress() {
    }

    /**
     * Reads "http://127.0.0.1:5001", "127.0.0.1:5001", "node2:5000" or "https://example.org".
     *
     * @throws IllegalArgumentException saying what is wrong with the address
     */
    public static URI parse(String address) {
        String text = address.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("it is empty");
        }
        URI uri;
        try {
            uri = new URI(text.contains("://") ? text : "http://" + text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("it is not an address (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("it must start with http:// or https://, not " + scheme + "://");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("it has no host name, or one with characters a host name cannot have");
        }
        if (uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null
                || !(uri.getPath().isEmpty() || uri.getPath().equals("/"))) {
            throw new IllegalArgumentException("a node's address is its scheme, host and port, nothing more");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return URI.create(scheme + "://" + uri.getHost().toLowerCase() + ":" + port);
    }
}
