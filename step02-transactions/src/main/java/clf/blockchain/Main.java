package clf.blockchain;

/** Step 02 at work: two transactions wait in the pending list, then a new block takes them in. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Blockchain blockchain = new Blockchain();
        long index = blockchain.newTransaction("852714982as982341a4b27ee00", "a77f5cdfa2934hv25c7c7da5df1f", 5);
        blockchain.newTransaction("a77f5cdfa2934hv25c7c7da5df1f", "852714982as982341a4b27ee00", 2);
        System.out.println("2 transactions will be added to block " + index + ": "
                + CanonicalJson.write(blockchain.currentTransactions()));
        blockchain.newBlock(323454734020L);
        for (Block block : blockchain.chain()) {
            System.out.println("block " + block.index() + ": " + block.canonicalJson());
            System.out.println("  hash: " + Blockchain.hash(block));
        }
        System.out.println("pending now: " + CanonicalJson.write(blockchain.currentTransactions()));
    }
}
