package dev.rustengineer.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rustengineer.RustEngineer;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page as a person uses it, in Debian's headless Chromium (scripts/setup.d/30-chromium.sh installs it):
 * type a brief, see the decision, preview the files, download the zip and open it.
 */
class WebPageIT {
    private static Javalin app;
    private static String base;

    @BeforeAll
    static void start() {
        app = new WebServer(RustEngineer.shared(), WebLimits.defaults()).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    @Test
    void typeABriefSeeTheDecisionAndDownloadTheProject(@TempDir Path downloads) throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,1000",
                "--user-data-dir=" + downloads.resolve("profile"));
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        // The Debian driver, given by path, so Selenium never tries to download one.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        try {
            var wait = new WebDriverWait(driver, Duration.ofSeconds(20));
            driver.get(base + "/");
            wait.until(d -> d.findElements(By.cssSelector("#fields select")).size() > 5);
            driver.findElement(By.id("brief")).sendKeys("A REST API for orders; p99 under 5 ms; data in PostgreSQL");
            wait.until(d -> d.findElement(By.id("verdict")).getText().contains("rust-engineer takes this task"));
            String tree = driver.findElement(By.cssSelector("pre.tree[data-framework='choose-rust']")).getText();
            assertThat(tree).contains("Need high performance + memory safety?").contains("└─ <10ms → **rust-axum-actix** ✓");
            assertThat(driver.findElement(By.id("stack")).getText()).contains("web: axum").contains("db: sqlx");
            assertThat(driver.findElement(By.id("handoffs")).getText()).contains("database-optimizer");

            driver.findElement(By.id("preview")).click();
            wait.until(d -> !d.findElements(By.cssSelector("#file-tree li")).isEmpty());
            List<String> files = driver.findElements(By.cssSelector("#file-tree li")).stream().map(e -> e.getText()).toList();
            assertThat(files).contains("Cargo.toml", "src/orders.rs", "migrations/0001_create_orders.sql");
            assertThat(driver.findElement(By.id("file-view")).getText()).contains("pub async fn list_orders(");
            assertThat(driver.findElements(By.cssSelector("#file-view span.kw"))).isNotEmpty();

            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target/web-page.png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));

            driver.findElement(By.id("download")).click();
            Path zip = downloads.resolve("orders.zip");
            wait.until(d -> Files.exists(zip) && !Files.exists(downloads.resolve("orders.zip.crdownload")));
            try (ZipFile z = new ZipFile(zip.toFile())) {
                assertThat(z.getEntry("orders/Cargo.toml")).isNotNull();
                assertThat(new String(z.getInputStream(z.getEntry("orders/Cargo.toml")).readAllBytes())).contains("\"postgres\"");
            }
            // The devops-engineer's package of the same project.
            new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("handoff-to"))).selectByValue("devops-engineer");
            driver.findElement(By.id("handoff")).click();
            Path pkg = downloads.resolve("orders-devops-engineer.zip");
            wait.until(d -> Files.exists(pkg) && !Files.exists(downloads.resolve("orders-devops-engineer.zip.crdownload")));
            try (ZipFile z = new ZipFile(pkg.toFile())) {
                assertThat(z.getEntry("orders-devops-engineer/HANDOFF.md")).isNotNull();
                assertThat(z.getEntry("orders-devops-engineer/prometheus/alerts.yml")).isNotNull();
            }
            // Upload sources to the audit and read the findings with their code lines.
            Path sources = downloads.resolve("sources.zip");
            try (var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(sources))) {
                z.putNextEntry(new java.util.zip.ZipEntry("src/lib.rs"));
                z.write("pub fn read(p: *const u8) -> u8 {\n    unsafe { *p }\n}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                z.closeEntry();
            }
            driver.findElement(By.id("audit-file")).sendKeys(sources.toString());
            driver.findElement(By.id("audit")).click();
            wait.until(d -> d.findElement(By.id("audit-section")).isDisplayed()
                    && !d.findElements(By.cssSelector("#findings tbody tr")).isEmpty());
            assertThat(driver.findElement(By.id("audit-summary")).getText()).contains("files").contains("findings");
            assertThat(driver.findElement(By.cssSelector("#findings tbody")).getText()).contains("undocumented-unsafe")
                    .contains("src/lib.rs:2:5").contains("unsafe { *p }");
        } finally {
            driver.quit();
        }
    }
}
