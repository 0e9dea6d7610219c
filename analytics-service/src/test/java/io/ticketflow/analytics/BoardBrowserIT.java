package io.ticketflow.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ticketflow.events.Channel;
import io.ticketflow.events.Department;
import io.ticketflow.events.EscalationLevel;
import io.ticketflow.events.Nature;
import io.ticketflow.events.Priority;
import io.ticketflow.events.RatingReceived;
import io.ticketflow.events.SlaClockStarted;
import io.ticketflow.events.SlaMetric;
import io.ticketflow.events.TicketCreated;
import io.ticketflow.events.TicketEscalated;
import io.ticketflow.events.TicketStatus;
import io.ticketflow.events.TicketType;
import io.ticketflow.testkit.RawRecords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The wall board in a real browser (Debian's headless Chromium): events flow while the page is
 * open, and the numbers on screen change through server-sent events, without a reload.
 * Screenshots go to {@code target/screenshots/}.
 */
@AnalyticsServiceTest
class BoardBrowserIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Instant TODAY = Instant.parse("2034-02-02T10:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    private WebDriver browser;
    private Path profile;

    @BeforeEach
    void openBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no Chromium here: install the Debian packages `chromium chromium-driver` "
                        + "(/usr/bin/chromium and /usr/bin/chromedriver) to run the board's browser test");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("board-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--user-data-dir=" + profile, "--lang=zh-CN", "--accept-lang=zh-CN,zh", "--window-size=1600,900");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void the_board_updates_live_as_tickets_arrive_breaches_loom_and_escalations_pop_up() throws IOException {
        clock.set(TODAY.plusSeconds(300));
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String tag = "board-" + suffix;
        // given the board in English, connected to its stream, on a day without tickets yet
        browser.get("http://localhost:" + port + "/board?lang=en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Customer service — live");
        arrived(ExpectedConditions.attributeToBe(By.id("connection"), "class", "live"));
        assertThat(browser.findElement(By.id("volume")).getText()).isEqualTo("0");
        screenshot("1-board-en-empty");

        try (RawRecords raw = new RawRecords()) {
            // when, at 10:05, three P0 tickets with one tag arrive, one with a first-response clock due in 2 of its 15 minutes
            for (int i = 1; i <= 3; i++) {
                raw.publish(UUID.randomUUID(), created("board-" + suffix + "-" + i, "203402-" + suffix + i, TODAY.plusSeconds(i * 10L), tag));
            }
            raw.publish(UUID.randomUUID(), new SlaClockStarted("board-" + suffix + "-1", "203402-" + suffix + "1", "clock-" + suffix,
                    SlaMetric.FIRST_RESPONSE, Priority.P0, Duration.ofMinutes(15), TODAY.minusSeconds(480), TODAY.plusSeconds(420)));

            // then today's volume, the at-risk list and the hot issue change on screen
            arrived(ExpectedConditions.textToBe(By.id("volume"), "3"));
            arrived(ExpectedConditions.textToBePresentInElementLocated(By.id("at-risk"), "203402-" + suffix + "1"));
            assertThat(Integer.parseInt(browser.findElement(By.id("at-risk-count")).getText())).isPositive();
            assertThat(Integer.parseInt(browser.findElement(By.id("backlog-P0")).getText())).isGreaterThanOrEqualTo(3);
            assertThat(browser.findElement(By.cssSelector("#at-risk tbody tr .countdown")).getText()).isNotBlank();
            arrived(ExpectedConditions.textToBePresentInElementLocated(By.id("hot-issues"), tag));

            // when an escalation happens and a customer rates 4 stars
            raw.publish(UUID.randomUUID(), new TicketEscalated("board-" + suffix + "-2", "203402-" + suffix + "2", "esc-" + suffix,
                    EscalationLevel.CRITICAL, "vip", "supervisor", null, Department.TECH, List.of(), null, null, Priority.P0,
                    null, TODAY.plusSeconds(300)));
            raw.publish(UUID.randomUUID(), new RatingReceived("board-" + suffix + "-3", "203402-" + suffix + "3", "s-" + suffix, 4,
                    9, null, TODAY.plusSeconds(300)));

            // then it pops up at once, and CSAT today shows
            arrived(ExpectedConditions.textToBePresentInElementLocated(By.id("escalations"), "203402-" + suffix + "2"));
            assertThat(browser.findElement(By.cssSelector("#escalations li")).getText()).startsWith("CRITICAL");
            arrived(ExpectedConditions.textToBe(By.id("csat"), "4.0"));
            screenshot("2-board-en-live");
        }

        // and the board in Chinese, chosen from Accept-Language alone, shows the same figures
        browser.get("http://localhost:" + port + "/board");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("客服中心 — 实时看板");
        assertThat(browser.findElement(By.id("volume")).getText()).isEqualTo("3");
        assertThat(browser.findElement(By.id("escalations")).getText()).contains("203402-" + suffix + "2");
        screenshot("3-board-zh");
    }

    private static TicketCreated created(String id, String no, Instant at, String tag) {
        return new TicketCreated(id, no, 1, at, Channel.PHONE, "c-" + id, null, true, "Outage", null, List.of(tag),
                TicketType.FUNCTION, Nature.COMPLAINT, Priority.P0, Department.TECH, TicketStatus.NEW, List.of());
    }

    private void arrived(ExpectedCondition<?> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(condition);
    }

    private void screenshot(String name) throws IOException {
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve("board-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
