package io.mci.aggregator.federation.client;

import jakarta.ws.rs.HeaderParam;

/**
 * The headers of every regional call: the aggregator's token, the correlation id, the acting analyst
 * ({@code X-Actor-*}, required by regions on writes and sent on reads too) and, for conditional writes, the
 * client's {@code If-Match}. Null headers are not sent.
 */
public class CallHeaders {

    @HeaderParam("Authorization")
    public String authorization;

    @HeaderParam("X-Correlation-Id")
    public String correlationId;

    @HeaderParam("X-Actor-Id")
    public String actorId;

    @HeaderParam("X-Actor-Email")
    public String actorEmail;

    @HeaderParam("X-Actor-Name")
    public String actorName;

    @HeaderParam("X-Actor-Type")
    public String actorType;

    @HeaderParam("X-Entry-Point")
    public String entryPoint;

    @HeaderParam("If-Match")
    public String ifMatch;

    public String getAuthorization() {
        return authorization;
    }

    public String getCorrelationId() {
        return correlationId;
    }

    public String getActorId() {
        return actorId;
    }

    public String getActorEmail() {
        return actorEmail;
    }

    public String getActorName() {
        return actorName;
    }

    public String getActorType() {
        return actorType;
    }

    public String getEntryPoint() {
        return entryPoint;
    }

    public String getIfMatch() {
        return ifMatch;
    }
}
