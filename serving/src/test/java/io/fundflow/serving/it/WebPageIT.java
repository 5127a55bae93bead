package io.fundflow.serving.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fundflow.stack.StackEndpoints;
import io.fundflow.stack.junit.LocalStackExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver},
 * installed by {@code serving/src/test/install-browser.sh}): sign in, query, page, totals, and the
 * 403 message for a customer of another branch.
 */
@ExtendWith(LocalStackExtension.class)
class WebPageIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir static Path dir;
  static ServingFixture fx;
  static WebDriver browser;
  static WebDriverWait wait;

  @BeforeAll
  static void start(StackEndpoints endpoints) throws Exception {
    assertTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "chromium and chromedriver are needed: run serving/src/test/install-browser.sh");
    fx = new ServingFixture(endpoints, dir);
    fx.seed();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,900");
    // The Debian driver, never one Selenium Manager would download.
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (fx != null) {
      fx.close();
    }
  }

  private static WebElement el(String id) {
    return browser.findElement(By.id(id));
  }

  private static void set(String id, String value) {
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].value = arguments[1];", el(id), value);
  }

  private static List<String> serials() {
    return browser.findElements(By.cssSelector("#rows tr td:nth-child(3)")).stream()
        .map(WebElement::getText)
        .toList();
  }

  @Test
  void signInQueryPageTotalsAndForbidden() {
    browser.get(fx.base() + "/");
    el("username").sendKeys("alice");
    el("password").sendKeys(ServingFixture.PASSWORD);
    el("signin").click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("clientId")));
    assertEquals("alice", el("who").getText());

    el("clientId").sendKeys(fx.a);
    set("from", "2025-03-13T00:00:00");
    set("to", "2025-03-14T12:00:00");
    el("limit").clear();
    el("limit").sendKeys("2");
    el("search-button").click();

    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("results")));
    wait.until(d -> serials().size() == 2);
    assertEquals(List.of("104", "103"), serials(), "newest first");
    assertEquals("1535.25 CNY", el("inflow").getText());
    assertEquals("5.25 CNY", el("outflow").getText());
    assertEquals("1530.00 CNY", el("net").getText());
    assertEquals("4", el("count").getText());

    el("next").click();
    wait.until(d -> serials().size() == 3);
    assertEquals(List.of("104", "103", "52"), serials());
    assertTrue(!el("next").isDisplayed(), "no next page after the last one");
    assertTrue(el("shown").getText().contains("end of results"));

    el("clientId").clear();
    el("clientId").sendKeys(fx.b);
    el("search-button").click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("message")));
    assertTrue(
        el("message").getText().contains("not in a branch granted to you"),
        el("message").getText());
    assertTrue(!el("results").isDisplayed(), "no rows shown for a refused customer");
  }
}
