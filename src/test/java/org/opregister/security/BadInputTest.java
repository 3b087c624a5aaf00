package org.opregister.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import org.opregister.TestSupport;
import org.opregister.TestSupport.Csrf;
import org.opregister.incident.Incident;
import org.opregister.incident.LossEntry;
import org.opregister.security.Routes.Route;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Posts the usual attacks and junk to every form and API endpoint: never a 5xx, a 4xx for what is refused with
 * stored data unchanged, and script tags never come back unescaped.
 */
@QuarkusTest
class BadInputTest {

    private static final List<String> FIELDS = List.of("title", "description", "severity", "eventCategory", "eventType",
            "businessLine", "orgUnit", "owner", "occurrenceDate", "discoveryDate", "causes", "rootCause", "thirdParty",
            "nearMiss", "version", "closureDate", "type", "amount", "currency", "fxRate", "accountingDate", "username",
            "displayName", "roles", "password", "enabled", "current", "confirmation");

    private static final Map<String, String> JUNK = new LinkedHashMap<>();

    /** Junk that a route took as valid input (a password may well be "<script>alert(1)</script>"). */
    private static final List<String> ACCEPTED = new ArrayList<>();

    static {
        JUNK.put("script", "<script>alert(1)</script>");
        JUNK.put("sql", "' OR 1=1; DROP TABLE incident; --");
        JUNK.put("formula", "=cmd|' /C calc'!A0");
        JUNK.put("long", "x".repeat(5000));
        JUNK.put("huge", "y".repeat(70_000));
        JUNK.put("word", "abc");
        JUNK.put("negative", "-1");
        JUNK.put("absurd", "99999999999999999999999999.999");
        JUNK.put("bigNumber", "999999999");
        JUNK.put("exponent", "1e308");
        JUNK.put("year0", "0000-01-01");
        JUNK.put("year9999", "9999-12-31");
        JUNK.put("enum", "NOT_A_CODE");
        JUNK.put("control", "a\u0000b\u0007c");
        JUNK.put("unicode", "ÄÖÜ ✓ 日本 \uD83D\uDE00");
    }

    @Test
    void everyFormAndApiEndpointRefusesJunkCleanly() throws Exception {
        RouteFixture fixture = new RouteFixture();
        List<String> failures = new ArrayList<>();
        for (Route route : fixture.routes) {
            // Sign-out and unlinking take no input, so there is nothing for junk to be refused in.
            if (route.method().equals("GET") || route.path().equals("/logout")
                    || route.template().endsWith("/unlink")) {
                continue;
            }
            String who = route.template().startsWith("/admin") ? "admin" : "officer";
            for (Map.Entry<String, String> junk : JUNK.entrySet()) {
                State before = State.read(fixture);
                Response response = route.json()
                        ? json(route, who, junk.getValue())
                        : form(route, who, junk.getValue());
                check(route, junk.getKey(), response, before, State.read(fixture), failures);
            }
            State before = State.read(fixture);
            Response empty = route.json()
                    ? raw(route, who, "application/json", new byte[0])
                    : raw(route, who, "application/x-www-form-urlencoded", new byte[0]);
            check(route, "empty", empty, before, State.read(fixture), failures);
            byte[] invalidUtf8 = route.json()
                    ? "{\"title\": \"\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1)
                    : "title=%C3%28&amount=%FF%FE".getBytes(StandardCharsets.US_ASCII);
            before = State.read(fixture);
            Response broken = raw(route, who, route.json() ? "application/json" : "application/x-www-form-urlencoded",
                    invalidUtf8);
            check(route, "invalid UTF-8", broken, before, State.read(fixture), failures);
            if (route.json()) {
                for (String body : List.of("[]", "\"text\"", "{\"title\": 5, \"causes\": {\"a\": 1}}",
                        "{\"severity\": [1]}",
                        "{\"version\": \"latest\", \"title\": \"x\"}", "{{{")) {
                    before = State.read(fixture);
                    check(route, body, raw(route, who, "application/json", body.getBytes(StandardCharsets.UTF_8)),
                            before, State.read(fixture), failures);
                }
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(List.of(), ACCEPTED.stream().filter(a -> !a.contains("password")).toList(),
                "only password fields may take such text");
    }

    @Test
    void everyPageTakesJunkInItsQueryParameters() throws Exception {
        RouteFixture fixture = new RouteFixture();
        List<String> parameters = List.of("q", "status", "eventType", "businessLine", "band", "from", "to", "page",
                "size",
                "sort", "user", "type", "record", "action", "error");
        List<String> failures = new ArrayList<>();
        for (Route route : fixture.routes) {
            if (!route.method().equals("GET")) {
                continue;
            }
            String who = route.template().startsWith("/admin") || route.template().startsWith("/audit")
                    ? "admin"
                    : "officer";
            for (Map.Entry<String, String> junk : JUNK.entrySet()) {
                if (junk.getKey().equals("huge") || junk.getKey().equals("long")) { // over the URL limit: 414
                    continue;
                }
                RequestSpecification request = TestSupport.session(who).request();
                parameters.forEach(name -> request.queryParam(name, junk.getValue()));
                Response response = request.get(route.path());
                if (response.statusCode() >= 500) {
                    failures.add(route + " with " + junk.getKey() + ": " + response.statusCode());
                }
                if (response.asString().contains("<script>alert(1)</script>")) {
                    failures.add(route + " with " + junk.getKey() + ": script tag echoed unescaped");
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void recordsOfOtherParentsAreNotReachable() throws Exception {
        RouteFixture fixture = new RouteFixture();
        long otherIncident = org.opregister.incident.IncidentFixtures.record(TestSupport.session("officer"),
                "Other parent");
        long otherKri = org.opregister.kri.KriFixtures.define(TestSupport.session("officer"), "Other parent KRI");
        for (Route route : fixture.routes) {
            if (route.template().contains("{lossId}")) {
                String path = route.path().replace("/incidents/" + fixture.incidentId + "/",
                        "/incidents/" + otherIncident + "/");
                Route other = new Route(route.method(), route.template(), path, route.json(), route.multipart());
                int status = route.method().equals("GET")
                        ? TestSupport.session("officer").request().get(path).statusCode()
                        : route.json()
                                ? json(other, "officer", "1").statusCode()
                                : form(other, "officer", "1")
                                        .statusCode();
                assertEquals(404, status, route + " via another incident");
            }
            if (route.template().contains("{valueId}")) {
                String path = route.path().replace("/kris/" + fixture.kriId + "/", "/kris/" + otherKri + "/");
                int status = route.method().equals("GET")
                        ? TestSupport.session("officer").request().get(path).statusCode()
                        : form(new Route(route.method(), route.template(), path, false, false), "officer", "1")
                                .statusCode();
                assertEquals(404, status, route + " via another KRI");
            }
        }
    }

    private static void check(Route route, String junk, Response response, State before, State after,
            List<String> failures) {
        int status = response.statusCode();
        String where = route + " with " + junk;
        if (status >= 500) {
            failures.add(where + ": " + status);
        } else if (status >= 400 && !before.equals(after)) {
            failures.add(where + ": refused (" + status + ") but stored data changed");
        } else if (status < 300) {
            failures.add(where + ": accepted with " + status);
        } else if (status < 400 && String.valueOf(response.header("Location")).contains("/login")) {
            failures.add(where + ": sent to the login page (" + status + ")");
        } else if (status < 400) {
            ACCEPTED.add(where);
        }
        if (response.asString().contains("<script>alert(1)</script>")) {
            failures.add(where + ": script tag echoed unescaped");
        }
    }

    private static Response form(Route route, String who, String value) {
        RequestSpecification request = withCsrf(who).contentType("application/x-www-form-urlencoded; charset=UTF-8");
        FIELDS.forEach(field -> request.formParam(field, value));
        return request.request(route.method(), route.path());
    }

    private static Response json(Route route, String who, String value) {
        Map<String, Object> body = new LinkedHashMap<>();
        FIELDS.forEach(field -> body.put(field, value));
        body.put("causes", List.of(value));
        return TestSupport.session(who).request().contentType("application/json").body(body).request(route.method(),
                route.path());
    }

    private static Response raw(Route route, String who, String contentType, byte[] body) {
        RequestSpecification request = route.json() ? TestSupport.session(who).request() : withCsrf(who);
        if (!route.json()) {
            Csrf csrf = TestSupport.session(who).csrf("/account/password");
            String prefix = "csrf-token=" + csrf.field() + (body.length == 0 ? "" : "&");
            byte[] withToken = new byte[prefix.length() + body.length];
            System.arraycopy(prefix.getBytes(StandardCharsets.US_ASCII), 0, withToken, 0, prefix.length());
            System.arraycopy(body, 0, withToken, prefix.length(), body.length);
            body = withToken;
            // Form bodies are percent-encoded ASCII; the bytes they stand for may be invalid UTF-8.
            return TestSupport.session(who).request().cookie("csrf-token", csrf.cookie()).contentType(contentType)
                    .body(new String(body, StandardCharsets.ISO_8859_1)).request(route.method(), route.path());
        }
        return request.contentType(contentType).body(body).request(route.method(), route.path());
    }

    private static RequestSpecification withCsrf(String who) {
        Csrf csrf = TestSupport.session(who).csrf("/account/password");
        return TestSupport.session(who).request().cookie("csrf-token", csrf.cookie()).formParam("csrf-token",
                csrf.field());
    }

    /** What a refused request must leave as it was. */
    record State(long incidents, long losses, long users, long incidentVersion, long lossVersion, long userVersion,
            String userPassword) {

        static State read(RouteFixture fixture) {
            return QuarkusTransaction.requiringNew()
                    .call(() -> new State(Incident.count(), LossEntry.count(), User.count(),
                            Incident.<Incident>findById(fixture.incidentId).version,
                            LossEntry.<LossEntry>findById(fixture.lossId).version,
                            User.<User>findById(fixture.userId).version,
                            User.<User>findById(fixture.userId).passwordHash));
        }
    }
}
