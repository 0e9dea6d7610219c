package io.ticketflow.sla.policy;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** The policy table as last edited over the API, in the {@code policies} collection. */
@Document("policies")
record EditedPolicies(@Id String id, PolicyProperties table) {

    static final String ID = "policies";
}
