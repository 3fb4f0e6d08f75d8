package clf.blockchain;

import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Step 03 at work: from the genesis proof 100 the text's rule finds 35293 and 35089, the text's proofs. */
@Command(name = "java -jar step03-proof-of-work.jar", description = "Mines three blocks after genesis and prints the chain.")
public final class Main implements Callable<Integer> {

    @Option(names = "--difficulty", paramLabel = "N", defaultValue = "4",
            description = "leading hex zeros a proof needs, 1 to 64 (default: ${DEFAULT-VALUE}, as in the text)")
    int difficulty;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main());
    }

    @Override
    public Integer call() {
        check(difficulty >= 1 && difficulty <= 64, "--difficulty takes 1 to 64, not " + difficulty);
        Blockchain blockchain = new Blockchain(new ProofOfWork(ProofOfWork.Rule.TEXT, difficulty), Clock.systemUTC());
        System.out.println("mining 3 blocks at difficulty " + difficulty);
        for (int i = 1; i <= 3; i++) {
            ProofOfWork.Result result = blockchain.proofOfWork(blockchain.lastBlock());
            blockchain.newTransaction("0", "this-miner", 1);
            Block block = blockchain.newBlock(result.proof());
            System.out.println("mined block " + block.index() + ": " + result);
        }
        for (Block block : blockchain.chain()) {
            System.out.println("block " + block.index() + ": " + block.canonicalJson());
            System.out.println("  hash: " + Blockchain.hash(block));
        }
        return 0;
    }

    private void check(boolean valid, String problem) {
        if (!valid) {
            throw new ParameterException(spec.commandLine(), problem);
        }
    }
}
