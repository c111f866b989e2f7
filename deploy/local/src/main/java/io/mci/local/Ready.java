package io.mci.local;

import java.time.Duration;

/** Waits for a started component to answer, or names it and its log when it does not. */
final class Ready {

    private Ready() {
    }

    static void await(String component, ChildProcess process, String url, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.alive()) {
                throw new StartupFailure(component, process.log(), "the process exited");
            }
            if (Http.ok(url)) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartupFailure(component, process.log(), "interrupted");
            }
        }
        throw new StartupFailure(component, process.log(), "not ready at " + url + " within " + timeout.toSeconds() + " s");
    }
}
