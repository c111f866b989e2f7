package io.mci.local;

import java.nio.file.Path;

/** A component did not come up: names it and the log that tells why. */
final class StartupFailure extends RuntimeException {

    StartupFailure(String component, Path log, String why) {
        super(component + " failed to start: " + why + (log == null ? "" : " (log: " + log + ")"), null, false, false);
    }
}
