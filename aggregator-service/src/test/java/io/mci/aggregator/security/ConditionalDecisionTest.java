package io.mci.aggregator.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.mci.aggregator.testing.AggregatorTest;
import io.mci.aggregator.testing.Fixtures;
import io.mci.aggregator.testing.Stubs;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The decision is asked for on every request, conditionally: the aggregator sends the ETag of the decision it holds
 * and reuses that decision only when the entitlement service answers 304; any 200 replaces it at once.
 */
@QuarkusTest
class ConditionalDecisionTest extends AggregatorTest {

    private static String path(String subject) {
        return "/entitlement/v1/internal/analysts/" + subject + "/decision";
    }

    private static void answer(String subject, String ifNoneMatch, int status, String etag, String body) {
        var request = get(urlEqualTo(path(subject))).withHeader("If-None-Match", ifNoneMatch == null ? absent() : equalTo(ifNoneMatch));
        var response = aResponse().withStatus(status).withHeader("ETag", etag);
        if (body != null) {
            response = response.withHeader("Content-Type", "application/json").withBody(body);
        }
        Stubs.entitlement().register(request.willReturn(response));
    }

    private static String multiCustomerDenial(String subject) {
        return given().auth().oauth2(Fixtures.token(subject)).get("/mci/v1/me").then().statusCode(200).extract()
                .path("multi_customer.denied_reason");
    }

    @Test
    void reusesTheHeldDecisionOnlyWhenTheEntitlementServiceSaysItIsUnchanged() {
        String subject = Fixtures.subject();
        String allowed = Fixtures.decision(subject, true, null).toString();
        String denied = Fixtures.decision(subject, false, "MULTI_CUSTOMER_DISABLED_BY_PREFERENCE").toString();
        answer(subject, null, 200, "\"d7-0\"", allowed);
        answer(subject, "\"d7-0\"", 304, "\"d7-0\"", null);

        assertEquals(null, multiCustomerDenial(subject));
        assertEquals(null, multiCustomerDenial(subject)); // 304: the held decision
        List<LoggedRequest> asked = Stubs.entitlement().find(getRequestedFor(urlEqualTo(path(subject))));
        assertEquals(2, asked.size(), "asked on every request");
        assertEquals(null, asked.get(0).getHeader("If-None-Match"));
        assertEquals("\"d7-0\"", asked.get(1).getHeader("If-None-Match"));

        // The preference changes: the entitlement service answers the held tag with a new decision.
        Stubs.entitlement().resetMappings();
        answer(subject, "\"d7-0\"", 200, "\"d8-0\"", denied);
        answer(subject, "\"d8-0\"", 304, "\"d8-0\"", null);
        assertEquals("MULTI_CUSTOMER_DISABLED_BY_PREFERENCE", multiCustomerDenial(subject));
        assertEquals("MULTI_CUSTOMER_DISABLED_BY_PREFERENCE", multiCustomerDenial(subject));
        given().auth().oauth2(Fixtures.token(subject)).get("/idr/v2/investigations?multi-customer=true").then()
                .statusCode(403).body("code", org.hamcrest.Matchers.equalTo("MULTI_CUSTOMER_DISABLED_BY_PREFERENCE"));
    }

    @Test
    void aDecisionWithoutAnEtagIsNotKept() {
        String subject = Fixtures.subject();
        Fixtures.stubDecision(subject);
        multiCustomerDenial(subject);
        multiCustomerDenial(subject);
        List<LoggedRequest> asked = Stubs.entitlement().find(getRequestedFor(urlEqualTo(path(subject))));
        assertEquals(2, asked.size());
        asked.forEach(r -> assertEquals(null, r.getHeader("If-None-Match")));
    }

    @Test
    void aNotModifiedForADecisionNotHeldIsAnUpstreamErrorNotAGuess() {
        String subject = Fixtures.subject();
        Stubs.entitlement().register(get(urlEqualTo(path(subject))).willReturn(aResponse().withStatus(304)));
        given().auth().oauth2(Fixtures.token(subject)).get("/mci/v1/me").then().statusCode(502)
                .body("code", org.hamcrest.Matchers.equalTo("ENTITLEMENT_ERROR"));
        assertEquals(0, Stubs.region("us").find(WireMock.anyRequestedFor(WireMock.anyUrl())).size());
    }

    @Test
    void decisionsAreHeldPerAnalyst() {
        String first = Fixtures.subject();
        String second = Fixtures.subject();
        answer(first, null, 200, "\"d3-0\"", Fixtures.decision(first, true, null).toString());
        answer(second, null, 200, "\"d3-0\"", Fixtures.decision(second, false, "MULTI_CUSTOMER_DISABLED_BY_PREFERENCE").toString());
        answer(first, "\"d3-0\"", 304, "\"d3-0\"", null);
        answer(second, "\"d3-0\"", 304, "\"d3-0\"", null);
        assertEquals(null, multiCustomerDenial(first));
        assertEquals("MULTI_CUSTOMER_DISABLED_BY_PREFERENCE", multiCustomerDenial(second));
        assertEquals(null, multiCustomerDenial(first));
        assertEquals("MULTI_CUSTOMER_DISABLED_BY_PREFERENCE", multiCustomerDenial(second));
    }
}
