package io.ticketflow.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code up --demo}: once every service is healthy, registers six agents and plays about thirty
 * tickets through the real system over HTTP — created at intake in the seed mix (40 % complaints,
 * 35 % consultations, 25 % suggestions), answered and resolved by whoever routing assigned, and rated
 * through the survey feedback sends. A single bounded run, no endless loop. The services grow
 * feature by feature, so anything that answers 404 (or not at all) is reported as a warning and the
 * demo carries on; it never stops the stack.
 */
final class DemoTraffic {

    static final Duration EVENTUAL_WAIT = Duration.ofSeconds(30);
    private static final Duration POLL_PAUSE = Duration.ofMillis(500);

    record Agent(String id, String name, String team, String department, Map<String, Integer> skills) {
    }

    /** A ticket as a customer would send it; {@code nature} is what the text is meant to be. */
    record Sample(String nature, String channel, String customerId, String contact, String subject,
                  String description, List<String> tags) {
    }

    /** What the demo managed to do; {@code warnings} counts each distinct failure once. */
    record Summary(int agentsRegistered, int agentsOnline, int ticketsCreated, Map<String, Integer> natures,
                   Map<String, Integer> priorities, int assigned, int replied, int resolved, int rated,
                   Map<String, Integer> warnings) {
    }

    static final List<Agent> AGENTS = List.of(
            new Agent("agent-li-wei", "Li Wei", "tech-payments", "TECH", Map.of("payment", 5, "billing", 4, "app", 3)),
            new Agent("agent-zhang-min", "Zhang Min", "tech-app", "TECH", Map.of("app", 5, "account", 4)),
            new Agent("agent-wang-fang", "Wang Fang", "cs-billing", "CUSTOMER_SERVICE", Map.of("billing", 5, "payment", 3, "account", 3)),
            new Agent("agent-chen-jie", "Chen Jie", "cs-quality", "CUSTOMER_SERVICE", Map.of("quality", 5, "billing", 2, "app", 2)),
            new Agent("agent-liu-yang", "Liu Yang", "ops-logistics", "OPERATIONS", Map.of("logistics", 5, "quality", 3)),
            new Agent("agent-zhao-lei", "Zhao Lei", "ops-accounts", "OPERATIONS", Map.of("account", 4, "logistics", 3, "billing", 2)));

    // 12 complaints, 10 consultations, 8 suggestions (40 / 33 / 27 %), interleaved like real traffic
    static final List<Sample> SAMPLES = List.of(
            new Sample("COMPLAINT", "PHONE", "c-1001", "13800001001", "Payment failure for all users",
                    "Complaint: payment failure for all users since 09:40, checkout shows error E1001 on every order. 投诉：所有用户支付失败", List.of("payment", "billing")),
            new Sample("CONSULTATION", "WEB", "c-1002", "13800001002", "How do I change my delivery address?",
                    "I want to ask how to change the delivery address of order 880231. 咨询 修改收货地址", List.of("logistics")),
            new Sample("SUGGESTION", "APP", "c-1003", "13800001003", "Dark mode please",
                    "I suggest adding a dark mode to the app. 建议 增加深色模式", List.of("app")),
            new Sample("COMPLAINT", "CHAT", "c-1004", "13800001004", "Charged twice",
                    "I complain: I was charged twice for order 880245, please refund. 投诉 重复扣款", List.of("billing", "payment")),
            new Sample("CONSULTATION", "EMAIL", "c-1005", "wang.xiu@example.com", "Return policy",
                    "What is the return policy for opened electronics? 咨询 退货政策", List.of("quality")),
            new Sample("COMPLAINT", "APP", "c-1006", "13800001006", "App crashes at login",
                    "Complain: the app crashes at login with error E2002 since the last update. 投诉 登录闪退", List.of("app", "account")),
            new Sample("CONSULTATION", "CHAT", "c-1007", "13800001007", "Where is my parcel?",
                    "Could you tell me where my parcel is? Order 880301 shows shipped 3 days ago. 咨询 物流进度", List.of("logistics")),
            new Sample("SUGGESTION", "WEB", "c-1008", "13800001008", "Delivery time slots",
                    "Suggest letting customers choose a delivery time slot. 建议 可选配送时段", List.of("logistics")),
            new Sample("COMPLAINT", "PHONE", "c-1009", "13800001009", "Parcel lost",
                    "I want to complain, my parcel has been lost for 5 days and nobody answers. 投诉 包裹丢失", List.of("logistics")),
            new Sample("CONSULTATION", "APP", "c-1010", "13800001010", "Reset password",
                    "How do I reset my password? The SMS code never arrives. 咨询 重置密码", List.of("account")),
            new Sample("COMPLAINT", "WEB", "c-1011", "13800001011", "Rude hotline agent",
                    "I complain about the attitude of the hotline agent yesterday. 投诉 服务态度差", List.of("quality")),
            new Sample("SUGGESTION", "EMAIL", "c-1012", "zhou.lin@example.com", "Monthly statement",
                    "I suggest sending a monthly statement of all charges. 建议 每月对账单", List.of("billing")),
            new Sample("CONSULTATION", "PHONE", "c-1013", "13800001013", "Invoice for company",
                    "How can I get a VAT invoice for my company order? 咨询 开具发票", List.of("billing")),
            new Sample("COMPLAINT", "CHAT", "c-1014", "13800001014", "Refund not received",
                    "Complain: refund promised 10 days ago still not received, error E3004 in the app. 投诉 退款未到账", List.of("billing", "payment")),
            new Sample("SUGGESTION", "APP", "c-1015", "13800001015", "Save favourite addresses",
                    "Suggest saving several favourite addresses in the app. 建议 常用地址", List.of("app", "logistics")),
            new Sample("CONSULTATION", "WEB", "c-1016", "13800001016", "Cash on delivery",
                    "Is cash on delivery available in my city? 咨询 货到付款", List.of("payment")),
            new Sample("COMPLAINT", "APP", "c-1017", "13800001017", "Broken on arrival",
                    "I complain: the blender arrived broken, the box was crushed. 投诉 商品质量问题", List.of("quality", "logistics")),
            new Sample("COMPLAINT", "EMAIL", "c-1018", "sun.hao@example.com", "Account locked",
                    "Complain: my account was locked without reason, error E1403. 投诉 账号被锁", List.of("account")),
            new Sample("CONSULTATION", "CHAT", "c-1019", "13800001019", "Warranty",
                    "Does the warranty cover water damage? 咨询 保修范围", List.of("quality")),
            new Sample("SUGGESTION", "WEB", "c-1020", "13800001020", "More payment options",
                    "I suggest supporting more payment methods such as installments. 建议 分期付款", List.of("payment")),
            new Sample("COMPLAINT", "PHONE", "c-1001", "13800001001", "Payment still failing",
                    "Complain again: payment failure continues, E1001 on every card. 投诉 支付仍然失败", List.of("payment")),
            new Sample("CONSULTATION", "APP", "c-1022", "13800001022", "Change phone number",
                    "How do I change the phone number bound to my account? 咨询 更换绑定手机", List.of("account")),
            new Sample("SUGGESTION", "CHAT", "c-1023", "13800001023", "Live tracking",
                    "Suggest live tracking of the courier on a map. 建议 实时物流跟踪", List.of("logistics", "app")),
            new Sample("COMPLAINT", "WEB", "c-1024", "13800001024", "Late delivery broken promise",
                    "I complain: next-day delivery was promised, it took a week. 投诉 配送延误", List.of("logistics")),
            new Sample("CONSULTATION", "EMAIL", "c-1025", "qian.yu@example.com", "Coupon usage",
                    "Can two coupons be used on one order? 咨询 优惠券使用", List.of("billing")),
            new Sample("COMPLAINT", "APP", "c-1026", "13800001026", "Wrong amount charged",
                    "Complain: I was charged 199 instead of 99, error E3001 on the receipt. 投诉 扣款金额错误", List.of("billing", "payment")),
            new Sample("SUGGESTION", "PHONE", "c-1027", "13800001027", "Shorter hotline menu",
                    "I suggest a shorter phone menu, it takes 4 steps to reach a person. 建议 简化语音菜单", List.of("quality")),
            new Sample("CONSULTATION", "WEB", "c-1028", "13800001028", "Order status",
                    "What does the status 'awaiting review' mean for my order? 咨询 订单状态", List.of("logistics")),
            new Sample("COMPLAINT", "CHAT", "c-1029", "13800001029", "Promised callback never came",
                    "Complain: I was promised a callback within 2 hours yesterday, nobody called. 投诉 未回电", List.of("quality")),
            new Sample("SUGGESTION", "APP", "c-1030", "13800001030", "Order reminder",
                    "Suggest a reminder before a subscription renews. 建议 续费提醒", List.of("billing", "app")));

    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private final String intake;
    private final String routing;
    private final String feedback;
    private final PrintStream out;
    private final Duration eventualWait;
    private final Map<String, Integer> warnings = new LinkedHashMap<>();

    DemoTraffic(HttpClient http, StackSettings settings, PrintStream out, Duration eventualWait) {
        this.http = http;
        this.intake = urlOf(settings, "intake");
        this.routing = urlOf(settings, "routing");
        this.feedback = urlOf(settings, "feedback");
        this.out = out;
        this.eventualWait = eventualWait;
    }

    /** A ticket intake accepted. */
    private record Created(Sample sample, String ticketNo) {
    }

    Summary play() throws InterruptedException {
        out.println();
        out.println("demo: registering " + AGENTS.size() + " agents and playing " + SAMPLES.size() + " tickets");
        int registered = 0;
        int online = 0;
        for (Agent agent : AGENTS) {
            if (registerAgent(agent)) {
                registered++;
                if (goOnline(agent)) {
                    online++;
                }
            }
        }
        out.printf("demo: %d/%d agents registered, %d online%n", registered, AGENTS.size(), online);

        Map<String, Integer> natures = new TreeMap<>();
        Map<String, Integer> priorities = new TreeMap<>();
        List<Created> created = new ArrayList<>();
        for (Sample sample : SAMPLES) {
            Optional<JsonNode> ticket = call("intake POST /api/v1/tickets", "POST", intake + "/api/v1/tickets", ticketBody(sample));
            String ticketNo = ticket.map(t -> t.path("ticketNo").asString("")).orElse("");
            if (ticketNo.isEmpty()) {
                continue;
            }
            JsonNode body = ticket.get();
            created.add(new Created(sample, ticketNo));
            String nature = body.path("nature").asString("?");
            String priority = body.path("priority").asString("?");
            natures.merge(nature, 1, Integer::sum);
            priorities.merge(priority, 1, Integer::sum);
            out.printf("  %-12s %-6s %-13s %-3s %s%n", ticketNo, sample.channel(), nature, priority, sample.subject());
        }

        Map<String, String> assignees = awaitAssignees(created);
        int replied = 0;
        List<Created> resolved = new ArrayList<>();
        for (int i = 0; i < created.size(); i++) {
            Created ticket = created.get(i);
            String agent = assignees.get(ticket.ticketNo());
            if (agent == null) {
                continue;
            }
            if (reply(ticket, agent)) {
                replied++;
            }
            // every third ticket stays open, so queues and SLA clocks have something to show
            if (i % 3 != 2 && resolve(ticket, agent)) {
                resolved.add(ticket);
            }
        }
        int rated = rate(resolved);
        Summary summary = new Summary(registered, online, created.size(), natures, priorities,
                assignees.size(), replied, resolved.size(), rated, Map.copyOf(warnings));
        print(summary);
        return summary;
    }

    private boolean registerAgent(Agent agent) {
        ObjectNode body = json.createObjectNode();
        body.put("name", agent.name());
        body.put("team", agent.team());
        body.put("department", agent.department());
        ObjectNode skills = body.putObject("skills");
        agent.skills().forEach(skills::put);
        body.put("capacity", 5);
        body.putArray("vipCustomers");
        return call("routing PUT /api/v1/agents/{id}", "PUT", routing + "/api/v1/agents/" + agent.id(), body).isPresent();
    }

    private boolean goOnline(Agent agent) {
        ObjectNode body = json.createObjectNode().put("presence", "ONLINE");
        return call("routing PUT /api/v1/agents/{id}/presence", "PUT",
                routing + "/api/v1/agents/" + agent.id() + "/presence", body).isPresent();
    }

    private ObjectNode ticketBody(Sample sample) {
        ObjectNode body = json.createObjectNode();
        body.put("channel", sample.channel());
        body.put("customerId", sample.customerId());
        body.put("contact", sample.contact());
        body.put("subject", sample.subject());
        body.put("description", sample.description());
        sample.tags().forEach(body.putArray("tags")::add);
        return body;
    }

    /** Routing assigns asynchronously (intake → Kafka → routing → Kafka → intake): poll, bounded. */
    private Map<String, String> awaitAssignees(List<Created> created) throws InterruptedException {
        Map<String, String> assignees = new LinkedHashMap<>();
        if (created.isEmpty()) {
            return assignees;
        }
        long deadline = System.nanoTime() + eventualWait.toNanos();
        List<Created> waiting = new ArrayList<>(created);
        while (!waiting.isEmpty()) {
            for (var it = waiting.iterator(); it.hasNext(); ) {
                Created ticket = it.next();
                Optional<String> assignee = call("intake GET /api/v1/tickets/{ticketNo}", "GET",
                        intake + "/api/v1/tickets/" + encode(ticket.ticketNo()), null).flatMap(DemoTraffic::assignee);
                if (assignee.isPresent()) {
                    assignees.put(ticket.ticketNo(), assignee.get());
                    it.remove();
                }
            }
            if (waiting.isEmpty() || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(POLL_PAUSE.toMillis());
        }
        out.printf("demo: %d/%d tickets assigned within %d s%n", assignees.size(), created.size(), eventualWait.toSeconds());
        if (!waiting.isEmpty()) {
            warn("tickets still unassigned after " + eventualWait.toSeconds() + " s (waiting in their queue for a matching agent with free capacity: see GET :8082/api/v1/queue)",
                    waiting.size());
        }
        return assignees;
    }

    static Optional<String> assignee(JsonNode ticket) {
        JsonNode assignee = ticket.path("assignee");
        if (assignee.isString() && !assignee.asString().isBlank()) {
            return Optional.of(assignee.asString());
        }
        if (assignee.isObject()) {
            String id = assignee.path("agentId").asString(assignee.path("id").asString(""));
            return id.isBlank() ? Optional.empty() : Optional.of(id);
        }
        return Optional.empty();
    }

    private boolean reply(Created ticket, String agent) {
        ObjectNode body = json.createObjectNode();
        body.put("author", "AGENT");
        body.put("agentId", agent);
        body.put("message", "Thank you for contacting us about \"" + ticket.sample().subject()
                + "\". We are on it and will update you shortly. 您好，我们正在处理。");
        return call("intake POST /api/v1/tickets/{ticketNo}/replies", "POST",
                intake + "/api/v1/tickets/" + encode(ticket.ticketNo()) + "/replies", body).isPresent();
    }

    private boolean resolve(Created ticket, String agent) {
        ObjectNode body = json.createObjectNode();
        body.put("agentId", agent);
        body.put("summary", "Resolved: " + ticket.sample().subject());
        body.put("rootCause", rootCause(ticket.sample()));
        return call("intake POST /api/v1/tickets/{ticketNo}/resolution", "POST",
                intake + "/api/v1/tickets/" + encode(ticket.ticketNo()) + "/resolution", body).isPresent();
    }

    private static String rootCause(Sample sample) {
        return switch (sample.nature()) {
            case "COMPLAINT" -> "Defect or service failure in " + String.join("/", sample.tags()) + "; fixed and customer compensated";
            case "SUGGESTION" -> "Product suggestion recorded for the roadmap";
            default -> "Question answered from the knowledge base";
        };
    }

    /** Feedback sends a survey when a ticket is resolved (asynchronously): poll for its token, bounded. */
    private int rate(List<Created> resolved) throws InterruptedException {
        if (resolved.isEmpty()) {
            return 0;
        }
        long deadline = System.nanoTime() + eventualWait.toNanos();
        List<Created> waiting = new ArrayList<>(resolved);
        int rated = 0;
        while (!waiting.isEmpty()) {
            for (var it = waiting.iterator(); it.hasNext(); ) {
                Created ticket = it.next();
                Optional<String> token = call("feedback GET /api/v1/surveys?ticketNo=", "GET",
                        feedback + "/api/v1/surveys?ticketNo=" + encode(ticket.ticketNo()), null)
                        .flatMap(DemoTraffic::firstToken);
                if (token.isPresent()) {
                    it.remove();
                    ObjectNode body = json.createObjectNode().put("rating", rating(ticket));
                    if (call("feedback POST /api/v1/surveys/{token}", "POST",
                            feedback + "/api/v1/surveys/" + encode(token.get()), body).isPresent()) {
                        rated++;
                    }
                }
            }
            if (waiting.isEmpty() || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(POLL_PAUSE.toMillis());
        }
        if (!waiting.isEmpty()) {
            warn("resolved tickets without a survey after " + eventualWait.toSeconds() + " s (feedback not there yet?)",
                    waiting.size());
        }
        return rated;
    }

    static Optional<String> firstToken(JsonNode surveys) {
        JsonNode first = surveys.isArray() ? surveys.path(0) : surveys.path("content").path(0);
        String token = first.path("token").asString("");
        return token.isBlank() ? Optional.empty() : Optional.of(token);
    }

    /** Complaints rate lower than the rest, so the satisfaction figures are not all fives. */
    private static int rating(Created ticket) {
        int seed = Math.abs(ticket.ticketNo().hashCode());
        return "COMPLAINT".equals(ticket.sample().nature()) ? 2 + seed % 3 : 4 + seed % 2;
    }

    private Optional<JsonNode> call(String feature, String method, String url, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status / 100 != 2) {
                warn(feature + " answered " + status + (status == 404 ? " (not built yet?)" : "") + brief(response.body()), 1);
                return Optional.empty();
            }
            String text = response.body();
            return Optional.of(text == null || text.isBlank() ? json.createObjectNode() : json.readTree(text));
        } catch (IOException e) {
            warn(feature + " failed: " + e.getClass().getSimpleName() + " " + e.getMessage(), 1);
        } catch (JacksonException e) {
            warn(feature + " answered something that is not JSON", 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            warn(feature + " interrupted", 1);
        }
        return Optional.empty();
    }

    private static String brief(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ");
        return ": " + (flat.length() > 160 ? flat.substring(0, 160) + "…" : flat);
    }

    /** Prints each distinct warning once (keyed without the response body), counts repeats. */
    private void warn(String message, int times) {
        String key = message.contains(": ") && message.indexOf(" answered ") > 0
                ? message.substring(0, message.indexOf(": ", message.indexOf(" answered "))) : message;
        if (!warnings.containsKey(key)) {
            out.println("  ! " + message);
        }
        warnings.merge(key, times, Integer::sum);
    }

    private void print(Summary s) {
        out.println();
        out.println("demo summary");
        out.printf("  agents      %d registered, %d online%n", s.agentsRegistered(), s.agentsOnline());
        out.printf("  tickets     %d/%d created; nature as classified by intake %s; priorities %s%n",
                s.ticketsCreated(), SAMPLES.size(), s.natures(), s.priorities());
        out.printf("  handling    %d assigned, %d replied, %d resolved, %d rated%n",
                s.assigned(), s.replied(), s.resolved(), s.rated());
        if (!s.warnings().isEmpty()) {
            out.println("  warnings    (services are still growing; the stack keeps running)");
            warnings.forEach((message, count) -> out.printf("    %3d x %s%n", count, message));
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String urlOf(StackSettings settings, String name) {
        return settings.services().stream().filter(s -> s.name().equals(name)).findFirst()
                .map(ServiceSpec::baseUrl).orElseThrow();
    }
}
