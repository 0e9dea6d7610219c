package io.ticketflow.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.Topics;
import io.ticketflow.testkit.EventProbe;
import io.ticketflow.testkit.TicketflowServiceTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The web form in a real browser (Debian's Chromium, headless, JavaScript irrelevant since the
 * pages have none): a customer fills the form in, reads the ticket number off the confirmation and
 * looks the ticket up on the status page. Screenshots go to {@code target/screenshots/}.
 */
@TicketflowServiceTest
class WebFormBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    private WebDriver browser;
    private Path profile;

    @BeforeEach
    void openBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no Chromium here: install the Debian packages `chromium chromium-driver` "
                        + "(/usr/bin/chromium and /usr/bin/chromedriver) to run the browser test");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("webform-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--user-data-dir=" + profile, "--lang=zh-CN", "--accept-lang=zh-CN,zh", "--window-size=1100,1400");
        // a Chinese customer's browser: the page must pick Chinese from Accept-Language alone
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        browser.manage().window().setSize(new Dimension(1100, 1400));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void a_customer_submits_the_form_reads_the_ticket_number_and_checks_the_status() throws IOException {
        String phone = "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String customer = "browser-" + UUID.randomUUID();
        try (EventProbe lifecycle = EventProbe.open(Topics.Names.LIFECYCLE)) {
            // given the form in Chinese, the default language
            browser.get("http://localhost:" + port + "/");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("联系客服");
            screenshot("1-form-zh");

            // a form sent without the required fields comes back with messages
            browser.findElement(By.id("submit")).click();
            arrived(ExpectedConditions.presenceOfElementLocated(By.id("contact-error")));
            assertThat(browser.findElement(By.cssSelector("#contact-error")).getText()).isEqualTo("请填写此项。");
            screenshot("2-form-errors-zh");

            // when the customer fills it in and submits
            browser.findElement(By.id("contact")).sendKeys(phone);
            browser.findElement(By.id("customerId")).sendKeys(customer);
            new Select(browser.findElement(By.id("category"))).selectByValue("logistics");
            browser.findElement(By.id("subject")).sendKeys("包裹迟迟未到");
            browser.findElement(By.id("description")).sendKeys("我的包裹一周了还没有送到，请帮忙查询。");
            browser.findElement(By.id("orderId")).sendKeys("20261123888");
            browser.findElement(By.id("submit")).click();
            arrived(ExpectedConditions.presenceOfElementLocated(By.id("ticket-no")));

            // then the confirmation shows the ticket number, the one on Kafka
            String ticketNo = browser.findElement(By.id("ticket-no")).getText().strip();
            assertThat(ticketNo).matches("\\d{6}-\\d{6,}");
            assertThat(browser.getCurrentUrl()).contains("/submitted?no=" + ticketNo);
            TicketCreated created = lifecycle.await(TicketCreated.class, e -> e.ticketNo().equals(ticketNo));
            assertThat(created.customerId()).isEqualTo(customer);
            screenshot("3-confirmation-zh");

            // and the status page, in English, finds it by number and contact
            browser.findElement(By.id("status-link")).click();
            arrived(ExpectedConditions.presenceOfElementLocated(By.id("look-up")));
            browser.findElement(By.linkText("English")).click();
            // the English page replaces the Chinese one: type only once it is there, or the reload wipes the field
            arrived(ExpectedConditions.and(ExpectedConditions.urlContains("lang=en"),
                    ExpectedConditions.presenceOfElementLocated(By.id("look-up"))));
            assertThat(browser.findElement(By.id("ticketNo")).getAttribute("value")).isEqualTo(ticketNo);
            browser.findElement(By.id("contact")).sendKeys(phone);
            browser.findElement(By.id("look-up")).click();
            arrived(ExpectedConditions.presenceOfElementLocated(By.id("ticket-status")));
            assertThat(browser.findElement(By.id("ticket-status")).getAttribute("data-status")).isEqualTo("NEW");
            assertThat(browser.findElement(By.id("ticket-status")).getText()).isEqualTo("Received");
            assertThat(browser.getPageSource()).doesNotContain(phone);
            screenshot("4-status-en");

            // the form in English reads the same way
            browser.findElement(By.linkText("New request")).click();
            arrived(ExpectedConditions.textToBe(By.tagName("h1"), "Contact customer service"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Contact customer service");
            screenshot("5-form-en");
        }
    }

    /**
     * A click that navigates does not wait for the next page; this waits, bounded, until it is
     * there, so the next step never acts on the page being replaced.
     */
    private void arrived(ExpectedCondition<?> nextPage) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(nextPage);
    }

    private void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve("webform-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
