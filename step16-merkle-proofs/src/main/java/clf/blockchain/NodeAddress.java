package clf.blockchain;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/** A peer's address, from "registering new nodes": with or without {@code http://}, kept as {@code http://host:port}. */
public final class NodeAddress {

    private NodeAddress() {
    }

    /** Reads "http://127.0.0.1:5001", "127.0.0.1:5001" or "node2:5000"; an {@link IllegalArgumentException} says the rule it breaks. */
    public static URI parse(String address) {
        String text = address.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("it is empty");
        }
        URI uri;
        try {
            uri = new URI(text.contains("://") ? text : "http://" + text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("it is not an address such as http://127.0.0.1:5001");
        }
        if (!uri.getScheme().equalsIgnoreCase("http")) {
            throw new IllegalArgumentException("it starts with " + uri.getScheme() + "://, but a node speaks plain http://");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("it has no host name, or one with characters a host name cannot have");
        }
        if (uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null
                || !(uri.getPath().isEmpty() || uri.getPath().equals("/"))) {
            throw new IllegalArgumentException("a node's address is its host and port, nothing more");
        }
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("its port is " + port + ", and a port is 1 to 65535");
        }
        return URI.create("http://" + uri.getHost().toLowerCase() + ":" + port);
    }

    /** Every address of a list; if any is bad, an {@link IllegalArgumentException} names each bad one and its rule. */
    public static List<URI> parseAll(JsonArray nodes) {
        List<URI> addresses = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        for (JsonElement node : nodes) {
            try {
                if (!node.isJsonPrimitive() || !node.getAsJsonPrimitive().isString()) {
                    throw new IllegalArgumentException("it is not a string in double quotes");
                }
                addresses.add(parse(node.getAsString()));
            } catch (IllegalArgumentException e) {
                String entry = node.toString();
                bad.add((entry.length() > 80 ? entry.substring(0, 80) + "..." : entry) + ": " + e.getMessage());
            }
        }
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException("bad address" + (bad.size() > 1 ? "es: " : ": ") + String.join("; ", bad));
        }
        return addresses;
    }
}
