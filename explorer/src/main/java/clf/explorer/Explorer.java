package clf.explorer;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.server.handlers.resource.ClassPathResourceManager;
import io.undertow.server.handlers.resource.ResourceHandler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The block explorer: a live web page of a network of nodes, served with a small forwarder so that the page talks
 * to one origin and needs no CORS. Not a step of the workshop; it works with the nodes of steps 04 to 06 and with
 * the tutorial's own Python node, which all speak the same API.
 *
 * <pre>java -jar explorer/target/explorer.jar --nodes http://localhost:5000,http://localhost:5001</pre>
 */
public final class Explorer {

    static final String USAGE = """
            usage: java -jar explorer.jar [--nodes A,B,...] [--port N] [--host ADDRESS]

              --nodes A,B     the nodes to show, such as http://localhost:5000,http://localhost:5001
                              (default http://localhost:5000)
              --port N        the port of the page (default 8000)
              --host ADDRESS  the address to listen on (default 127.0.0.1: this machine only; 0.0.0.0 in a container)
              -h, --help      show this help
            """;

    /** Kept here: a logger that nobody holds may be collected, and its level forgotten. */
    private static final Logger[] QUIET = {Logger.getLogger("org.xnio"), Logger.getLogger("io.undertow")};

    private final List<URI> nodes;
    private Undertow server;

    public Explorer(List<URI> nodes) {
        this.nodes = List.copyOf(nodes);
    }

    /** Serves the page and forwards {@code /api/N/...} to node N. Port 0 picks a free port. */
    public Explorer start(String host, int port) {
        ResourceHandler page = Handlers.resource(new ClassPathResourceManager(Explorer.class.getClassLoader(), "explorer"))
                .setWelcomeFiles("index.html");
        server = Undertow.builder()
                .addHttpListener(port, host)
                .setHandler(Handlers.path(page).addPrefixPath("/api", new BlockingHandler(new Forwarder(nodes))))
                .build();
        server.start();
        return this;
    }

    public int port() {
        return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    public void stop() {
        server.stop();
    }

    public static void main(String[] args) {
        for (Logger logger : QUIET) {
            logger.setLevel(Level.WARNING);
        }
        List<URI> nodes = new ArrayList<>();
        int port = 8000;
        String host = "127.0.0.1";
        try {
            for (int i = 0; i < args.length; i++) {
                String option = args[i];
                if (option.equals("-h") || option.equals("--help")) {
                    System.out.print(USAGE);
                    return;
                }
                if (i + 1 == args.length) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = args[++i];
                switch (option) {
                    case "--nodes" -> nodes.addAll(Forwarder.nodes(value));
                    case "--port" -> port = port(value);
                    case "--host" -> host = value;
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage() + "\n\n" + USAGE);
            System.exit(2);
            return;
        }
        if (nodes.isEmpty()) {
            nodes.add(URI.create("http://localhost:5000"));
        }
        Explorer explorer = new Explorer(nodes);
        try {
            explorer.start(host, port);
        } catch (RuntimeException e) {
            System.err.println("error: cannot listen on " + host + ":" + port + "; is something else on that port?"
                    + " Try --port " + (port + 1));
            System.exit(1);
            return;
        }
        System.out.println("explorer of " + nodes + ": open http://" + (host.equals("0.0.0.0") ? "localhost" : host)
                + ":" + explorer.port() + "/ ; stop with Ctrl-C");
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Said below.
        }
        throw new IllegalArgumentException("--port takes a whole number from 0 to 65535, not " + value);
    }
}
