package clf.blockchain;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Runs the container tests where Docker runs. Elsewhere they are skipped, and a line on the console says why and
 * what to do, except in CI (CI=true), where they always run, so that a missing Docker fails the build instead.
 */
class DockerAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if ("true".equals(System.getenv("CI"))) {
            return ConditionEvaluationResult.enabled("CI runs every container test");
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            return ConditionEvaluationResult.enabled("Docker is running");
        }
        String reason = "Docker is not running here, so the container tests are skipped. Start Docker to run them:"
                + " see docs/step05-consensus.md#the-container-tests";
        // Maven's summary counts a skipped test, and says nothing of why: this line does, once per test class.
        System.out.println(context.getDisplayName() + ": " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }
}
