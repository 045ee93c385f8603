package io.webcare.cases.access;

import io.webcare.contract.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling, as the token says: agents and team leads act for their own team only. */
@RequestScoped
public class Caller {
    private final JsonWebToken token;

    public Caller(JsonWebToken token) {
        this.token = token;
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
}
