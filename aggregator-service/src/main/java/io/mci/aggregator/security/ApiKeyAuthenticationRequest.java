package io.mci.aggregator.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An X-Api-Key to verify. */
public final class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String key;

    public ApiKeyAuthenticationRequest(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
