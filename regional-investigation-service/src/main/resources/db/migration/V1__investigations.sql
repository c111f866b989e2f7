-- The regional store: the only home of this region's investigations, alerts, comments and audit trail.
-- Conventions (docs/regional-data-model.md):
--   * ids and RRNs are COLLATE "C" so ORDER BY / keyset comparisons agree with Java String.compareTo;
--   * every timestamp is stored at millisecond precision (checked), so a wire timestamp is an exact position;
--   * priority is stored as its rank (UNSPECIFIED=0 .. CRITICAL=4), the value it sorts by;
--   * the two nullable alert times have a non-null sort twin (NULL -> -infinity = smallest) so that
--     keyset positions are plain row comparisons.

CREATE TABLE investigation (
    id                    text COLLATE "C" NOT NULL,
    rrn                   text COLLATE "C" NOT NULL,
    organization_id       uuid             NOT NULL,
    title                 text             NOT NULL,
    source                text             NOT NULL,
    status                text             NOT NULL,
    priority              smallint         NOT NULL,
    disposition           text             NOT NULL,
    assignee_id           text,
    assignee_email        text,
    assignee_name         text,
    created_time          timestamptz      NOT NULL,
    last_accessed         timestamptz      NOT NULL,
    first_alert_time      timestamptz,
    latest_alert_time     timestamptz,
    alerts_most_recent_detection_created_time timestamptz,
    tags                  text[],
    responsibility        text,
    version               bigint           NOT NULL DEFAULT 1,
    latest_alert_sort     timestamptz GENERATED ALWAYS AS (coalesce(latest_alert_time, '-infinity'::timestamptz)) STORED,
    detection_alert_sort  timestamptz GENERATED ALWAYS AS (coalesce(alerts_most_recent_detection_created_time, '-infinity'::timestamptz)) STORED,
    CONSTRAINT investigation_pk PRIMARY KEY (id),
    CONSTRAINT investigation_rrn_uq UNIQUE (rrn),
    CONSTRAINT investigation_id_form CHECK (id ~ '^[A-Z0-9]{12}$'),
    CONSTRAINT investigation_title_len CHECK (char_length(title) BETWEEN 1 AND 1024),
    CONSTRAINT investigation_source_ck CHECK (source IN ('ALERT', 'MANUAL', 'HUNT', 'USER', 'AUTOMATION')),
    CONSTRAINT investigation_status_ck CHECK (status IN ('OPEN', 'INVESTIGATING', 'WAITING', 'CLOSED')),
    CONSTRAINT investigation_priority_ck CHECK (priority BETWEEN 0 AND 4),
    CONSTRAINT investigation_disposition_ck CHECK (disposition IN ('UNDECIDED', 'BENIGN', 'MALICIOUS', 'NOT_APPLICABLE')),
    CONSTRAINT investigation_created_ms CHECK (created_time = date_trunc('milliseconds', created_time)),
    CONSTRAINT investigation_accessed_ms CHECK (last_accessed = date_trunc('milliseconds', last_accessed)),
    CONSTRAINT investigation_first_alert_ms CHECK (first_alert_time = date_trunc('milliseconds', first_alert_time)),
    CONSTRAINT investigation_latest_alert_ms CHECK (latest_alert_time = date_trunc('milliseconds', latest_alert_time)),
    CONSTRAINT investigation_detection_ms CHECK (alerts_most_recent_detection_created_time
        = date_trunc('milliseconds', alerts_most_recent_detection_created_time)),
    CONSTRAINT investigation_version_pos CHECK (version >= 1)
);

-- Access path (a): many customers at once, walking one global index in sort order and filtering by customer.
CREATE INDEX investigation_priority_ix ON investigation (priority, created_time, id);
CREATE INDEX investigation_created_ix ON investigation (created_time, id);
CREATE INDEX investigation_latest_alert_ix ON investigation (latest_alert_sort, id);
CREATE INDEX investigation_detection_alert_ix ON investigation (detection_alert_sort, id);
-- (rrn order is served by investigation_rrn_uq.)

-- Access path (b): one customer (or a few, merged by a per-customer LATERAL top-N), with filters.
CREATE INDEX investigation_org_priority_ix ON investigation (organization_id, priority, created_time, id);
CREATE INDEX investigation_org_created_ix ON investigation (organization_id, created_time, id) INCLUDE (priority, status);
CREATE INDEX investigation_org_rrn_ix ON investigation (organization_id, rrn);
CREATE INDEX investigation_org_latest_alert_ix ON investigation (organization_id, latest_alert_sort, id);
CREATE INDEX investigation_org_detection_alert_ix ON investigation (organization_id, detection_alert_sort, id);

CREATE TABLE alert (
    id                     text COLLATE "C" NOT NULL,
    rrn                    text COLLATE "C" NOT NULL,
    organization_id        uuid             NOT NULL,
    investigation_id       text COLLATE "C" REFERENCES investigation (id),
    title                  text             NOT NULL,
    alert_type             text             NOT NULL,
    alert_type_description text             NOT NULL,
    alert_source           text             NOT NULL,
    created_time           timestamptz      NOT NULL,
    first_event_time       timestamptz,
    latest_event_time      timestamptz,
    detection_rule_rrn     text COLLATE "C",
    detection_rule_name    text,
    mitre_t_codes          text[],
    actor_asset_hostname   text,
    actor_user_name        text,
    CONSTRAINT alert_pk PRIMARY KEY (id),
    CONSTRAINT alert_rrn_uq UNIQUE (rrn),
    CONSTRAINT alert_created_ms CHECK (created_time = date_trunc('milliseconds', created_time)),
    CONSTRAINT alert_first_event_ms CHECK (first_event_time = date_trunc('milliseconds', first_event_time)),
    CONSTRAINT alert_latest_event_ms CHECK (latest_event_time = date_trunc('milliseconds', latest_event_time))
);
-- Alerts of one investigation, newest first; also drives every "has an alert with ..." filter.
CREATE INDEX alert_investigation_ix ON alert (investigation_id, created_time DESC, id DESC);

CREATE TABLE comment (
    id               text COLLATE "C" NOT NULL,
    rrn              text COLLATE "C" NOT NULL,
    organization_id  uuid             NOT NULL,
    investigation_id text COLLATE "C" NOT NULL REFERENCES investigation (id),
    creator_type     text             NOT NULL,
    creator_name     text             NOT NULL,
    creator_id       text,
    body             text             NOT NULL,
    visibility       text             NOT NULL,
    created_time     timestamptz      NOT NULL,
    attachments      text[]           NOT NULL DEFAULT '{}',
    CONSTRAINT comment_pk PRIMARY KEY (id),
    CONSTRAINT comment_rrn_uq UNIQUE (rrn),
    CONSTRAINT comment_body_len CHECK (char_length(body) BETWEEN 1 AND 10000),
    CONSTRAINT comment_visibility_ck CHECK (visibility IN ('PUBLIC', 'INTERNAL')),
    CONSTRAINT comment_creator_type_ck CHECK (creator_type IN ('USER', 'ORG_API_KEY', 'SYSTEM')),
    CONSTRAINT comment_created_ms CHECK (created_time = date_trunc('milliseconds', created_time))
);
CREATE INDEX comment_investigation_ix ON comment (investigation_id, created_time, id);

-- Append-only: who, when, which investigation, which fields changed from what to what, through which entry point.
CREATE TABLE audit_event (
    id                bigint GENERATED ALWAYS AS IDENTITY,
    occurred_at       timestamptz      NOT NULL,
    organization_id   uuid             NOT NULL,
    investigation_id  text COLLATE "C" NOT NULL,
    investigation_rrn text COLLATE "C" NOT NULL,
    actor_id          text             NOT NULL,
    actor_email       text             NOT NULL,
    action            text             NOT NULL,
    entry_point       text,
    changes           jsonb            NOT NULL,
    CONSTRAINT audit_event_pk PRIMARY KEY (id),
    CONSTRAINT audit_event_action_ck CHECK (action IN ('CREATE', 'UPDATE', 'BULK_CLOSE', 'ALERT_UNLINK',
        'COMMENT_CREATE', 'COMMENT_DELETE', 'COMMENT_VISIBILITY')),
    CONSTRAINT audit_event_occurred_ms CHECK (occurred_at = date_trunc('milliseconds', occurred_at))
);
CREATE INDEX audit_event_investigation_ix ON audit_event (investigation_id, id);

CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only';
END;
$$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
