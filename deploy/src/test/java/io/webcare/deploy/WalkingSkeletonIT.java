package io.webcare.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.webcare.deploy.tools.ApiResponse;
import io.webcare.deploy.tools.EventTap;
import io.webcare.deploy.tools.IngestMessage;
import io.webcare.deploy.tools.IngestReceipt;
import io.webcare.deploy.tools.LoadTest;
import io.webcare.deploy.tools.StackClient;
import io.webcare.deploy.tools.StackEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

/**
 * The foundation's walking skeleton, end to end: the real launcher starts an isolated stack (PostgreSQL, Kafka,
 * Keycloak, the five services) and the tests talk to it as the contact centre and the agents do, with real tokens,
 * and as team leads do through a real browser. The dashboard's scenarios run first: its queue shows the clocks
 * closest to breach, which the other scenarios' hundreds of cases would fill.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkingSkeletonIT {

    private static final String COMPLAINT_AGENT = "carla"; // team complaints
    private static final String WEBCARE_AGENT = "wendy"; // team webcare
    private static final String PRODUCT_OWNER = "pieter"; // product areas billing and network
    private static final String COMPLAINTS_LEAD = "cees"; // team complaints, agent and team lead
    private static final String INTERNET_OUTAGE = "@acme Al sinds gisteravond geen internet in Apeldoorn-Zuid, de"
            + " derde storing deze maand. Ik werk thuis. Wanneer is dit opgelost?"; // routed to team complaints
    private static final Duration CASE_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(250);

    private static LocalStack stack;
    private static StackClient client;

    @BeforeAll
    static void startStack() {
        stack = new LocalStack();
        stack.start();
        client = new StackClient(stack.config());
    }

    @AfterAll
    static void stopStack() {
        if (stack != null && !Boolean.getBoolean("webcare.e2e.keepStack")) {
            stack.stop();
        }
    }

    @Test
    @Order(1)
    void teamLeadSignsInAtKeycloakAndTheDashboardUpdatesByItselfWhenACaseOpens() {
        String dashboard = client.config().slaUrl() + "/dashboard";
        String team = "section[data-team='complaints']";
        try (DashboardBrowser browser = new DashboardBrowser()) {
            browser.open(dashboard);

            browser.waitFor(By.id("kc-login"));
            assertThat(browser.currentUrl())
                    .as("an anonymous browser is sent to Keycloak's login page")
                    .startsWith(client.config().keycloakUrl() + "/realms/webcare/protocol/openid-connect/auth");
            browser.logInAtKeycloak(COMPLAINTS_LEAD, COMPLAINTS_LEAD);

            String openCases = browser.waitFor(By.cssSelector(team + " [data-figure='open-cases'] .value"))
                    .getText();
            assertThat(browser.currentUrl()).startsWith(dashboard);
            assertThat(browser.findAll(By.cssSelector("section[data-team]")))
                    .as("a team lead sees their own team only")
                    .hasSize(1);
            assertThat(browser.findAll(By.cssSelector(team + " [data-figure]")))
                    .extracting(e -> e.getAttribute("data-figure"))
                    .contains("first-response-share", "first-response-times", "resolution-share", "open-breaches");
            assertThat(browser.findAll(By.cssSelector(team + " svg.chart polyline[data-series]")))
                    .hasSize(4);
            browser.script("window.e2eSameDocument = true;");

            IngestReceipt receipt = client.postMessage(complaint(INTERNET_OUTAGE), client.integrationToken());
            String caseId = awaitCaseOf(receipt.messageId(), COMPLAINT_AGENT)
                    .path("caseId")
                    .asText();

            By queueRow = By.cssSelector(team + " [data-queue='closest-to-breach'] tr[data-case-id='" + caseId + "']");
            browser.waitUntil(
                    CASE_TIMEOUT,
                    "the new case's clocks in the team's queue",
                    () -> browser.findAll(queueRow).size() == 2);
            assertThat(browser.findAll(queueRow))
                    .extracting(e -> e.getAttribute("data-clock"))
                    .containsExactlyInAnyOrder("first-response", "resolution");
            assertThat(Long.parseLong(browser.waitFor(By.cssSelector(team + " [data-figure='open-cases'] .value"))
                            .getText()))
                    .isGreaterThan(Long.parseLong(openCases));
            assertThat(browser.script("return window.e2eSameDocument === true;"))
                    .as("the page updated without a reload")
                    .isEqualTo(true);
            Path shot = browser.screenshot(stack.repoRoot().resolve("deploy/target/dashboard-e2e.png"));
            System.out.printf("[e2e] dashboard screenshot: %s%n", shot);
        }
    }

    @Test
    @Order(2)
    void userWithoutADashboardRoleSignsInAndIsRefused() {
        try (DashboardBrowser browser = new DashboardBrowser()) {
            browser.open(client.config().slaUrl() + "/dashboard");
            browser.logInAtKeycloak(PRODUCT_OWNER, PRODUCT_OWNER);

            String refusal = browser.waitFor(By.id("refusal")).getText();

            assertThat(browser.title()).contains("Not allowed");
            assertThat(browser.bodyText()).contains("403");
            assertThat(refusal).contains(PRODUCT_OWNER).contains("agents, team leads and analysts");
            assertThat(browser.findAll(By.cssSelector("section[data-team]"))).isEmpty();
            assertThat(browser.driver()
                            .executeAsyncScript("const done = arguments[arguments.length - 1];"
                                    + " fetch('/dashboard/events').then(r => done(r.status), e => done(String(e)));"))
                    .as("the stream refuses the same session")
                    .isEqualTo(403L);
        }
    }

    @Test
    void complaintPostedByContactCentreBecomesCaseWithRunningClocks() {
        IngestMessage complaint = complaint(INTERNET_OUTAGE);

        IngestReceipt receipt = client.postMessage(complaint, client.integrationToken());

        assertThat(receipt.status()).isEqualTo(202);
        assertThat(receipt.duplicate()).isFalse();
        assertThat(receipt.messageId()).isNotBlank();
        assertThat(receipt.conversationKey()).isNotBlank();

        JsonNode summary = awaitCaseOf(receipt.messageId(), COMPLAINT_AGENT);
        assertThat(summary.path("team").asText()).isEqualTo("complaints");
        String caseId = summary.path("caseId").asText();

        JsonNode theCase = client.caseById(caseId, client.userToken(COMPLAINT_AGENT))
                .requireSuccess("GET case")
                .json();
        assertThat(theCase.path("team").asText()).isEqualTo("complaints");
        assertThat(theCase.path("priority").asText()).isNotBlank();
        assertThat(theCase.path("channel").asText()).isEqualTo("x");
        assertThat(theCase.path("messages"))
                .anySatisfy(m -> assertThat(m.path("messageId").asText()).isEqualTo(receipt.messageId()));

        List<JsonNode> clocks = awaitClocks(caseId, COMPLAINT_AGENT);
        assertThat(clocks).anySatisfy(c -> assertRunningClock(c, caseId, "first-response", Duration.ofHours(1)));
        assertThat(clocks).anySatisfy(c -> assertRunningClock(c, caseId, "resolution", Duration.ofHours(24)));
    }

    @Test
    void agentsReplyIsPostedUnderTheTweetOnceAndStopsTheFirstResponseClock() {
        IngestMessage complaint = complaint(
                "@acme Mijn abonnement is deze maand twee keer afgeschreven. Kunnen" + " jullie dat terugboeken?");
        IngestReceipt receipt = client.postMessage(complaint, client.integrationToken());
        SeenCase seen = awaitCaseOfEitherTeam(receipt.messageId());
        String caseId = seen.summary().path("caseId").asText();
        String agentToken = client.userToken(seen.agent());
        awaitClocks(caseId, seen.agent());
        String text = "Vervelend dat het bedrag dubbel is afgeschreven. Ik heb de tweede afschrijving net"
                + " teruggeboekt; je ziet het binnen twee werkdagen op je rekening.";

        ApiResponse answer = client.reply(caseId, text, agentToken);

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        List<JsonNode> posts = await().atMost(CASE_TIMEOUT)
                .pollInterval(POLL)
                .until(() -> client.simulatedPosts(complaint.externalId()), p -> !p.isEmpty());
        assertThat(posts).singleElement().satisfies(post -> {
            assertThat(post.path("platform").asText()).isEqualTo("x");
            assertThat(post.path("kind").asText()).isEqualTo("tweet-reply");
            assertThat(post.path("text").asText()).contains("teruggeboekt");
        });
        await().atMost(CASE_TIMEOUT).pollInterval(POLL).untilAsserted(() -> assertThat(
                        client.caseById(caseId, agentToken)
                                .requireSuccess("GET case")
                                .json()
                                .path("replies"))
                .anySatisfy(r -> {
                    assertThat(r.path("status").asText()).isEqualTo("delivered");
                    assertThat(r.path("firstResponse").asBoolean()).isTrue();
                }));
        await().atMost(CASE_TIMEOUT).pollInterval(POLL).untilAsserted(() -> assertThat(
                        StackClient.elements(client.clocks(caseId, agentToken)))
                .anySatisfy(c -> {
                    assertThat(c.path("clock").asText()).isEqualTo("first-response");
                    assertThat(c.path("status").asText()).isEqualTo("met");
                }));
        assertThat(client.simulatedPosts(complaint.externalId()))
                .as("the reply is posted once")
                .hasSize(1);
    }

    @Test
    void thirtyComplaintsBecomeOneIssueWhoseFixReachesEveryCustomerOnce() {
        String product = "Zorvak" + randomLetters(6); // a product name no other test uses: it marks this run's issue
        List<String> phrasings = List.of(
                "@acme Jullie hebben de prijs van mijn %s abonnement zonder bericht verhoogd. Dat is niet eerlijk!",
                "@acme De prijs van het %s abonnement is ineens verhoogd, zonder enige melding. Niet eerlijk!",
                "@acme Waarom is mijn %s abonnement zonder bericht in prijs verhoogd? Dit is echt niet eerlijk.",
                "@acme Prijs van mijn %s abonnement verhoogd zonder dat jullie iets lieten weten. Oneerlijk!");
        List<IngestMessage> complaints = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            complaints.add(complaint(phrasings.get(i % phrasings.size()).formatted(product)));
        }
        String integration = client.integrationToken();
        complaints.forEach(c -> client.postMessage(c, integration));
        String owner = client.userToken(PRODUCT_OWNER);

        JsonNode issue = await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(
                        () -> issuesAbout(product, owner),
                        found -> found.size() == 1
                                && found.getFirst().path("linkedCases").asInt() == 30)
                .getFirst();
        assertThat(issue.path("productArea").asText()).isEqualTo("billing");
        assertThat(issue.path("owner").asText()).isEqualTo(PRODUCT_OWNER);

        String fix = "Goed nieuws: de prijsverhoging van het " + product + " abonnement is teruggedraaid. Het teveel"
                + " betaalde bedrag staat deze week weer op je rekening.";
        client.post(
                        client.config().feedbackUrl(),
                        "/api/v1/issues/" + issue.path("id").asText() + "/resolve",
                        Map.of("customerMessage", fix),
                        owner)
                .requireSuccess("feedback POST resolve");

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    for (IngestMessage complaint : complaints) {
                        assertThat(client.simulatedPosts(complaint.externalId()))
                                .as("follow-ups posted under %s", complaint.externalId())
                                .filteredOn(post -> post.path("text").asText().contains("teruggedraaid"))
                                .hasSize(1);
                    }
                });
        assertThat(issuesAbout(product, owner).getFirst().path("status").asText())
                .isEqualTo("resolved");
    }

    /** The product owner's issues whose label, terms or samples name the product. */
    private static List<JsonNode> issuesAbout(String product, String token) {
        String marker = product.toLowerCase(Locale.ROOT);
        return StackClient.elements(client.get(client.config().feedbackUrl(), "/api/v1/issues", token)
                        .requireSuccess("feedback GET /api/v1/issues"))
                .stream()
                .filter(issue -> issue.toString().toLowerCase(Locale.ROOT).contains(marker))
                .toList();
    }

    private static String randomLetters(int n) {
        var random = ThreadLocalRandom.current();
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < n; i++) {
            letters.append((char) ('a' + random.nextInt(26)));
        }
        return letters.toString();
    }

    @Test
    void apiRefusesMissingTokenAndOtherTeamsAgent() {
        IngestMessage complaint = complaint("My Acme invoice charges me twice for the same month, 89.95 euros each"
                + " time. I want the second charge refunded. Who is sorting this out?");
        IngestReceipt receipt = client.postMessage(complaint, client.integrationToken());
        // Whichever team routing chose, the agent of the other team is the outsider.
        SeenCase seen = awaitCaseOfEitherTeam(receipt.messageId());
        String owner = seen.agent();
        String outsider = owner.equals(COMPLAINT_AGENT) ? WEBCARE_AGENT : COMPLAINT_AGENT;
        String caseId = seen.summary().path("caseId").asText();
        awaitClocks(caseId, owner); // the clocks exist, so a refusal below is about access only

        String outsiderToken = client.userToken(outsider);
        assertUnauthenticated(client.caseById(caseId, null));
        assertUnauthenticated(client.caseById(caseId, forged(client.userToken(owner))));
        assertForbidden(client.caseById(caseId, outsiderToken));
        assertThat(client.caseById(caseId, client.userToken(owner)).status()).isEqualTo(200);

        assertUnauthenticated(client.clocks(caseId, null));
        assertUnauthenticated(client.clocks(caseId, forged(client.userToken(owner))));
        assertForbidden(client.clocks(caseId, outsiderToken));
        assertThat(client.clocks(caseId, client.userToken(owner)).status()).isEqualTo(200);

        IngestMessage unsigned = complaint("Zonder token mag dit bericht nergens aankomen. Klopt dat?");
        assertThat(client.postMessageResponse(unsigned, null).status())
                .as("POST a message without a token")
                .isEqualTo(401);
        assertThat(client.postMessageResponse(unsigned, client.userToken(WEBCARE_AGENT))
                        .status())
                .as("POST a message as an agent: only the integration role may")
                .isEqualTo(403);
    }

    @Test
    void sameMessageDeliveredTwiceOpensOneCase() {
        IngestMessage complaint = complaint("Mijn bestelling (nieuwe modem) zou dinsdag komen, het is nu zaterdag"
                + " en er is nog niks. Waar blijft hij, Acme?");
        String token = client.integrationToken();

        IngestReceipt first = client.postMessage(complaint, token);
        IngestReceipt again = client.postMessage(complaint, token);

        assertThat(first.status()).isEqualTo(202);
        assertThat(first.duplicate()).isFalse();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.duplicate()).isTrue();
        assertThat(again.messageId()).isEqualTo(first.messageId());

        awaitCaseOfEitherTeam(first.messageId());
        assertThat(casesSeenByBothTeams(first.messageId())).hasSize(1);
        assertThat(receivedEventsFor(Set.of(first.messageId())).get(first.messageId()))
                .as("ingest published the message once")
                .hasSize(1);
        assertThat(openedCaseIdsByFirstMessage(Set.of(first.messageId())).get(first.messageId()))
                .hasSize(1);
    }

    @Test
    void killingAServiceMidStreamLosesNothingAndDuplicatesNothing() throws Exception {
        int count = 40;
        List<IngestMessage> messages = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            messages.add(complaint("Storing " + i + ": al de hele ochtend geen internet en geen tv in Deventer."
                    + " Wanneer is het opgelost, Acme?"));
        }
        Map<String, String> messageIdByExternalId = new ConcurrentHashMap<>();
        CompletableFuture<Void> allPosted = new CompletableFuture<>();
        AtomicInteger next = new AtomicInteger();
        ScheduledExecutorService poster = Executors.newSingleThreadScheduledExecutor();
        try {
            // One message every 250 ms (10 s in all), so the stream runs across both kills.
            poster.scheduleAtFixedRate(
                    () -> {
                        int i = next.getAndIncrement();
                        if (i >= count) {
                            allPosted.complete(null);
                            return;
                        }
                        try {
                            IngestMessage m = messages.get(i);
                            IngestReceipt r = client.postMessage(m, client.integrationToken());
                            messageIdByExternalId.put(m.externalId(), r.messageId());
                        } catch (RuntimeException e) {
                            allPosted.completeExceptionally(e);
                        }
                    },
                    0,
                    250,
                    TimeUnit.MILLISECONDS);

            stack.killAndRestart("case");
            stack.killAndRestart("routing");
            allPosted.get(2, TimeUnit.MINUTES);
        } finally {
            poster.shutdownNow();
        }

        assertThat(messageIdByExternalId).hasSize(count);
        Set<String> messageIds = Set.copyOf(messageIdByExternalId.values());
        assertThat(messageIds).as("one message per delivery").hasSize(count);

        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(messageIds).allSatisfy(id -> assertThat(casesSeenByBothTeams(id))
                        .as("cases of message %s", id)
                        .hasSize(1)));

        Map<String, Set<String>> opened = openedCaseIdsByFirstMessage(messageIds);
        assertThat(opened.keySet()).containsExactlyInAnyOrderElementsOf(messageIds);
        assertThat(opened.values())
                .as("one case per message on webcare.cases (a re-sent event keeps its case id)")
                .allSatisfy(caseIds -> assertThat(caseIds).hasSize(1));
    }

    @Test
    void concurrentDeliveriesAllBecomeCasesWithClocks() {
        // The load tool itself: 200 messages, 8 in flight, each followed to case.opened and both clocks on Kafka.
        LoadTest.Result result = new LoadTest(client, System.out).run(200, 0, 8, Duration.ofSeconds(60));

        assertThat(result.errors()).isZero();
        assertThat(result.accepted()).isEqualTo(200);
        assertThat(result.caseOpenedMissing())
                .as("accepted messages without a case.opened (e.g. %s)", result.missingSamples())
                .isZero();
        assertThat(result.clocksMissing()).isZero();
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    /** A public complaint on X from a new author, with an external id no other test (or run) uses. */
    private static IngestMessage complaint(String text) {
        String unique = UUID.randomUUID().toString();
        return new IngestMessage(
                "x",
                "acme",
                "e2e-" + unique,
                null,
                "public",
                new IngestMessage.Author(
                        "e2e-author-" + unique, "@e2e_" + unique.substring(0, 8), "E2E Klant", 350, false),
                text,
                Instant.now());
    }

    private static JsonNode awaitCaseOf(String messageId, String agent) {
        return await().atMost(CASE_TIMEOUT)
                .pollInterval(POLL)
                .ignoreExceptions()
                .until(() -> client.casesByMessageId(messageId, client.userToken(agent)), cases -> !cases.isEmpty())
                .getFirst();
    }

    private record SeenCase(String agent, JsonNode summary) {}

    /** The message's case as the agent of whichever team it went to sees it. */
    private static SeenCase awaitCaseOfEitherTeam(String messageId) {
        return await().atMost(CASE_TIMEOUT)
                .pollInterval(POLL)
                .ignoreExceptions()
                .until(
                        () -> {
                            for (String agent : List.of(COMPLAINT_AGENT, WEBCARE_AGENT)) {
                                List<JsonNode> cases = client.casesByMessageId(messageId, client.userToken(agent));
                                if (!cases.isEmpty()) {
                                    return new SeenCase(agent, cases.getFirst());
                                }
                            }
                            return null;
                        },
                        Objects::nonNull);
    }

    private static List<JsonNode> awaitClocks(String caseId, String agent) {
        return await().atMost(CASE_TIMEOUT)
                .pollInterval(POLL)
                .ignoreExceptions()
                .until(
                        () -> StackClient.elements(
                                client.clocks(caseId, client.userToken(agent)).requireSuccess("GET clocks")),
                        clocks -> clocks.stream()
                                .map(c -> c.path("clock").asText())
                                .collect(Collectors.toSet())
                                .containsAll(Set.of("first-response", "resolution")));
    }

    private static void assertRunningClock(JsonNode clock, String caseId, String name, Duration target) {
        assertThat(clock.path("clock").asText()).isEqualTo(name);
        assertThat(clock.path("caseId").asText()).isEqualTo(caseId);
        assertThat(clock.path("status").asText()).isEqualTo("running");
        Instant startedAt = Instant.parse(clock.path("startedAt").asText());
        Instant dueAt = Instant.parse(clock.path("dueAt").asText());
        assertThat(Duration.between(startedAt, dueAt)).isEqualTo(target);
        assertThat(startedAt).isBetween(Instant.now().minus(Duration.ofMinutes(5)), Instant.now());
    }

    private static void assertForbidden(ApiResponse response) {
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType())
                .as("errors are RFC 9457 problem details")
                .contains("application/problem+json");
    }

    /** The cases the message belongs to across both teams (each agent sees only their own team's). */
    private static List<JsonNode> casesSeenByBothTeams(String messageId) {
        List<JsonNode> cases = new ArrayList<>(client.casesByMessageId(messageId, client.userToken(COMPLAINT_AGENT)));
        cases.addAll(client.casesByMessageId(messageId, client.userToken(WEBCARE_AGENT)));
        return cases;
    }

    /** Distinct case ids of every {@code case.opened} event on webcare.cases, per first message id. */
    private static Map<String, Set<String>> openedCaseIdsByFirstMessage(Set<String> messageIds) {
        return EventTap.readAllFromBeginning(stack.config().kafkaBootstrapServers(), List.of(StackEvent.CASES_TOPIC))
                .stream()
                .filter(e -> StackEvent.CASE_OPENED.equals(e.type()))
                .filter(e -> messageIds.contains(e.text("firstMessageId")))
                .collect(Collectors.groupingBy(
                        e -> e.text("firstMessageId"), Collectors.mapping(e -> e.text("caseId"), Collectors.toSet())));
    }

    /** Distinct CloudEvents ids of {@code message.received} events on webcare.messages.inbound, per message id. */
    private static Map<String, Set<String>> receivedEventsFor(Set<String> messageIds) {
        return EventTap.readAllFromBeginning(stack.config().kafkaBootstrapServers(), List.of(StackEvent.INBOUND_TOPIC))
                .stream()
                .filter(e -> StackEvent.MESSAGE_RECEIVED.equals(e.type()))
                .filter(e -> messageIds.contains(e.text("messageId")))
                .collect(Collectors.groupingBy(
                        e -> e.text("messageId"), Collectors.mapping(StackEvent::id, Collectors.toSet())));
    }

    /** A 401 is a problem-details answer like every other error, whether the token is missing or rejected. */
    private static void assertUnauthenticated(ApiResponse response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"status\":401");
    }

    /** The same claims with a signature that does not match them: what a client that edited a token would send. */
    private static String forged(String token) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
    }
}
