package clf.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The commands that start the workshop's own nodes, from the jars the build made, and the text's node. */
final class WorkshopNodes {

    static final String TEXT_NODE = "/usr/bin/python3 ../tools/text-node.py {port}";

    private WorkshopNodes() {
    }

    /**
     * The command for a node of {@code step} (4 to 12, or 16); from step 06 on, it mines for a key made by its wallet,
     * and at step 16 for the kit's miner key, which level 16 pays with.
     */
    static String command(int step) throws IOException, InterruptedException {
        Path jar = jar(step);
        String command = "java -jar " + jar + " --port {port}";
        if (step < 6) {
            return command;
        }
        if (step == Kit.MERKLE) {
            return command + " --miner-address " + Keys.MINER.address();
        }
        Path key = Path.of("target", "kit-miner-step" + step + ".pem");
        if (!Files.exists(key)) {
            Process wallet = new ProcessBuilder("java", "-jar", jar.toString(), "wallet", "new", "--out", key.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (wallet.waitFor() != 0) {
                throw new IllegalStateException("`wallet new` of " + jar + " failed");
            }
        }
        return command + " --miner-key " + Path.of("target", "kit-miner-step" + step + ".pub.pem");
    }

    static Path jar(int step) throws IOException {
        String prefix = String.format("step%02d-", step);
        try (Stream<Path> modules = Files.list(Path.of(".."))) {
            Path module = modules.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
            Path jar = module.resolve("target").resolve(module.getFileName() + ".jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is not built: run `./mvnw -q package -DskipTests -pl "
                        + module.getFileName() + "` first");
            }
            return jar;
        }
    }
}
