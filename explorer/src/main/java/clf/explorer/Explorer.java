package clf.explorer;

import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.server.handlers.resource.ClassPathResourceManager;
import io.undertow.server.handlers.resource.ResourceHandler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The block explorer: a live web page of a network of nodes, served with a small forwarder so that the page talks
 * to one origin and needs no CORS. Given one node, it finds the others through {@code GET /nodes}. Not a step of the
 * workshop; it works with the nodes of steps 04 to 12 and with the tutorial's own Python node, which all speak the
 * same API.
 *
 * <pre>java -jar explorer/target/explorer.jar --nodes http://localhost:5000</pre>
 */
public final class Explorer {

    /** Kept here: a logger that nobody holds may be collected, and its level forgotten. */
    private static final Logger[] QUIET = {Logger.getLogger("org.xnio"), Logger.getLogger("io.undertow")};

    private final Network network;
    private Undertow server;

    public Explorer(List<URI> nodes) {
        this(nodes, Network.DEFAULT_LIMIT);
    }

    /** Starts from {@code nodes}, and shows at most {@code limit} nodes in all. */
    public Explorer(List<URI> nodes, int limit) {
        this.network = new Network(nodes, limit);
    }

    /** Serves the page and forwards {@code /api/N/...} to node N; finds the network from now on. Port 0 picks a free port. */
    public Explorer start(String host, int port) {
        ResourceHandler page = Handlers.resource(new ClassPathResourceManager(Explorer.class.getClassLoader(), "explorer"))
                .setWelcomeFiles("index.html");
        server = Undertow.builder()
                .addHttpListener(port, host)
                .setHandler(Handlers.path(page).addPrefixPath("/api", new BlockingHandler(new Forwarder(network))))
                .build();
        server.start();
        network.start();
        return this;
    }

    public int port() {
        return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }

    public void stop() {
        network.stop();
        server.stop();
    }

    /** The command line, parsed by picocli. */
    @Command(name = "java -jar explorer.jar",
            description = "Serves the block explorer, a live page of a network of nodes.")
    static final class Options implements Callable<Integer> {

        @Option(names = "--nodes", paramLabel = "A,B", description = "the node to start from, such as"
                + " http://localhost:5000 (the default), or several: the others are found through GET /nodes")
        String nodes = "http://localhost:5000";

        @Option(names = "--max-nodes", paramLabel = "N", defaultValue = "" + Network.DEFAULT_LIMIT,
                description = "the nodes to show at most, those given included (default: ${DEFAULT-VALUE})")
        int maxNodes;

        @Option(names = {"-p", "--port"}, paramLabel = "N", defaultValue = "8000",
                description = "the port of the page (default: ${DEFAULT-VALUE})")
        int port;

        @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "the address to"
                + " listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 in a container)")
        String host;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
        boolean help;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (port < 0 || port > 65535) {
                throw new ParameterException(spec.commandLine(), "--port takes 0 to 65535, not " + port);
            }
            if (maxNodes < 1 || maxNodes > Network.MAX_LIMIT) {
                throw new ParameterException(spec.commandLine(), "--max-nodes takes 1 to " + Network.MAX_LIMIT
                        + ", not " + maxNodes);
            }
            List<URI> addresses;
            try {
                addresses = Forwarder.nodes(nodes);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            for (Logger logger : QUIET) {
                logger.setLevel(Level.WARNING);
            }
            Explorer explorer = new Explorer(addresses, maxNodes);
            try {
                explorer.start(host, port);
            } catch (RuntimeException e) {
                spec.commandLine().getErr().println("error: cannot listen on " + host + ":" + port
                        + "; is something else on that port? Try --port " + (port + 1));
                return 1;
            }
            System.out.println("explorer of " + addresses + " and the nodes they list: open http://" + (host.equals("0.0.0.0") ? "localhost" : host)
                    + ":" + explorer.port() + "/ ; stop with Ctrl-C");
            return 0;
        }
    }

    public static void main(String[] args) {
        int exit = new CommandLine(new Options()).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }
}
