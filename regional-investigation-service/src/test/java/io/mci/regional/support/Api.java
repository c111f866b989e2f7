package io.mci.regional.support;

import static io.restassured.RestAssured.given;

import io.mci.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Requests as the aggregator sends them: its service token, JSON, and for writes the acting analyst. */
public final class Api {

    public static final String FEDERATION_TOKEN = TestTokens.service("mci-aggregator", "mci-federation", "mci-service");
    public static final String ACTOR_ID = "7d5b6f5e-0000-4000-8000-000000000001";
    public static final String ACTOR_EMAIL = "ana.lyst@mssp.example";

    private Api() {
    }

    public static RequestSpecification federation() {
        return given().auth().oauth2(FEDERATION_TOKEN).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** A write on behalf of the test analyst. */
    public static RequestSpecification writer() {
        return federation().header("X-Actor-Id", ACTOR_ID).header("X-Actor-Email", ACTOR_EMAIL)
                .header("X-Actor-Name", "Ana Lyst").header("X-Entry-Point", "test");
    }
}
