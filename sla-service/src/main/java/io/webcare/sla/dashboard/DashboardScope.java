package io.webcare.sla.dashboard;

import java.util.List;

/**
 * Which teams a viewer sees: analysts every team ({@code teams} null), agents and team leads the team(s) their token
 * names.
 */
record DashboardScope(String viewer, List<String> teams) {
    boolean allTeams() {
        return teams == null;
    }
}
