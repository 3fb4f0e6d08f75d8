package clf.blockchain;

/** Step 01 at work: a genesis block and one more, each printed as the JSON that is hashed, with its hash. */
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
