package io.ticketflow.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ticketflow.events.RatingReceived;
import io.ticketflow.events.SurveySent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The survey page in a real browser (Debian's Chromium, headless): a Chinese customer opens the
 * link, forgets the stars, is told so, answers and is thanked. Screenshots go to {@code target/screenshots/}.
 */
class SurveyPageBrowserIT extends FeedbackScenario {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private WebDriver browser;
    private Path profile;

    @BeforeEach
    void openBrowser() throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "no Chromium here: install the Debian packages `chromium chromium-driver` "
                        + "(/usr/bin/chromium and /usr/bin/chromedriver) to run the browser test");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("survey-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--user-data-dir=" + profile, "--lang=zh-CN", "--accept-lang=zh-CN,zh", "--window-size=1000,1200");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
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
    void a_customer_answers_the_survey_in_the_browser() throws IOException {
        Ticket ticket = newTicket("网页打不开");
        SurveySent survey = surveyedTicket(ticket);

        // given the page, in Chinese from the browser's language alone
        browser.get("http://localhost:" + port + "/surveys/" + tokenOf(survey));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("服务满意度调查");
        assertThat(browser.findElement(By.id("ticket-no")).getText()).isEqualTo(ticket.ticketNo());
        screenshot("1-survey-zh");

        // a form sent without stars comes back with a message and the comment kept
        browser.findElement(By.id("comment")).sendKeys("客服很耐心");
        browser.findElement(By.id("submit")).click();
        arrived(ExpectedConditions.presenceOfElementLocated(By.cssSelector("fieldset.stars .message")));
        assertThat(browser.findElement(By.cssSelector("fieldset.stars .message")).getText()).isEqualTo("请选择 1 到 5 的评分。");
        assertThat(browser.findElement(By.id("comment")).getAttribute("value")).isEqualTo("客服很耐心");
        screenshot("2-survey-errors-zh");

        // when the customer picks 4 stars and a 9, the page thanks them
        browser.findElement(By.id("rating-4")).click();
        new Select(browser.findElement(By.id("npsScore"))).selectByValue("9");
        browser.findElement(By.id("submit")).click();
        arrived(ExpectedConditions.presenceOfElementLocated(By.id("thanks")));
        assertThat(browser.findElement(By.id("thanks")).getText()).contains("感谢您的评价").contains("4 / 5");
        screenshot("3-thanks-zh");
        browser.findElement(By.id("lang-en")).click(); // readable without a CJK font
        arrived(ExpectedConditions.textToBe(By.tagName("h1"), "How did we do?"));
        assertThat(browser.findElement(By.id("thanks")).getText()).contains("You rated us 4 of 5.");
        screenshot("4-thanks-en");

        RatingReceived rating = feedback.await(RatingReceived.class, r -> r.surveyId().equals(survey.surveyId()));
        assertThat(rating.rating()).isEqualTo(4);
        assertThat(rating.npsScore()).isEqualTo(9);
        assertThat(rating.comment()).isEqualTo("客服很耐心");
    }

    private void arrived(ExpectedCondition<?> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(condition);
    }

    private void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
