package io.ticketflow.analytics.facts;

/**
 * Field names of a {@code ticket_facts} document, and the encoding of ids used as field names
 * (survey, callback and clock ids become keys of sub-documents).
 */
final class FactFields {

    static final String COLLECTION = "ticket_facts";

    static final String ID = "_id";
    static final String TICKET_NO = "ticketNo";
    static final String CHANNEL = "channel";
    static final String TYPE = "type";
    static final String NATURE = "nature";
    static final String PRIORITY = "priority";
    static final String DEPARTMENT = "department";
    static final String VIP = "vip";
    static final String TAGS = "tags";
    static final String CREATED_AT = "createdAt";
    static final String FIRST_QUEUED_AT = "firstQueuedAt";
    static final String FIRST_ASSIGNED_AT = "firstAssignedAt";
    static final String ASSIGNEE = "assignee";
    static final String TEAM = "team";
    static final String ASSIGNED_DEPARTMENT = "assignedDepartment";
    static final String ASSIGNMENT_COUNT = "assignmentCount";
    static final String FIRST_RESPONSE_AT = "firstResponseAt";
    static final String AGENT_REPLIES = "agentReplies";
    static final String CUSTOMER_REPLIES = "customerReplies";
    static final String RESOLVED_AT = "resolvedAt";
    static final String LAST_RESOLVED_AT = "lastResolvedAt";
    static final String RESOLUTIONS = "resolutions";
    static final String SLA_CLOCKS = "slaClocks";
    static final String SURVEYS = "surveys";
    static final String RATINGS = "ratings";
    static final String CALLBACKS = "callbacks";
    static final String CLOSED_AT = "closedAt";
    static final String REOPENS = "reopens";
    static final String TRANSFERS = "transfers";
    static final String REPEAT_CONTACT = "repeatContact";
    static final String ESCALATIONS = "escalations";
    static final String TIMELINE = "timeline";
    static final String LAST_EVENT_AT = "lastEventAt";
    static final String APPLIED_EVENT_IDS = "appliedEventIds";

    // inside slaClocks.<clock>
    static final String CLOCK_ID = "clockId";
    static final String METRIC = "metric";
    static final String STARTED_AT = "startedAt";
    static final String DUE_AT = "dueAt";
    static final String MET_AT = "metAt";
    static final String ON_TIME = "onTime";
    static final String BREACHED_AT = "breachedAt";
    static final String STOPPED_AT = "stoppedAt";
    static final String PAUSED_AT = "pausedAt";

    // inside escalations.<escalation>
    static final String ESCALATION_ID = "escalationId";
    static final String LEVEL = "level";
    static final String ESCALATED_AT = "escalatedAt";

    // inside timeline[]
    static final String EVENT_ID = "eventId";
    static final String EVENT = "event";
    static final String AT = "at";
    static final String SEQUENCE = "sequence";
    static final String STATUS = "status";
    static final String DETAIL = "detail";

    // inside surveys.<survey>, ratings.<survey>, callbacks.<callback>
    static final String SURVEY_ID = "surveyId";
    static final String RESOLUTION_NO = "resolutionNo";
    static final String SENT_AT = "sentAt";
    static final String RATING = "rating";
    static final String NPS_SCORE = "npsScore";
    static final String RATED_AT = "ratedAt";
    static final String CALLBACK_ID = "callbackId";
    static final String OPENED_AT = "openedAt";
    static final String COMPLETED_AT = "completedAt";
    static final String OUTCOME = "outcome";
    static final String RECOVERY = "recovery";

    private FactFields() {
    }

    /** {@code parent.<encoded key>.field}: a field of the sub-document that one id keys. */
    static String path(String parent, String key, String field) {
        return parent + '.' + key(key) + '.' + field;
    }

    /**
     * An id as a field name. A dot would split the path and a leading {@code $} reads as an
     * operator, so {@code %}, {@code .}, {@code $} and NUL are percent-encoded; the encoding is
     * injective, so two ids never share a key. The raw id is kept inside the sub-document, so
     * nothing ever decodes a key.
     */
    static String key(String id) {
        if (id.isEmpty()) {
            return "%";
        }
        StringBuilder key = new StringBuilder(id.length());
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            switch (c) {
                case '%' -> key.append("%25");
                case '.' -> key.append("%2E");
                case '$' -> key.append("%24");
                case '\u0000' -> key.append("%00");
                default -> key.append(c);
            }
        }
        return key.toString();
    }
}
