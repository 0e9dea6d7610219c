package io.ticketflow.bench;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The traffic mix of the source documents (REQUIREMENTS §1–2): natures 40 % complaints, 35 %
 * consultations, 25 % suggestions (`002`); every channel; some VIP customers; P0-like outages among
 * the complaints; issue tags the agents hold skills for. Intake classifies the text itself, so each
 * template carries the words its nature and priority are recognised by (as in the demo traffic).
 *
 * <p>Where the documents are silent (channel shares, VIP share, share of outages) the numbers below
 * are this generator's assumptions, named once here and written into every report.
 */
final class SeedMix {

    enum Nature { COMPLAINT, CONSULTATION, SUGGESTION }

    /** The documents' nature split (`002`). */
    static final Map<Nature, Double> NATURES = Map.of(Nature.COMPLAINT, 0.40, Nature.CONSULTATION, 0.35, Nature.SUGGESTION, 0.25);
    /** Assumption: web and app carry most, email the least. */
    static final Map<String, Double> CHANNELS = Map.of("WEB", 0.30, "APP", 0.25, "CHAT", 0.20, "PHONE", 0.15, "EMAIL", 0.10);
    /** Assumption: one ticket in twenty comes from a VIP customer (a dedicated agent, priority +1). */
    static final double VIP_SHARE = 0.05;
    /** Assumption: one complaint in fifty is a P0-like outage ("all users", payment failure). */
    static final double OUTAGE_SHARE_OF_COMPLAINTS = 0.02;
    /** Assumption: half the complaints quote an error code (a FUNCTION ticket needs one). */
    static final double ERROR_CODE_SHARE_OF_COMPLAINTS = 0.5;
    static final int VIP_CUSTOMERS = 200;
    static final int CUSTOMERS = 50_000;
    static final List<String> TAGS = List.of("billing", "payment", "logistics", "account", "quality", "app");

    /** What a customer sends; {@code nature} is what the text is meant to be classified as. */
    record TicketRequest(Nature nature, String channel, String customerId, String contact, boolean vip,
                         boolean outage, String subject, String description, List<String> tags) {
    }

    private record Template(String subject, String text, List<String> tags) {
    }

    private static final List<Template> COMPLAINTS = List.of(
            new Template("Charged twice", "I complain: I was charged twice for order %d, please refund. 投诉 重复扣款", List.of("billing", "payment")),
            new Template("Parcel lost", "I want to complain, my parcel for order %d has been lost for 5 days. 投诉 包裹丢失", List.of("logistics")),
            new Template("Rude hotline agent", "I complain about the attitude of the hotline agent yesterday (ref %d). 投诉 服务态度差", List.of("quality")),
            new Template("Account locked", "Complain: my account %d was locked without reason. 投诉 账号被锁", List.of("account")),
            new Template("App crashes at login", "Complain: the app crashes at login since the last update (device %d). 投诉 登录闪退", List.of("app", "account")),
            new Template("Broken on arrival", "I complain: the item of order %d arrived broken, the box was crushed. 投诉 商品质量问题", List.of("quality", "logistics")));
    private static final List<Template> CONSULTATIONS = List.of(
            new Template("Change delivery address", "I want to ask how to change the delivery address of order %d. 咨询 修改收货地址", List.of("logistics")),
            new Template("Return policy", "What is the return policy for opened electronics (order %d)? 咨询 退货政策", List.of("quality")),
            new Template("Reset password", "How do I reset my password? The SMS code never arrives (account %d). 咨询 重置密码", List.of("account")),
            new Template("Invoice for company", "How can I get a VAT invoice for my company order %d? 咨询 开具发票", List.of("billing")),
            new Template("Cash on delivery", "Is cash on delivery available for order %d? 咨询 货到付款", List.of("payment")));
    private static final List<Template> SUGGESTIONS = List.of(
            new Template("Dark mode please", "I suggest adding a dark mode to the app (user %d). 建议 增加深色模式", List.of("app")),
            new Template("Delivery time slots", "Suggest letting customers choose a delivery time slot (order %d). 建议 可选配送时段", List.of("logistics")),
            new Template("Monthly statement", "I suggest sending a monthly statement of all charges (account %d). 建议 每月对账单", List.of("billing")),
            new Template("More payment options", "I suggest supporting installments as a payment method (user %d). 建议 分期付款", List.of("payment")));
    private static final Template OUTAGE = new Template("Payment failure for all users",
            "Complaint: payment failure for all users since 09:40, checkout shows error E1001 on every order %d. 投诉：所有用户支付失败",
            List.of("payment", "billing"));

    private final SplittableRandom random;

    SeedMix(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The VIP customer ids, so agents can be registered as their dedicated agents. */
    static String vipCustomer(int i) {
        return "c-vip-" + i;
    }

    synchronized TicketRequest next() {
        Nature nature = pick(NATURE_ORDER);
        String channel = pick(CHANNEL_ORDER);
        boolean vip = random.nextDouble() < VIP_SHARE;
        int customer = random.nextInt(vip ? VIP_CUSTOMERS : CUSTOMERS);
        String customerId = vip ? vipCustomer(customer) : "c-" + (100_000 + customer);
        String contact = "EMAIL".equals(channel) ? "customer" + customer + "@example.com" : "138" + String.format("%08d", customer);
        long ref = 20_000_000L + random.nextInt(80_000_000);
        boolean outage = nature == Nature.COMPLAINT && random.nextDouble() < OUTAGE_SHARE_OF_COMPLAINTS;
        Template template = outage ? OUTAGE : switch (nature) {
            case COMPLAINT -> COMPLAINTS.get(random.nextInt(COMPLAINTS.size()));
            case CONSULTATION -> CONSULTATIONS.get(random.nextInt(CONSULTATIONS.size()));
            case SUGGESTION -> SUGGESTIONS.get(random.nextInt(SUGGESTIONS.size()));
        };
        String description = String.format(template.text(), ref);
        if (nature == Nature.COMPLAINT && !outage && random.nextDouble() < ERROR_CODE_SHARE_OF_COMPLAINTS) {
            description += " Error E" + (1000 + random.nextInt(9000)) + ".";
        }
        return new TicketRequest(nature, channel, customerId, contact, vip, outage, template.subject(), description, template.tags());
    }

    /** The weights in a fixed order, so a seed always gives the same sequence. */
    private static <T> List<Map.Entry<T, Double>> ordered(Map<T, Double> weights) {
        return weights.entrySet().stream().sorted(Map.Entry.comparingByKey((a, b) -> a.toString().compareTo(b.toString()))).toList();
    }

    private static final List<Map.Entry<Nature, Double>> NATURE_ORDER = ordered(NATURES);
    private static final List<Map.Entry<String, Double>> CHANNEL_ORDER = ordered(CHANNELS);

    private <T> T pick(List<Map.Entry<T, Double>> weights) {
        double r = random.nextDouble();
        T last = null;
        for (Map.Entry<T, Double> e : weights) {
            last = e.getKey();
            r -= e.getValue();
            if (r < 0) {
                return e.getKey();
            }
        }
        return last;
    }
}
