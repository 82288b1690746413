package dev.rustengineer.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rustengineer.RustEngineer;
import dev.rustengineer.generate.ProjectWriter;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page as a person uses it, in Debian's headless Chromium (scripts/setup.d/30-chromium.sh installs it): type a
 * brief and read the decision trees, share the link and open it again, switch on "Use Rust anyway" where the advice
 * routes away, preview the files as a tree and copy or download one, download the zip and a handoff package, audit an
 * archive, in light and dark and on a phone. axe-core (scripts/setup.d/37-axe-core.sh) checks every state for serious
 * or critical accessibility violations, and screenshots of each state are written to target/screenshots/ for review.
 */
class WebPageIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROUTING_BRIEF = "A REST API for orders; p99 under 5 ms; data in PostgreSQL";
    private static final Path SHOTS = Path.of("target", "screenshots");

    private static Javalin app;
    private static String base;
    private static Path downloads;
    private static ChromeDriver driver;
    private static WebDriverWait wait;
    private static String axeSource;

    @BeforeAll
    static void start() throws Exception {
        Path axe = Path.of(System.getenv().getOrDefault("RUST_ENGINEER_PEER_TOOLS", System.getProperty("user.home")
                + "/.cache/rust-engineer/peer-tools"), "axe", "node_modules", "axe-core", "axe.min.js");
        assertThat(axe).as("axe-core: run scripts/setup.d/37-axe-core.sh").isRegularFile();
        axeSource = Files.readString(axe);
        app = new WebServer(RustEngineer.shared(), WebLimits.defaults()).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
        downloads = Files.createTempDirectory("web-page-it-");
        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1366,900",
                "--hide-scrollbars", "--user-data-dir=" + downloads.resolve("profile"));
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        prefs.put("profile.default_content_setting_values.automatic_downloads", 1);
        options.setExperimentalOption("prefs", prefs);
        // The Debian driver, given by path, so Selenium never tries to download one.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        driver.executeCdpCommand("Browser.grantPermissions", Map.of("origin", base,
                "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
    }

    @AfterAll
    static void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        app.stop();
        ProjectWriter.deleteTree(downloads);
    }

    @BeforeEach
    void desktopInLight() {
        viewport(1366, 900, false);
        scheme("light");
    }

    @Test
    void theAdviceIsDrawnWithoutMarkdownAndALinkReproducesIt() {
        open("");
        axe("empty");
        shot("desktop-empty");
        // The check can fail: a button without a name is a critical violation.
        driver.executeScript("const b = document.createElement('button'); b.id = 'nameless'; document.body.append(b);");
        assertThat(axeViolations("self-check")).anyMatch(v -> v.contains("critical button-name"));
        driver.executeScript("document.getElementById('nameless').remove()");
        // One short form: one kind, human labels, the brief's other questions folded under "More".
        List<String> labels = texts("label, legend");
        assertThat(labels.stream().filter(l -> l.equalsIgnoreCase("kind"))).hasSize(1);
        assertThat(driver.findElements(By.id("f-kind"))).as("the brief's kind is not asked a second time").isEmpty();
        assertThat(labels).noneMatch(l -> l.matches(".*\\b[a-z]+_[a-z_]+\\b.*"));
        assertThat(driver.findElement(By.id("more")).getDomAttribute("open")).isNull();
        assertThat(driver.findElements(By.cssSelector("#brief-more .q, #brief-more .set"))).hasSizeGreaterThan(25);
        assertThat(driver.findElement(By.id("f-latency_ms")).isDisplayed()).isFalse();

        type(ROUTING_BRIEF);
        waitForVerdict("rust-engineer takes this task");
        for (WebElement tree : driver.findElements(By.cssSelector(".tree"))) {
            assertThat(tree.getText()).doesNotContain("**");
        }
        assertThat(driver.findElement(By.cssSelector(".tree[data-framework='choose-rust']")).getText())
                .contains("Need high performance + memory safety?").contains("<10ms → rust-axum-actix ✓");
        assertNoTreeOverflows();
        assertThat(textContent("stack")).contains("Web framework").contains("axum").contains("Database layer").contains("sqlx");
        assertThat(driver.findElement(By.id("handoffs")).getText()).contains("database-optimizer");
        axe("advice");
        shot("desktop-advice");
        driver.findElement(By.cssSelector("#more > summary")).click();
        driver.findElement(By.cssSelector("#evidence-part > summary")).click();
        // "From the text" says what the text answered; the evidence is a question and its answer.
        assertThat(driver.findElement(By.id("f-latency_ms")).getDomProperty("placeholder")).isEqualTo("from the text: 5");
        assertThat(driver.findElement(By.id("evidence")).getText()).contains("What is the latency budget (p99) in milliseconds?");
        axe("more-and-evidence-open");
        shot("desktop-more-open");
        driver.findElement(By.cssSelector("#more > summary")).click();

        // Clearing the brief clears the advice.
        WebElement brief = driver.findElement(By.id("brief"));
        brief.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        wait.until(d -> d.findElement(By.id("verdict")).getText().equals("Type a brief to see the advice."));
        assertThat(driver.findElements(By.cssSelector("#decisions .decision"))).isEmpty();
        assertThat(driver.findElement(By.id("advice-body")).isDisplayed()).isFalse();
        // The one kind drives the advice too: a command-line tool is advised as one.
        new Select(driver.findElement(By.id("kind"))).selectByValue("cli");
        wait.until(d -> d.findElement(By.id("decisions")).getText().contains("rust-single-binary"));
        new Select(driver.findElement(By.id("kind"))).selectByValue("");
        wait.until(d -> d.findElement(By.id("verdict")).getText().equals("Type a brief to see the advice."));

        // The short form: a framework, a feature from the searchable picker, a name; then Share.
        type(ROUTING_BRIEF);
        waitForVerdict("rust-engineer takes this task");
        new Select(driver.findElement(By.id("web"))).selectByValue("actix-web");
        WebElement search = driver.findElement(By.id("features-input"));
        search.sendKeys("metr");
        wait.until(d -> d.findElements(By.cssSelector("#features-list [role=option]")).size() == 1);
        search.sendKeys(Keys.ENTER);
        wait.until(d -> d.findElement(By.id("features-chips")).getText().contains("Metrics"));
        WebElement name = driver.findElement(By.id("name"));
        name.clear();
        name.sendKeys("shop");
        wait.until(d -> d.findElement(By.id("stack")).getText().contains("actix-web (your pick; advised axum)"));
        driver.findElement(By.id("share")).click();
        wait.until(d -> d.findElement(By.id("share-status")).getText().startsWith("Copied"));
        String link = driver.findElement(By.id("share-url")).getDomProperty("value");
        assertThat(link).startsWith(base + "/#").contains("web=actix-web").contains("features=metrics").contains("name=shop");
        axe("share-open");
        shot("desktop-share");
        String verdict = driver.findElement(By.id("verdict")).getText();
        String decisions = driver.findElement(By.id("decisions")).getText();
        String stack = driver.findElement(By.id("stack")).getText();

        String first = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.WINDOW);
        try {
            driver.get(link);
            waitForVerdict("rust-engineer takes this task");
            wait.until(d -> d.findElement(By.id("decisions")).getText().equals(decisions));
            assertThat(driver.findElement(By.id("verdict")).getText()).isEqualTo(verdict);
            assertThat(driver.findElement(By.id("stack")).getText()).isEqualTo(stack);
            assertThat(driver.findElement(By.id("brief")).getDomProperty("value")).isEqualTo(ROUTING_BRIEF);
            assertThat(driver.findElement(By.id("name")).getDomProperty("value")).isEqualTo("shop");
            assertThat(new Select(driver.findElement(By.id("web"))).getFirstSelectedOption().getDomProperty("value")).isEqualTo("actix-web");
            assertThat(driver.findElement(By.id("features-chips")).getText()).contains("Metrics");
        } finally {
            driver.close();
            driver.switchTo().window(first);
        }
    }

    @Test
    void aBriefRoutedAwayOffersUseRustAnyway() {
        open("");
        type("A Spring Boot backend for invoices");
        wait.until(d -> d.findElement(By.id("verdict")).getDomAttribute("class").contains("away"));
        assertThat(driver.findElement(By.id("verdict")).getText()).contains("java-architect").contains("not for rust-engineer");
        WebElement toggle = driver.findElement(By.id("force-rust"));
        assertThat(driver.findElement(By.id("force-box")).isDisplayed()).isTrue();
        assertThat(toggle.isSelected()).isFalse();
        axe("routed-away");
        shot("desktop-routed-away");
        // Generating without the switch says where the switch is instead of a bare 422.
        driver.findElement(By.id("preview")).click();
        wait.until(d -> d.findElement(By.id("gen-status")).getText().contains("Use Rust anyway"));
        assertThat(driver.switchTo().activeElement().getDomAttribute("id")).isEqualTo("force-rust");

        toggle.click();
        waitForVerdict("Rust — rust-engineer takes this task, as you asked");
        assertThat(driver.findElement(By.id("verdict")).getDomAttribute("class")).contains("rust");
        assertThat(driver.findElement(By.id("notes")).getText()).contains("the brief names Rust");
        assertThat(driver.getCurrentUrl()).contains("force=1");
        assertThat(driver.findElement(By.id("force-box")).isDisplayed()).as("the switch stays to be switched off").isTrue();
        axe("forced-rust");
        shot("desktop-forced-rust");
        driver.findElement(By.id("preview")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#file-tree button.file")).isEmpty());
        assertThat(paths()).contains("Cargo.toml", "src/invoices.rs");
        axe("forced-rust-preview");

        toggle.click();
        wait.until(d -> d.findElement(By.id("verdict")).getDomAttribute("class").contains("away"));
    }

    @Test
    void thePreviewIsAFileTreeWithCopyAndDownloadPerFile() throws Exception {
        open("");
        type(ROUTING_BRIEF);
        waitForVerdict("rust-engineer takes this task");
        // A name the API refuses: its problem's detail is shown, not a blank page.
        WebElement name = driver.findElement(By.id("name"));
        name.clear();
        name.sendKeys("9orders");
        driver.findElement(By.id("preview")).click();
        wait.until(d -> d.findElement(By.id("gen-status")).getDomProperty("className").contains("error"));
        assertThat(driver.findElement(By.id("gen-status")).getText()).contains("name");
        name.clear();
        name.sendKeys("orders");
        driver.findElement(By.id("preview")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#file-tree button.file")).isEmpty());
        assertThat(paths()).contains("Cargo.toml", "src/orders.rs", "migrations/0001_create_orders.sql");
        assertThat(driver.findElement(By.id("file-path")).getText()).isEqualTo("src/orders.rs");
        assertThat(driver.findElement(By.id("file-view")).getText()).contains("pub async fn list_orders(");
        assertThat(driver.findElements(By.cssSelector("#file-view span.kw"))).isNotEmpty();
        int files = paths().size();
        assertThat(driver.findElements(By.cssSelector("#file-tree button.copy"))).hasSize(files);
        assertThat(driver.findElements(By.cssSelector("#file-tree button.save"))).hasSize(files);
        axe("preview");
        shot("desktop-preview");

        // Folders fold.
        WebElement src = driver.findElements(By.cssSelector("#file-tree summary")).stream()
                .filter(s -> s.getText().equals("src/")).findFirst().orElseThrow();
        WebElement orders = file("src/orders.rs");
        src.click();
        assertThat(orders.isDisplayed()).isFalse();
        src.click();
        assertThat(orders.isDisplayed()).isTrue();

        // Download one file: its content is the file's.
        file("Cargo.toml").click();
        String cargoToml = (String) driver.executeScript("return document.getElementById('file-view').textContent");
        assertThat(cargoToml).contains("[package]");
        driver.findElement(By.cssSelector("#file-tree button.save[data-path='Cargo.toml']")).click();
        Path saved = downloads.resolve("Cargo.toml");
        wait.until(d -> Files.exists(saved) && !Files.exists(downloads.resolve("Cargo.toml.crdownload")));
        assertThat(Files.readString(saved)).isEqualTo(cargoToml);
        // Copy one file: the clipboard holds its content.
        driver.findElement(By.cssSelector("#file-tree button.copy[data-path='src/orders.rs']")).click();
        wait.until(d -> d.findElement(By.id("gen-status")).getText().startsWith("Copied src/orders.rs"));
        String clipboard = (String) driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, e => done('error: ' + e));");
        assertThat(clipboard).contains("pub async fn list_orders(");

        // The link reproduces the project and the file shown.
        file("src/orders.rs").click();
        String link = driver.getCurrentUrl();
        assertThat(link).contains("files=1").contains("file=src%2Forders.rs");
        String first = driver.getWindowHandle();
        driver.switchTo().newWindow(WindowType.WINDOW);
        try {
            driver.get(link);
            wait.until(d -> d.findElement(By.id("file-path")).getText().equals("src/orders.rs"));
            assertThat(paths()).hasSize(files);
            assertThat(driver.findElement(By.id("file-view")).getText()).contains("pub async fn list_orders(");
        } finally {
            driver.close();
            driver.switchTo().window(first);
        }

        driver.findElement(By.id("download")).click();
        Path zip = downloads.resolve("orders.zip");
        wait.until(d -> Files.exists(zip) && !Files.exists(downloads.resolve("orders.zip.crdownload")));
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertThat(z.getEntry("orders/Cargo.toml")).isNotNull();
            assertThat(new String(z.getInputStream(z.getEntry("orders/Cargo.toml")).readAllBytes(), StandardCharsets.UTF_8))
                    .contains("\"postgres\"");
        }
        // The devops-engineer's package of the same project.
        new Select(driver.findElement(By.id("handoff-to"))).selectByValue("devops-engineer");
        driver.findElement(By.id("handoff")).click();
        Path pkg = downloads.resolve("orders-devops-engineer.zip");
        wait.until(d -> Files.exists(pkg) && !Files.exists(downloads.resolve("orders-devops-engineer.zip.crdownload")));
        try (ZipFile z = new ZipFile(pkg.toFile())) {
            assertThat(z.getEntry("orders-devops-engineer/HANDOFF.md")).isNotNull();
            assertThat(z.getEntry("orders-devops-engineer/prometheus/alerts.yml")).isNotNull();
        }

        // A preview the form no longer matches says so and is made again on request.
        assertThat(driver.findElement(By.id("files-stale")).isDisplayed()).isFalse();
        driver.findElement(By.id("brief")).sendKeys(" and metrics");
        wait.until(d -> d.findElement(By.id("files-stale")).isDisplayed());
        driver.findElement(By.id("files-refresh")).click();
        wait.until(d -> !d.findElement(By.id("files-stale")).isDisplayed());
        assertThat(driver.findElement(By.id("file-path")).getText()).isEqualTo("src/orders.rs");

        viewport(390, 844, true);
        driver.executeScript("document.getElementById('files').scrollIntoView()");
        axe("phone-preview");
        shot("phone-preview");
    }

    @Test
    void theAuditSummaryReadsAsWords() throws Exception {
        open("");
        Path sources = downloads.resolve("sources.zip");
        try (var z = new ZipOutputStream(Files.newOutputStream(sources))) {
            z.putNextEntry(new ZipEntry("src/lib.rs"));
            z.write("pub fn read(p: *const u8) -> u8 {\n    unsafe { *p }\n}\npub fn f(x: Option<u8>) -> u8 { x.unwrap() }\n"
                    .getBytes(StandardCharsets.UTF_8));
            z.closeEntry();
        }
        driver.findElement(By.id("audit-file")).sendKeys(sources.toString());
        driver.findElement(By.id("audit-run")).click();
        wait.until(d -> d.findElement(By.id("audit-result")).isDisplayed());
        String summary = driver.findElement(By.id("audit-summary")).getText();
        assertThat(summary).isEqualTo("sources.zip: 1 file, 4 lines, 3 findings.");
        assertThat(driver.findElement(By.id("audit-severities")).getText()).isEqualTo("1 medium\n2 low");
        for (String part : List.of("audit-summary", "audit-severities", "audit-escalations", "audit-rules")) {
            assertThat(textContent(part)).as(part).doesNotContain("{").doesNotContain("\"").doesNotContain(":1");
        }
        assertThat(driver.findElement(By.id("audit-escalations")).getText()).contains("Escalate to oracle").contains("first at src/lib.rs:2");
        assertThat(driver.findElement(By.id("findings")).getText()).contains("undocumented-unsafe").contains("src/lib.rs:2:5")
                .contains("unsafe { *p }");
        driver.executeScript("document.getElementById('audit').scrollIntoView()");
        axe("audit");
        shot("desktop-audit");
    }

    @Test
    void darkModeFollowsTheSystem() {
        open("");
        double light = luminance((String) driver.executeScript("return getComputedStyle(document.body).backgroundColor"));
        scheme("dark");
        open("");
        double dark = luminance((String) driver.executeScript("return getComputedStyle(document.body).backgroundColor"));
        assertThat(light).isGreaterThan(0.8);
        assertThat(dark).isLessThan(0.05);
        axe("dark-empty");
        type(ROUTING_BRIEF);
        waitForVerdict("rust-engineer takes this task");
        driver.findElement(By.id("preview")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#file-tree button.file")).isEmpty());
        axe("dark-advice-and-preview");
        shot("desktop-dark-advice");
        type("A Spring Boot backend for invoices");
        wait.until(d -> d.findElement(By.id("verdict")).getDomAttribute("class").contains("away"));
        axe("dark-routed-away");
        viewport(390, 844, true);
        open("");
        type(ROUTING_BRIEF);
        driver.findElement(By.id("advise")).click();
        waitForVerdict("rust-engineer takes this task");
        axe("dark-phone-advice");
        shot("phone-dark-advice");
    }

    @Test
    void onAPhoneTheAdviceIsInViewAfterABrief() {
        viewport(390, 844, true);
        open("");
        assertThat(driver.findElement(By.id("options")).getDomAttribute("open")).as("the project part is folded on a phone").isNull();
        axe("phone-empty");
        shot("phone-empty");
        type(ROUTING_BRIEF);
        driver.findElement(By.id("advise")).click();
        waitForVerdict("rust-engineer takes this task");
        Map<?, ?> box = (Map<?, ?>) driver.executeScript("const r = document.getElementById('verdict').getBoundingClientRect();"
                + "return {top: r.top, bottom: r.bottom, height: window.innerHeight, width: window.innerWidth,"
                + " scroll: document.documentElement.scrollWidth};");
        assertThat(((Number) box.get("width")).intValue()).isEqualTo(390);
        assertThat(((Number) box.get("top")).doubleValue()).isGreaterThanOrEqualTo(0);
        assertThat(((Number) box.get("bottom")).doubleValue()).as("the verdict is above the fold").isLessThan(((Number) box.get("height")).doubleValue());
        assertThat(((Number) box.get("scroll")).intValue()).as("nothing is wider than the phone").isLessThanOrEqualTo(390);
        assertNoTreeOverflows();
        axe("phone-advice");
        shot("phone-advice");
        driver.findElement(By.cssSelector("#options > summary")).click();
        axe("phone-options-open");
        shot("phone-options-open");
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private static void open(String fragment) {
        driver.get("about:blank");
        driver.get(base + "/" + fragment);
        wait.until(d -> d.findElements(By.cssSelector("#kind option")).size() > 1);
    }

    private static void type(String brief) {
        WebElement box = driver.findElement(By.id("brief"));
        box.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        box.sendKeys(brief);
    }

    private static void waitForVerdict(String words) {
        wait.until(d -> d.findElement(By.id("verdict")).getText().contains(words));
    }

    private static List<String> texts(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(e -> e.getDomProperty("textContent").strip()).toList();
    }

    private static String textContent(String id) {
        return driver.findElement(By.id(id)).getDomProperty("textContent");
    }

    private static List<String> paths() {
        return driver.findElements(By.cssSelector("#file-tree button.file")).stream().map(e -> e.getDomAttribute("data-path")).toList();
    }

    private static WebElement file(String path) {
        return driver.findElement(By.cssSelector("#file-tree button.file[data-path='" + path + "']"));
    }

    /** Every decision tree fits its box: long lines wrap instead of running past the edge. */
    private static void assertNoTreeOverflows() {
        List<?> overflowing = (List<?>) driver.executeScript("return [...document.querySelectorAll('.tree, .decision')]"
                + ".filter(t => t.scrollWidth > t.clientWidth + 1).map(t => t.dataset.framework || t.className)");
        assertThat(overflowing).as("trees wider than their box").isEmpty();
    }

    private static void viewport(int width, int height, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    private static void scheme(String value) {
        driver.executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", value))));
    }

    /** The page as it looks now, for a person to review: target/screenshots/NAME.png. */
    private static void shot(String name) {
        try {
            Map<String, Object> png = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png"));
            Files.write(SHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) png.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs axe-core on the page; prints every violation and fails on a serious or critical one. */
    private static void axe(String state) {
        List<String> severe = axeViolations(state).stream().filter(v -> v.contains(" serious ") || v.contains(" critical ")).toList();
        assertThat(severe).as("serious or critical accessibility violations in state " + state).isEmpty();
    }

    /** Every violation axe-core finds on the page as it is now, one line each (printed as well). */
    private static List<String> axeViolations(String state) {
        JavascriptExecutor js = driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(axeSource);
        }
        String result = (String) js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify(r.violations)), e => done('error: ' + e));");
        assertThat(result).as("axe in state " + state).doesNotStartWith("error");
        List<String> found = new ArrayList<>();
        try {
            for (JsonNode v : JSON.readTree(result)) {
                List<String> where = new ArrayList<>();
                v.path("nodes").forEach(n -> where.add(n.path("target").toString()));
                String line = "axe [" + state + "] " + v.path("impact").asText() + " " + v.path("id").asText() + ": "
                        + v.path("help").asText() + "; " + where.size() + " elements, e.g. " + where.subList(0, Math.min(3, where.size()))
                        + " (" + v.path("nodes").path(0).path("failureSummary").asText().replace('\n', ' ') + ")";
                System.out.println(line);
                found.add(line);
            }
        } catch (JsonProcessingException e) {
            throw new AssertionError("axe answered " + result, e);
        }
        System.out.println("axe [" + state + "]: " + found.size() + " violations");
        return found;
    }

    /** The relative luminance (WCAG) of a CSS rgb() colour. */
    private static double luminance(String rgb) {
        String[] parts = rgb.replaceAll("[^0-9.,]", "").split(",");
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double s = Double.parseDouble(parts[i]) / 255;
            c[i] = s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
