package clf.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;

/** -Dnode.image: the kit checks a node in a container, here step 05's image, built from its Dockerfile. */
class ImageNodeIT {

    @Test
    void aNodeInAContainerPassesItsLevel() throws Exception {
        String tag = new ImageFromDockerfile("clf-kit-test:step05", false)
                .withFileFromPath("Dockerfile", Path.of("../step05-consensus/Dockerfile"))
                .withFileFromPath("target/step05-consensus.jar", WorkshopNodes.jar(5))
                .withBuildArg("BASE_IMAGE", baseImage()).get();
        try (NodeUnderTest node = NodeUnderTest.image(tag);
                Kit kit = new Kit(new NodeClient(node.url()), 5, Dialect.STRICT, node.peerHost())) {
            Report report = kit.runAll();
            System.out.println(report.summary());
            assertEquals(List.of(), report.failures().stream().map(Report.Result::describe).toList(), report.summary());
        } finally {
            DockerClientFactory.lazyClient().removeImageCmd(tag).withForce(true).exec();
        }
    }

    /** clf-jre:17 (tools/jre-image.sh) where there is no registry to pull the Dockerfile's default from. */
    private static String baseImage() {
        boolean local = !DockerClientFactory.lazyClient().listImagesCmd().withImageNameFilter("clf-jre:17").exec().isEmpty();
        return local ? "clf-jre:17" : "eclipse-temurin:17-jre";
    }
}
