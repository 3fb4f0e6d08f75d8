package clf.blockchain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class WarmUpTest {

    @Test
    void withXFiveTheSmallestYIsTwentyOne() {
        assertEquals(21, WarmUp.solve(5));
    }

    @Test
    void theHashOfFiveTimesTwentyOneIsTheOneTheTextPrints() {
        assertEquals("1253e9373e781b7500266caa55150e08e210bc8cd8cc70d89985e3600155e860", WarmUp.hashOfProduct(5, 21));
    }

    @Test
    void noSmallerYWorks() {
        for (long y = 0; y < 21; y++) {
            assertFalse(WarmUp.hashOfProduct(5, y).endsWith("0"), "y = " + y);
        }
    }
}
