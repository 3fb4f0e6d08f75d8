package clf.blockchain;

import com.google.gson.JsonArray;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The retarget of step 14 against a hash rate that rises fourfold after block 100 of 200, in simulated time: a
 * block's time is its expected guesses, 2^256 / (target + 1), over the hash rate, times an exponential draw, as the
 * time to a first success of many independent guesses is. For each seed it prints the mean block time of each
 * stretch of 50 blocks, against the 10 s the chain wants.
 *
 * <pre>java -cp bench/target/benchmarks.jar clf.blockchain.RetargetSimulation [--runs N]</pre>
 */
@Command(name = "RetargetSimulation", description = "The retarget against a hash rate that rises fourfold.")
public final class RetargetSimulation implements Callable<Integer> {

    @Option(names = "--runs", paramLabel = "N", defaultValue = "10", description = "seeds to run (default: ${DEFAULT-VALUE})")
    int runs;

    public static void main(String[] args) {
        System.exit(new CommandLine(new RetargetSimulation()).execute(args));
    }

    @Override
    public Integer call() {
        Target genesis = Target.ofDifficulty(4);
        Retarget rule = new Retarget(genesis, Retarget.EVERY, Retarget.BLOCK_SECONDS);
        int within = 0;
        for (int seed = 1; seed <= runs; seed++) {
            Random random = new Random(seed);
            List<Block> chain = new ArrayList<>(List.of(Block.of(1, 1.7e9, new JsonArray(), 100, new JsonPrimitive(1),
                    genesis)));
            // Guesses a second: at the genesis target a block takes 10 s, until block 100.
            double rate = Math.pow(2, 256) / (genesis.value().doubleValue() + 1) / Retarget.BLOCK_SECONDS;
            double[] stretch = new double[4];
            for (int height = 1; height <= 200; height++) {
                Target target = rule.next(chain);
                double guesses = Math.pow(2, 256) / (target.value().doubleValue() + 1);
                double seconds = guesses / (height > 100 ? 4 * rate : rate) * -Math.log(1 - random.nextDouble());
                Block last = chain.get(chain.size() - 1);
                chain.add(Block.of(height + 1, last.timestamp() + seconds, new JsonArray(), 0,
                        new JsonPrimitive(Blockchain.hash(last)), target));
                stretch[(height - 1) / 50] += seconds / 50;
            }
            boolean met = Math.abs(stretch[3] - Retarget.BLOCK_SECONDS) <= 0.25 * Retarget.BLOCK_SECONDS;
            within += met ? 1 : 0;
            System.out.printf("seed %2d: mean block time of blocks 1-50 %5.1f s, 51-100 %5.1f s, 101-150 %5.1f s,"
                    + " 151-200 %5.1f s%s%n", seed, stretch[0], stretch[1], stretch[2], stretch[3],
                    met ? "" : "  (more than 25% from 10 s)");
        }
        System.out.printf("the last 50 blocks within 25%% of 10 s in %d of %d runs%n", within, runs);
        return 0;
    }
}
