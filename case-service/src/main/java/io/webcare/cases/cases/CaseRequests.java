package io.webcare.cases.cases;

import io.webcare.contract.events.Visibility;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;

/** The bodies of the agents' commands on a case. */
public final class CaseRequests {
    private CaseRequests() {}

    public record Assign(@NotBlank @Size(max = 255) String assignee) {}

    public record Transfer(
            @NotBlank
                    @Size(max = 100)
                    @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "a team name: lower case," + " digits and dashes")
                    String toTeam,
            @NotBlank @Size(max = 500) String reason,
            boolean switchSlaPolicy) {}

    /** {@code askSatisfaction}: send the configured satisfaction question; null leaves it to the configuration. */
    public record Resolve(@NotBlank @Size(max = 50) String resolutionCode, Boolean askSatisfaction) {}

    public record Merge(@NotNull UUID intoCaseId) {}

    public record Tags(
            @NotNull @Size(max = 20)
                    Set<
                                    @NotBlank @Size(max = 50)
                                    @Pattern(
                                            regexp = "[\\p{L}\\p{N}][\\p{L}\\p{N}_-]*",
                                            message = "a" + " tag: letters, digits, dashes and underscores")
                                    String>
                            tags) {}

    public record Note(@NotBlank @Size(max = 10_000) String text) {}

    public record ReplyDraft(@NotBlank @Size(max = 10_000) String text, Visibility visibility) {}

    public record SatisfactionScore(
            @NotNull @Pattern(regexp = "csat|nps", message = "csat or nps") String scale,
            @NotNull @Min(0) @Max(10) Integer score) {}
}
