package io.mci.aggregator.support;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import io.mci.contract.error.ErrorBody;
import io.smallrye.mutiny.Uni;
import io.vertx.core.VertxException;

/**
 * Small helpers for calls to the other MCI services: every answer becomes a {@link Response} (the REST
 * client's default mapper turns 4xx/5xx into exceptions; we want to look at them), and transport trouble
 * is told apart from answers.
 */
public final class Upstream {

    private Upstream() {
    }

    /** Turns the REST client's exception for a 4xx/5xx back into the response it carries. */
    public static Uni<Response> answer(Uni<Response> call) {
        return call.onFailure(WebApplicationException.class)
                .recoverWithItem(e -> ((WebApplicationException) e).getResponse());
    }

    /** The error body of a failed answer, or null when there is none that we can read. */
    public static ErrorBody errorBody(Response response) {
        try {
            if (response.hasEntity()) {
                return response.readEntity(ErrorBody.class);
            }
        } catch (RuntimeException e) {
            // not our error body: the caller decides from the status alone
        }
        return null;
    }

    /** True for failures worth a retry on a read: the peer did not answer, or answered 5xx. */
    public static boolean isTransient(Throwable failure) {
        Throwable t = failure;
        while (t != null) {
            if (t instanceof UpstreamStatusException s) {
                return s.status() >= 500;
            }
            if (t instanceof ConnectException || t instanceof TimeoutException || t instanceof ProcessingException
                    || t instanceof VertxException || t instanceof java.io.IOException) {
                return true;
            }
            t = t.getCause();
        }
        return false;
    }

    /** Retries a read on transient failures, {@code retries} times, with a small pause. */
    public static <T> Uni<T> retryReads(Uni<T> call, int retries, Duration delay, Predicate<Throwable> retryable) {
        if (retries <= 0) {
            return call;
        }
        return call.onFailure(retryable).retry().withBackOff(delay, delay).atMost(retries);
    }

    /** A 5xx (or otherwise unusable) answer of a peer, carried as a failure so that breakers and retries see it. */
    public static final class UpstreamStatusException extends RuntimeException {
        private final int status;

        public UpstreamStatusException(int status) {
            super("upstream answered " + status, null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
