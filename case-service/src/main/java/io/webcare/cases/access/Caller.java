package io.webcare.cases.access;

import io.quarkus.security.identity.SecurityIdentity;
import io.webcare.contract.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, as the token says. Agents and team leads read and change their own team's cases only; analysts
 * and the contact centre (integration) read every team's cases; only team leads assign and transfer.
 */
@RequestScoped
public class Caller {
    public static final String AGENT = "agent";
    public static final String TEAM_LEAD = "team-lead";
    public static final String ANALYST = "analyst";
    public static final String INTEGRATION = "integration";

    private final JsonWebToken token;
    private final SecurityIdentity identity;

    public Caller(JsonWebToken token, SecurityIdentity identity) {
        this.token = token;
        this.identity = identity;
    }

    /** The caller's user name (Keycloak preferred_username), as audit entries and events name people. */
    public String name() {
        String name = token.getClaim("preferred_username");
        return name == null || name.isBlank() ? token.getSubject() : name;
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    /** True for callers who work in one team's cases (agents, team leads). */
    public boolean worksInTeam() {
        return is(AGENT) || is(TEAM_LEAD);
    }

    public String team() {
        String team = token.getClaim("team");
        if (team == null || team.isBlank()) {
            throw ProblemException.forbidden("Your token names no team.");
        }
        return team;
    }

    public void requireTeam(String team) {
        if (!team().equals(team)) {
            throw ProblemException.forbidden("This case belongs to another team.");
        }
    }

    /** Reading: every team for analysts and the contact centre, the own team for agents and team leads. */
    public void requireRead(String team) {
        if (is(ANALYST) || is(INTEGRATION)) {
            return;
        }
        requireTeam(team);
    }

    /** Changing a case: agents and team leads of its team. */
    public void requireWork(String team) {
        if (!worksInTeam()) {
            throw ProblemException.forbidden("Your role does not allow changing cases.");
        }
        requireTeam(team);
    }

    public void requireTeamLead(String team) {
        if (!is(TEAM_LEAD)) {
            throw ProblemException.forbidden("Only a team lead may do this.");
        }
        requireTeam(team);
    }
}
