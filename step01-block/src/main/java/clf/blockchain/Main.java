package clf.blockchain;

/**
 * Step 01 at work: a chain with its genesis block and one more block, each printed as the JSON that is hashed,
 * with its hash. There is no proof of work yet, so the second block takes the proof of the text's example block.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Blockchain blockchain = new Blockchain();
        blockchain.newBlock(323454734020L);
        for (Block block : blockchain.chain()) {
            System.out.println("block " + block.index() + ": " + block.canonicalJson());
            System.out.println("  hash: " + Blockchain.hash(block));
        }
        System.out.println("Each block's previous_hash is the hash of the block before it.");
    }
}
