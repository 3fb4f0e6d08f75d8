package clf.blockchain;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ContainerNetwork;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Future;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.lifecycle.Startables;

/** Node containers built from this step's Dockerfile, once per run, on one Docker network. */
final class NodeContainers {

    static final String DEFAULT_BASE_IMAGE = "eclipse-temurin:17-jre";
    static final String LOCAL_BASE_IMAGE = "clf-jre:17";
    private static Future<String> image;

    private NodeContainers() {
    }

    /** The node image, built on first use from the Dockerfile and the jar that `mvn package` made. */
    static synchronized Future<String> image() {
        if (image == null) {
            image = new ImageFromDockerfile("clf-node-test:step05", false)
                    .withFileFromPath("Dockerfile", Path.of("Dockerfile"))
                    .withFileFromPath("target/step05-consensus.jar", Path.of("target/step05-consensus.jar"))
                    .withBuildArg("BASE_IMAGE", baseImage());
        }
        return image;
    }

    /** Removes the node image that this run built, so that runs leave no images behind. */
    static synchronized void removeImage() {
        if (image != null) {
            try {
                DockerClientFactory.lazyClient().removeImageCmd(image.get()).withForce(true).exec();
            } catch (Exception e) {
                // Already gone, or never built: nothing to remove.
            }
            image = null;
        }
    }

    /** The base image: the one asked for with -Dnode.base.image, or the local offline one if it is there. */
    static String baseImage() {
        String asked = System.getProperty("node.base.image", "");
        if (!asked.isBlank()) {
            return asked;
        }
        DockerClient docker = DockerClientFactory.lazyClient();
        boolean local = !docker.listImagesCmd().withImageNameFilter(LOCAL_BASE_IMAGE).exec().isEmpty();
        return local ? LOCAL_BASE_IMAGE : DEFAULT_BASE_IMAGE;
    }

    /** A node container that answers on the network by {@code alias}, started with the extra arguments. */
    @SuppressWarnings("resource")
    static GenericContainer<?> node(Network network, String alias, String... arguments) {
        GenericContainer<?> node = new GenericContainer<>(image())
                .withNetwork(network)
                .withNetworkAliases(alias)
                .withExposedPorts(5000)
                .withCreateContainerCmdModifier(command -> command.withName("clf-test-" + alias + "-" + System.nanoTime()))
                .waitingFor(Wait.forHttp("/chain").forStatusCode(200).withStartupTimeout(Duration.ofSeconds(60)));
        // Arguments after the image's entry point (java -jar /app/node.jar --port 5000).
        String[] command = new String[arguments.length + 2];
        command[0] = "--node-id";
        command[1] = alias;
        System.arraycopy(arguments, 0, command, 2, arguments.length);
        node.withCommand(command);
        return node;
    }

    /** Starts the containers at once, not one after another. */
    static void startAll(List<? extends GenericContainer<?>> nodes) {
        Startables.deepStart(nodes).join();
    }

    /** Cuts a container off the network, as a broken cable would. */
    static void disconnect(GenericContainer<?> node, Network network) {
        DockerClientFactory.instance().client().disconnectFromNetworkCmd()
                .withNetworkId(network.getId()).withContainerId(node.getContainerId()).exec();
    }

    /** Connects a container to a network under an alias, or plugs it back in after {@link #disconnect}. */
    static void reconnect(GenericContainer<?> node, Network network, String alias) {
        DockerClientFactory.instance().client().connectToNetworkCmd()
                .withNetworkId(network.getId()).withContainerId(node.getContainerId())
                .withContainerNetwork(new ContainerNetwork().withAliases(alias)).exec();
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static URI uri(GenericContainer<?> node, String path) {
        return URI.create("http://" + node.getHost() + ":" + node.getMappedPort(5000) + path);
    }

    /** The status and JSON body of a request to a node from this test. */
    record Reply(int status, String body) {
        JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }
    }

    static Reply get(GenericContainer<?> node, String path) {
        return send(HttpRequest.newBuilder(uri(node, path)).GET());
    }

    static Reply post(GenericContainer<?> node, String path, String json) {
        return send(HttpRequest.newBuilder(uri(node, path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    return new Reply(response.statusCode(), response.body());
                } catch (ConnectException e) {
                    // Docker re-plumbs a container's published port when it joins a network: nothing was sent yet.
                    if (attempt == 25) {
                        throw e;
                    }
                    Thread.sleep(200);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
