package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/** tools/check-chain.py, written from the page alone, agrees with the node: a second implementation of the rule. */
@ExtendWith(ChainCheckerTest.PythonAvailable.class)
@Tag("exercise-13.1")
class ChainCheckerTest {

    /** Runs where there is a python3; elsewhere skips with a message, except in CI, where it must run. */
    static class PythonAvailable implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            try {
                if ("true".equals(System.getenv("CI")) || run("--version").exit == 0) {
                    return ConditionEvaluationResult.enabled("python3 is here");
                }
            } catch (IOException e) {
                // Said below.
            }
            return ConditionEvaluationResult.disabled("tools/check-chain.py needs python3 (skipped here)");
        }
    }

    record Run(int exit, String output) {
    }

    static Run run(String... arguments) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("python3"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("python3 " + arguments[0] + " did not end within 30 s");
            }
            return new Run(process.exitValue(), output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    @Test
    @Tag("exercise-15.1")
    @Tag("exercise-16.1")
    void theCheckerAcceptsTheNodesChainBlockByBlock() throws IOException {
        try (TestNode node = new TestNode()) {
            node.mine();
            assertEquals(201, node.pay(node.miner, Wallet.create().address(), 1).status());
            node.mine();
            Run run = run("../tools/check-chain.py", node.address(), "--every", "1000000");
            assertEquals(0, run.exit(), run.output());
            assertTrue(run.output().contains("block 3: " + Blockchain.hash(node.node.blockchain().lastBlock())),
                    run.output());
            assertTrue(run.output().endsWith("3 blocks, every rule kept\n"), run.output());
        }
    }

    @Test
    @Tag("exercise-15.1")
    @Tag("exercise-16.1")
    void theCheckerRefusesWhatTheNodeRefusesAndSaysWhy() throws IOException {
        List<Block> honest = Chains.mined(2, Wallet.create());
        JsonObject swapped = honest.get(2).toJson();
        swapped.add("transactions", honest.get(1).transactions());
        JsonObject harder = honest.get(2).toJson();
        harder.addProperty("target", Target.ofDifficulty(5).hex());
        for (JsonObject bad : List.of(swapped, harder)) {
            try (FakePeer peer = new FakePeer(FakePeer.answering(200, AttackLabTest.json(honest.subList(0, 2), bad, 3)))) {
                Run run = run("../tools/check-chain.py", peer.address(), "--every", "1000000");
                assertEquals(1, run.exit(), run.output());
                assertTrue(run.output().contains("block 3: its "), run.output());
            }
        }
    }
}
