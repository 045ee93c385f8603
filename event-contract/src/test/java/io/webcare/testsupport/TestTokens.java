package io.webcare.testsupport;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Bearer tokens shaped like the webcare realm's (roles in realm_access, team and product areas as claims). */
public final class TestTokens {
    public static final String ISSUER = "https://keycloak.test/realms/webcare";
    private static final String SIGNING_KEY = "testsupport/test-signing-key.pem";

    private TestTokens() {}

    public static String agent(String team) {
        return token("agent-" + team, List.of("agent"), Map.of("team", team));
    }

    public static String teamLead(String team) {
        return token("lead-" + team, List.of("agent", "team-lead"), Map.of("team", team));
    }

    public static String productOwner(String... areas) {
        return token("product-owner", List.of("product-owner"), Map.of("product_areas", List.of(areas)));
    }

    public static String analyst() {
        return token("analyst", List.of("analyst"), Map.of());
    }

    public static String integration() {
        return token("service-account-contact-centre", List.of("integration"), Map.of());
    }

    public static String token(String username, List<String> roles, Map<String, Object> claims) {
        var builder = Jwt.issuer(ISSUER)
                .subject(username)
                .preferredUserName(username)
                .claim("realm_access", Map.of("roles", roles))
                .expiresIn(3600);
        claims.forEach(builder::claim);
        return builder.jws().keyId("test").sign(SIGNING_KEY);
    }

    /** The public half of the signing key, as quarkus.oidc.public-key expects it (base64 DER, no PEM armour). */
    static String verificationKey() {
        try (InputStream in =
                TestTokens.class.getClassLoader().getResourceAsStream("testsupport/test-verification-key.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
