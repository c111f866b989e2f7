package io.mci.aggregator.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/**
 * Notes when each request arrived (deadlines of the fan-out count from there), and marks every response
 * {@code Cache-Control: no-store}: nothing the aggregator answers may be kept by a cache, ours or anyone's.
 */
@ApplicationScoped
public class RequestClock {

    static final String KEY = "mci.arrived-nanos";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            ctx.put(KEY, System.nanoTime());
            ctx.addHeadersEndHandler(v -> ctx.response().headers().set("Cache-Control", "no-store"));
            ctx.next();
        });
    }
}
