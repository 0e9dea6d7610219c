package io.ticketflow.routing.agent;

import io.ticketflow.events.Department;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Body of {@code PUT /api/v1/agents/{agentId}}. Skill tags are matched without regard to case and
 * stored lowercased; an agent without skills can still take untagged tickets of their department.
 */
record AgentRequest(
        @NotBlank @Size(max = 200) String name,
        @Nullable @Size(max = 100) String team,
        @NotNull Department department,
        @Nullable @Size(max = 50) Map<@NotNull @Pattern(regexp = "[A-Za-z0-9-]{1,50}") String,
                @NotNull @Min(1) @Max(5) Integer> skills,
        @NotNull @Min(0) @Max(100) Integer capacity,
        @Nullable @Size(max = 1000) List<@NotBlank @Size(max = 100) String> vipCustomers) {

    /** Two tags that differ only in case would collapse into one; that is a mistake in the request. */
    @AssertTrue(message = "skill tags must be unique ignoring case")
    boolean isSkillTagsDistinct() {
        return skills == null || skills.keySet().stream().filter(k -> k != null)
                .map(k -> k.toLowerCase(Locale.ROOT)).distinct().count() == skills.size();
    }

    AgentProfile toProfile() {
        Map<String, Integer> normalised = new LinkedHashMap<>();
        if (skills != null) {
            skills.forEach((tag, proficiency) -> normalised.put(tag.toLowerCase(Locale.ROOT), proficiency));
        }
        return new AgentProfile(name.strip(), team == null || team.isBlank() ? null : team.strip(), department,
                normalised, capacity, vipCustomers == null ? List.of() : vipCustomers.stream().map(String::strip).distinct().toList());
    }
}
