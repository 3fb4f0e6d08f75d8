package clf.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The explorer in a real browser: Debian's Chromium, headless, driven by Selenium, against real nodes of steps 04, 05
 * and 16 run from their jars. Without Chromium these tests are skipped with a message, except in CI (CI=true), where
 * they must run.
 */
class ExplorerIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path STEP04 = Path.of("../step04-http-api/target/step04-http-api.jar");
    static final Path STEP05 = Path.of("../step05-consensus/target/step05-consensus.jar");
    static final Path STEP16 = Path.of("../step16-merkle-proofs/target/step16-merkle-proofs.jar");

    static ChromeDriver browser;
    static WebDriverWait wait;
    final List<Process> processes = new ArrayList<>();
    Explorer explorer;
    @TempDir
    Path tmp;

    @BeforeAll
    static void openTheBrowser() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && !"true".equals(System.getenv("CI"))) {
            Assumptions.abort("Chromium is not installed, so the browser tests are skipped. Install it to run them:"
                    + " sudo apt-get install chromium chromium-driver (see docs/explorer.md)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1500,1800");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        // The page draws its network and its table of new tips again when they change: an element may go meanwhile.
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void theStepsAreBuilt() {
        assertTrue(Files.exists(STEP04) && Files.exists(STEP05) && Files.exists(STEP16),
                "the browser tests run nodes from the steps' jars: build them first with ./mvnw -q package -DskipTests");
    }

    @AfterEach
    void stop() {
        if (explorer != null) {
            explorer.stop();
        }
        processes.forEach(Process::destroyForcibly);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Runs a jar's command to its end and returns what it printed. */
    String run(Path jar, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaCommand(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), output);
        return output.strip();
    }

    static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Starts a node from a step's jar on a free port and waits until it serves its chain; returns its address. */
    String node(Path jar, String... args) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(javaCommand(), "-jar", jar.toString(), "--port", String.valueOf(port)));
        command.addAll(List.of(args));
        return started(command, port);
    }

    String started(List<String> command, int port) throws Exception {
        Path log = tmp.resolve("node-" + port + ".log");
        processes.add(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start());
        String address = "http://127.0.0.1:" + port;
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < 300; i++) {
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(address + "/chain")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return address;
                }
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the node did not start: " + Files.readString(log));
    }

    void open(String... nodes) {
        explorer = new Explorer(Forwarder.nodes(String.join(",", nodes))).start("127.0.0.1", 0);
        browser.get("http://127.0.0.1:" + explorer.port() + "/");
    }

    List<WebElement> blocks(int node) {
        return browser.findElements(By.cssSelector("section[data-node='" + node + "'] .block"));
    }

    WebElement block(int node, int index) {
        return blocks(node).get(index - 1);
    }

    void click(int node, String action) {
        browser.findElement(By.cssSelector("section[data-node='" + node + "'] [data-action='" + action + "']")).click();
    }

    String status(int node) {
        return browser.findElement(By.cssSelector("section[data-node='" + node + "'] [data-role='status']")).getText();
    }

    void waitForBlocks(int node, int count) {
        wait.until(driver -> blocks(node).size() == count);
    }

    @Test
    void thePageHashesBlocksAsTheNodesDoForEveryJavaHashVector() throws Exception {
        open(node(STEP04));
        wait.until(driver -> blocks(0).size() == 1);
        int checked = 0;
        for (String line : Files.readAllLines(Path.of("../step01-block/src/test/resources/hash-vectors.jsonl"))) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            JsonObject vector = JsonParser.parseString(line).getAsJsonObject();
            Object result = ((JavascriptExecutor) browser).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                    + "const canonical = Canonical.write(Canonical.parse(arguments[0]));"
                    + "Canonical.sha256Hex(canonical).then(hash => done([canonical, hash]));",
                    vector.get("block").toString());
            List<?> pair = (List<?>) result;
            assertEquals(vector.get("canonical").getAsString(), pair.get(0), vector.get("name").getAsString());
            assertEquals(vector.get("sha256").getAsString(), pair.get(1), vector.get("name").getAsString());
            checked++;
        }
        assertEquals(12, checked);
        int headers = 0;
        for (String step : List.of("step13-header", "step15-most-work", "step16-merkle-proofs")) {
            for (String line : Files.readAllLines(Path.of("..", step, "src/test/resources/header-vectors.jsonl"))) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                JsonObject vector = JsonParser.parseString(line).getAsJsonObject();
                Object hash = ((JavascriptExecutor) browser).executeAsyncScript(
                        "const done = arguments[arguments.length - 1];"
                        + "Canonical.hash(Canonical.parse(arguments[0])).then(done);", vector.get("block").toString());
                assertEquals(vector.get("hash").getAsString(), hash, step + ": " + vector.get("name").getAsString());
                headers++;
            }
        }
        assertEquals(36, headers);

        Process python = new ProcessBuilder("/usr/bin/python3", "src/test/resources/odd-json.py").start();
        JsonObject odd = JsonParser.parseString(new String(python.getInputStream().readAllBytes())).getAsJsonObject();
        assertEquals(0, python.waitFor());
        Object written = ((JavascriptExecutor) browser).executeScript(
                "return Canonical.write(Canonical.parse(arguments[0]));", odd.get("text").getAsString());
        assertEquals(odd.get("canonical").getAsString(), written, "floats, text and keys as Python writes them");
        System.out.println("explorer: the page's canonical JSON and SHA-256 match all " + checked + " hash vectors,"
                + " the 36 header vectors of steps 13, 15 and 16, and Python's canonical form of 2,000 odd floats, texts and keys");
    }

    @Test
    void aNodeOfStep05ShowsItsBlocksMinesAndTakesAPlainTransaction() throws Exception {
        String address = node(STEP05, "--difficulty", "3");
        open(address);
        waitForBlocks(0, 1);
        browser.findElement(By.cssSelector("section[data-node='0'] [name='sender']")).sendKeys("alice");
        browser.findElement(By.cssSelector("section[data-node='0'] [name='recipient']")).sendKeys("bob");
        browser.findElement(By.cssSelector("section[data-node='0'] [name='amount']")).sendKeys("5");
        click(0, "pay");
        wait.until(driver -> status(0).contains("Transaction will be added to Block 2"));
        wait.until(driver -> pending(0).contains("pending transactions (1)"));
        click(0, "mine");
        waitForBlocks(0, 2);
        assertTrue(block(0, 2).getText().contains("alice → bob: 5"), block(0, 2).getText());
        assertEquals("ok", link(0, 2));
        wait.until(driver -> pending(0).contains("pending transactions (0)"));

        // Live: a block mined by someone else, straight on the node, shows without a click.
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(address + "/mine")).build(),
                HttpResponse.BodyHandlers.discarding());
        waitForBlocks(0, 3);
    }

    @Test
    void twoNodesForkAgreeAfterAResolveAndATamperedBlockBreaksEveryLaterLink() throws Exception {
        Path wallet = tmp.resolve("miner.pem");
        run(STEP16, "wallet", "new", "--out", wallet.toString());
        String miner = run(STEP16, "wallet", "address", "--key", wallet.toString());
        Path otherWallet = tmp.resolve("other.pem");
        run(STEP16, "wallet", "new", "--out", otherWallet.toString());
        String other = run(STEP16, "wallet", "address", "--key", otherWallet.toString());
        String a = node(STEP16, "--difficulty", "3", "--miner-address", miner);
        String b = node(STEP16, "--difficulty", "3", "--miner-address", other);
        open(a, b);
        waitForBlocks(0, 1);
        waitForBlocks(1, 1);
        assertTrue(block(0, 1).getAttribute("class").contains("fork-"), "two nodes started apart: two genesis blocks");

        click(0, "mine");
        waitForBlocks(0, 2);
        for (int i = 2; i <= 4; i++) {
            click(1, "mine");
            waitForBlocks(1, i);
        }
        assertNotEquals(block(0, 2).getAttribute("data-hash"), block(1, 2).getAttribute("data-hash"));
        browser.findElement(By.cssSelector("section[data-node='0'] [name='peers']")).sendKeys(b);
        click(0, "register");
        wait.until(driver -> status(0).contains("New nodes have been added"));
        wait.until(driver -> browser.findElement(By.cssSelector("section[data-node='0'] [data-role='peers']"))
                .getAttribute("textContent").contains(b));
        wait.until(driver -> graph("[data-link='0-1']").size() == 1);
        click(0, "resolve");
        // A complete node greets a new peer with its tip, so A may have taken B's chain by gossip before the resolve.
        wait.until(driver -> status(0).contains("Our chain was replaced") || status(0).contains("Our chain is authoritative"));
        waitForBlocks(0, 4);
        wait.until(driver -> blocks(0).stream().allMatch(card -> card.getAttribute("class").contains("shared")));
        for (int i = 1; i <= 4; i++) {
            assertEquals(block(1, i).getAttribute("data-hash"), block(0, i).getAttribute("data-hash"), "block " + i);
        }
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript("return performance.getEntriesByType"
                + "('resource').some(entry => entry.name.includes('/chain?from='))"), "complete nodes send only new blocks");

        // The tamper demo: one more proof in block 2, in the page only.
        String honest = block(0, 2).getAttribute("data-hash");
        block(0, 2).findElement(By.cssSelector("[data-action='tamper']")).click();
        WebElement editor = block(0, 2).findElement(By.cssSelector("[data-role='editor']"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[0].value.replace(/\"proof\": (\\d+)/,"
                + " (all, proof) => '\"proof\": ' + (Number(proof) + 1)); arguments[0].dispatchEvent(new Event('input'));", editor);
        wait.until(driver -> !honest.equals(block(0, 2).getAttribute("data-hash")));
        wait.until(driver -> "broken".equals(link(0, 3)) && "broken".equals(link(0, 4)));
        assertEquals("ok", link(0, 2), "block 2 still points at block 1; its own hash changed");
        assertTrue(block(0, 3).getAttribute("class").contains("invalid"));
        assertTrue(block(0, 4).getAttribute("class").contains("invalid"));
        Path screenshot = Path.of("target", "explorer.png");
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), screenshot, StandardCopyOption.REPLACE_EXISTING);
        block(0, 2).findElement(By.cssSelector("[data-action='reset']")).click();
        wait.until(driver -> honest.equals(block(0, 2).getAttribute("data-hash")) && "ok".equals(link(0, 4)));

        // A reward paid to someone else keeps the header, and so the hash, but not the merkle_root.
        block(0, 2).findElement(By.cssSelector("[data-action='tamper']")).click();
        editor = block(0, 2).findElement(By.cssSelector("[data-role='editor']"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[0].value.replace(/\"recipient\": \"[0-9a-f]{64}\"/,"
                + " '\"recipient\": \"' + 'ab'.repeat(32) + '\"'); arguments[0].dispatchEvent(new Event('input'));", editor);
        wait.until(driver -> "broken".equals(link(0, 2)));
        assertEquals(honest, block(0, 2).getAttribute("data-hash"), "the header, and so the hash, is unchanged");
        assertTrue(block(0, 2).getText().contains("its transactions are not those its header names"),
                block(0, 2).getText());
        block(0, 2).findElement(By.cssSelector("[data-action='reset']")).click();
        wait.until(driver -> "ok".equals(link(0, 2)) && "ok".equals(link(0, 4)));

        // A signed payment, signed in the page with the wallet's key, as `wallet send` signs it.
        click(0, "mine");
        waitForBlocks(0, 5);
        browser.findElement(By.cssSelector("section[data-node='0'] [name='key']")).sendKeys(Files.readString(wallet));
        browser.findElement(By.cssSelector("section[data-node='0'] [name='recipient']")).sendKeys(other);
        browser.findElement(By.cssSelector("section[data-node='0'] [name='amount']")).sendKeys("1");
        click(0, "pay");
        wait.until(driver -> status(0).contains("Transaction will be added to Block 6"));
        click(0, "mine");
        waitForBlocks(0, 6);
        assertTrue(block(0, 6).getText().contains(": 1 (nonce 1)"), block(0, 6).getText());
        System.out.println("explorer: blocks appear, mining adds one, a fork is shown and resolved, a tampered block"
                + " breaks every later link, a payment signed in the page is mined; screenshot in " + screenshot.toAbsolutePath());
    }

    @Test
    void aPaymentsMerkleProofIsWalkedUpItsBlocksTreeToTheHeadersRoot() throws Exception {
        Path wallet = tmp.resolve("payer.pem");
        run(STEP16, "wallet", "new", "--out", wallet.toString());
        String payer = run(STEP16, "wallet", "address", "--key", wallet.toString());
        String a = node(STEP16, "--difficulty", "3", "--miner-address", payer);
        for (int i = 0; i < 4; i++) {
            get(a, "/mine");
        }
        for (int i = 0; i < 4; i++) {
            run(STEP16, "wallet", "send", "--key", wallet.toString(), "--to", payer, "--amount", "1", "--node", a);
        }
        get(a, "/mine");
        open(a);
        waitForBlocks(0, 6);
        List<WebElement> buttons = block(0, 6).findElements(By.cssSelector("[data-action='proof']"));
        assertEquals(5, buttons.size(), "four payments and the reward: a tree of five leaves");
        // In a tree of five, leaves 0-3 sit three levels down and leaf 4 one level, beside the root of the other four.
        List<Integer> levels = List.of(3, 3, 3, 3, 1);
        for (int leaf = 0; leaf < 5; leaf++) {
            block(0, 6).findElements(By.cssSelector("[data-action='proof']")).get(leaf).click();
            String title = "proof of payment " + (leaf + 1) + " of block #6";
            wait.until(driver -> proof(0).contains(title) && !verdicts(0).isEmpty());
            assertEquals("true", verdicts(0).get(0).getAttribute("data-ok"), proof(0));
            assertTrue(proof(0).contains("is in block #6, shown by " + levels.get(leaf)), proof(0));
            assertEquals((int) levels.get(leaf), panel(0).findElements(By.cssSelector("[data-role='step']")).size(), proof(0));
        }
        assertEquals("left", panel(0).findElement(By.cssSelector("[data-role='step']")).getAttribute("data-side"),
                "leaf 4's one sibling is the root of leaves 0-3, on its left");

        // The page's walk refuses what the issue's tampers make of the node's own proof of leaf 0.
        List<?> roots = (List<?>) ((JavascriptExecutor) browser).executeAsyncScript("const done = arguments[1];"
                + "(async () => { const chain = Canonical.parse(await (await fetch('/api/0/chain')).text()).chain;"
                + " const block = chain[5]; const t = block.transactions[0];"
                + " const p = await (await fetch('/api/0/transactions/' + await Canonical.transactionId(t) + '/proof')).json();"
                + " const flip = (h) => (h[0] === '0' ? '1' : '0') + h.slice(1);"
                + " const tries = [[0, 5, p.path], [1, 5, p.path], [2, 5, p.path], [0, 10, p.path], [0, 2, p.path],"
                + "  [0, 5, [flip(p.path[0]), ...p.path.slice(1)]], [0, 5, p.path.slice(1)], [0, 5, [...p.path, p.path[0]]]];"
                + " const out = [block.merkle_root];"
                + " for (const [i, n, path] of tries) out.push((await Canonical.walkProof(t, i, n, path)).root);"
                + " done(out); })();", "");
        assertEquals(roots.get(0), roots.get(1), "the proof as the node sends it");
        for (int i = 2; i < roots.size(); i++) {
            assertNotEquals(roots.get(0), roots.get(i), "tamper " + (i - 1) + " must not lead to the root");
        }

        // A root changed in the page: the node's path no longer leads to it.
        block(0, 6).findElement(By.cssSelector("[data-action='tamper']")).click();
        WebElement editor = block(0, 6).findElement(By.cssSelector("[data-role='editor']"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[0].value.replace(/\"merkle_root\": \"[0-9a-f]/,"
                + " m => m.slice(0, -1) + (m.endsWith('0') ? '1' : '0')); arguments[0].dispatchEvent(new Event('input'));", editor);
        wait.until(driver -> block(0, 6).getAttribute("class").contains("tampered"));
        block(0, 6).findElements(By.cssSelector("[data-action='proof']")).get(0).click();
        wait.until(driver -> proof(0).contains("not to the header's merkle_root"));
        assertEquals("false", verdicts(0).get(0).getAttribute("data-ok"));
        // A payment changed in the page has another id, which no block of the node holds.
        block(0, 6).findElement(By.cssSelector("[data-action='reset']")).click();
        block(0, 6).findElement(By.cssSelector("[data-action='tamper']")).click();
        editor = block(0, 6).findElement(By.cssSelector("[data-role='editor']"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[0].value.replace(/\"amount\": 1/,"
                + " '\"amount\": 2'); arguments[0].dispatchEvent(new Event('input'));", editor);
        wait.until(driver -> "broken".equals(link(0, 6)));
        block(0, 6).findElements(By.cssSelector("[data-action='proof']")).get(0).click();
        wait.until(driver -> proof(0).contains("the node gives no proof"));
        assertTrue(proof(0).contains("no block of this node's chain holds transaction"), proof(0));
        Path screenshot = Path.of("target", "explorer-proof.png");
        block(0, 6).findElement(By.cssSelector("[data-action='reset']")).click();
        block(0, 6).findElements(By.cssSelector("[data-action='proof']")).get(2).click();
        wait.until(driver -> proof(0).contains("proof of payment 3 of block #6") && !verdicts(0).isEmpty());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), screenshot, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("explorer: the proofs of all five payments of a block lead to its header's merkle_root (3, 3,"
                + " 3, 3 and 1 hashes), seven tampers of one do not, nor a root or a payment changed in the page;"
                + " screenshot in " + screenshot.toAbsolutePath());
    }

    WebElement panel(int node) {
        return browser.findElement(By.cssSelector("section[data-node='" + node + "'] [data-role='proof']"));
    }

    String proof(int node) {
        return panel(node).getText();
    }

    List<WebElement> verdicts(int node) {
        return panel(node).findElements(By.cssSelector("[data-role='verdict']"));
    }

    static void get(String node, String path) throws Exception {
        HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, reply.statusCode(), reply.body());
    }

    @Test
    void theTextsOwnPythonNodeWorksToo() throws Exception {
        boolean flask = new ProcessBuilder("/usr/bin/python3", "-c", "import flask").start().waitFor() == 0;
        if (!flask && !"true".equals(System.getenv("CI"))) {
            Assumptions.abort("Flask is not installed for /usr/bin/python3, so the text's node cannot run here:"
                    + " sudo apt-get install python3-flask python3-requests");
        }
        int port = freePort();
        open(started(List.of("/usr/bin/python3", "../tools/text-node.py", String.valueOf(port)), port));
        waitForBlocks(0, 1);
        click(0, "mine");
        waitForBlocks(0, 2);
        assertEquals("ok", link(0, 2), "the page hashes the Python node's genesis as the Python node does");
        wait.until(driver -> browser.findElement(By.cssSelector("section[data-node='0'] [data-role='pending']"))
                .getAttribute("textContent").contains("this node does not list them"));
    }

    /**
     * Three nodes of step 16 in a line, A - B - C, and the explorer given A alone: it finds B and C through GET
     * /nodes and draws the three and their two links; a block mined on A shows on C, which only B tells, and the
     * table of new tips says when the page first saw it on each node.
     */
    @Test
    void theNetworkIsFoundFromOneAddressAndABlockIsSeenTravellingToTheThirdNode() throws Exception {
        Path wallet = tmp.resolve("line.pem");
        run(STEP16, "wallet", "new", "--out", wallet.toString());
        String miner = run(STEP16, "wallet", "address", "--key", wallet.toString());
        // Each keeps to its neighbours (--max-peers), so that discovery does not join A and C: the line stays a line.
        String a = node(STEP16, "--difficulty", "3", "--miner-address", miner, "--max-peers", "1");
        String b = node(STEP16, "--difficulty", "3", "--max-peers", "2");
        String c = node(STEP16, "--difficulty", "3", "--max-peers", "1");
        register(a, b);
        register(b, a, c);
        register(c, b);
        open(a);
        wait.until(driver -> graph("[data-node]").size() == 3 && graph("[data-link]").size() == 2);
        assertEquals(List.of("0-1", "1-2"), wait.until(driver -> graph("[data-link]").stream()
                .map(line -> line.getAttribute("data-link")).sorted().toList()), "A - B and B - C, and no link from A to C");
        for (int i = 0; i < 3; i++) {
            waitForBlocks(i, 1);
        }
        assertEquals(List.of(a, b, c), browser.findElements(By.cssSelector("section.node h2")).stream()
                .map(title -> title.getText().replaceAll("^node \\d+: (\\S+).*", "$1")).toList());
        wait.until(driver -> browser.findElement(By.id("network-note")).getText().startsWith("3 nodes and 2 links"));

        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(a + "/mine")).build(),
                HttpResponse.BodyHandlers.discarding());
        waitForBlocks(0, 2);
        String hash = block(0, 2).getAttribute("data-hash");
        waitForBlocks(2, 2);
        assertEquals(hash, block(2, 2).getAttribute("data-hash"), "C has A's block, which B passed on");
        By row = By.cssSelector("[data-role='travel'] tr[data-hash='" + hash + "']");
        wait.until(driver -> driver.findElements(row).size() == 1 && driver.findElement(row)
                .findElements(By.cssSelector("td[data-ms]")).size() == 3);
        // Read at once, in the page: the table may be drawn again between two reads.
        List<?> table = (List<?>) ((JavascriptExecutor) browser).executeScript("const rows = document"
                + ".querySelectorAll(\"[data-role='travel'] tbody tr\"); const row = [...rows].find(r => r.dataset.hash"
                + " === arguments[0]); return [rows.length, row.dataset.index, ...[0, 1, 2].map(i =>"
                + " row.querySelector(`td[data-node='${i}']`)).map(cell => cell.textContent + '|' + cell.dataset.ms)];", hash);
        assertEquals(1L, table.get(0), "one new tip: the tips the page found when it opened are not followed");
        assertEquals("2", table.get(1));
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String[] cell = ((String) table.get(2 + i)).split("\\|");
            assertTrue(cell[0].matches("\\+\\d+ ms"), "node " + i + ": " + cell[0]);
            times.add(Long.parseLong(cell[1]));
        }
        assertEquals(0L, times.stream().mapToLong(Long::longValue).min().orElseThrow(), "times after the first: " + times);
        wait.until(driver -> graph("[data-node] [data-role='tip']").stream()
                .allMatch(tip -> tip.getText().startsWith("tip #2 " + hash.substring(0, 10))));
        Path screenshot = Path.of("target", "explorer-network.png");
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), screenshot, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("explorer: three nodes and two links found from one address; block 2 seen on nodes 0, 1, 2"
                + " at +" + times.get(0) + ", +" + times.get(1) + ", +" + times.get(2) + " ms; screenshot in "
                + screenshot.toAbsolutePath());
    }

    List<WebElement> graph(String selector) {
        return browser.findElements(By.cssSelector("[data-role='graph'] " + selector));
    }

    /** POST /nodes/register on {@code node} with {@code peers}. */
    static void register(String node, String... peers) throws Exception {
        String body = "{\"nodes\": [\"" + String.join("\", \"", peers) + "\"]}";
        HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(node + "/nodes/register"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, reply.statusCode(), reply.body());
    }

    String pending(int node) {
        return browser.findElement(By.cssSelector("section[data-node='" + node + "'] [data-role='pending']"))
                .getAttribute("textContent");
    }

    String link(int node, int index) {
        return block(node, index).findElement(By.cssSelector("[data-role='link']")).getAttribute("data-link");
    }
}
