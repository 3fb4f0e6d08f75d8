package clf.conformance;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The node the kit checks: at a URL that is already running, a command the kit starts on a free port ({port} in
 * it) and stops, or a container image that listens on port 5000.
 */
public final class NodeUnderTest implements AutoCloseable {

    private final URI url;
    private final Process process;
    private final GenericContainer<?> container;
    private final Path log;

    private NodeUnderTest(URI url, Process process, GenericContainer<?> container, Path log) {
        this.url = url;
        this.process = process;
        this.container = container;
        this.log = log;
    }

    public static NodeUnderTest at(String url) {
        return new NodeUnderTest(URI.create(url.endsWith("/") ? url : url + "/"), null, null, null);
    }

    /**
     * Starts {@code command} with a shell in {@code directory}, {port} replaced by a free port, and waits until GET
     * /chain answers.
     */
    public static NodeUnderTest start(String command, Path directory, Path log) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        if (!command.contains("{port}")) {
            throw new IllegalArgumentException("node.command has no {port}: the kit gives the node a free port, as in"
                    + " -Dnode.command=\"python3 my_node.py --port {port}\"");
        }
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder("sh", "-c", "exec " + command.replace("{port}", Integer.toString(port)))
                .directory(directory.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        NodeUnderTest node = new NodeUnderTest(URI.create("http://127.0.0.1:" + port + "/"), process, null, log);
        node.awaitReady(command);
        return node;
    }

    public static NodeUnderTest image(String image) {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image)).withExposedPorts(5000)
                .waitingFor(Wait.forHttp("/chain").forStatusCode(200));
        container.start();
        return new NodeUnderTest(URI.create("http://" + container.getHost() + ":" + container.getMappedPort(5000) + "/"),
                null, container, null);
    }

    public URI url() {
        return url;
    }

    /** How this node reaches the kit's peers: the machine itself, or from a container, the Docker host. */
    public String peerHost() {
        return container == null ? "127.0.0.1"
                : container.getContainerInfo().getNetworkSettings().getNetworks().values().iterator().next().getGateway();
    }

    private void awaitReady(String command) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the node stopped with exit code " + process.exitValue() + ": "
                        + command + "\n" + tail());
            }
            try {
                http.send(HttpRequest.newBuilder(url.resolve("/chain")).build(), HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        close();
        throw new IllegalStateException("the node did not answer GET /chain within 60 s: " + command + "\n" + tail());
    }

    /** The end of the node's output, for a report. */
    public String tail() throws IOException {
        if (log == null || !Files.exists(log)) {
            return "";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    @Override
    public void close() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (container != null) {
            container.stop();
        }
    }
}
