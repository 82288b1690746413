package dev.rustengineer.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium (scripts/setup.d/30-chromium.sh installs both), for pages of a
 * generated project that report like its tests/browser/ page: the title becomes "passed" or "failed" and
 * {@code #results} holds the JSON report.
 */
final class HeadlessChromium {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> DONE = List.of("passed", "failed");

    private HeadlessChromium() {}

    /** Opens {@code url}, waits up to {@code limit} for the page to finish and returns its report. */
    static JsonNode report(String url, Path profile, Duration limit) throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--user-data-dir=" + profile);
        // The Debian driver, given by path, so Selenium never tries to download one.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        try {
            driver.get(url);
            new WebDriverWait(driver, limit).until(d -> DONE.contains(d.getTitle()));
            return JSON.readTree(driver.findElement(By.id("results")).getText());
        } finally {
            driver.quit();
        }
    }
}
