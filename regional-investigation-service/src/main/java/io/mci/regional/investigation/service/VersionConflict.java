package io.mci.regional.investigation.service;

/** Raised inside a write transaction when the row is no longer at the version that was read. */
final class VersionConflict extends RuntimeException {

    VersionConflict() {
        super("version conflict", null, false, false);
    }
}
