package io.mci.regional.synthetic.service;

/**
 * The generator's SQL: three bulk {@code INSERT ... SELECT} statements over {@code generate_series}, every value
 * derived from {@code hashint8extended(n, seed_k)} of the row number {@code n}, so the same seed, customers,
 * count and anchor give the same rows, ids included (docs/regional-data-model.md, "Synthetic data").
 * All three statements take the same parameters: $1 seed, $2 customers (sorted), $3 investigations,
 * $4 anchor, $5 alerts per ALERT investigation, $6 comments per investigation, $7 region.
 */
final class SyntheticSql {

    private SyntheticSql() {
    }

    /**
     * The statement to run: as is (skipping rows that exist) normally; without {@code ON CONFLICT} in bulk mode,
     * where the tables have no unique index to arbitrate on and the rebuilt primary keys validate the rows.
     */
    static String statement(String sql, java.util.List<String> droppedForBulk) {
        return droppedForBulk.isEmpty() ? sql : sql.replace("ON CONFLICT DO NOTHING", "");
    }

    /** One uniform [0,1) value per attribute, from independent hash streams. */
    private static final String BASE = """
            WITH p AS (
                SELECT $1::bigint AS seed, cardinality($2::uuid[]) AS n_customers,
                       $3::bigint AS m, $4::timestamptz AS anchor, $5::int AS a, $6::int AS c, $7::text AS region,
                       hashint8extended(1, $1::bigint) AS s_id, hashint8extended(2, $1::bigint) AS s_customer,
                       hashint8extended(3, $1::bigint) AS s_created, hashint8extended(4, $1::bigint) AS s_status,
                       hashint8extended(5, $1::bigint) AS s_priority, hashint8extended(6, $1::bigint) AS s_source,
                       hashint8extended(7, $1::bigint) AS s_disposition, hashint8extended(8, $1::bigint) AS s_assignee,
                       hashint8extended(9, $1::bigint) AS s_tags, hashint8extended(10, $1::bigint) AS s_title,
                       hashint8extended(11, $1::bigint) AS s_rule, hashint8extended(12, $1::bigint) AS s_accessed,
                       hashint8extended(13, $1::bigint) AS s_actor, hashint8extended(14, $1::bigint) AS s_alert,
                       hashint8extended(15, $1::bigint) AS s_comment, hashint8extended(16, $1::bigint) AS s_misc
            ), customer AS (
                -- Customer k (1-based) of the sorted set; joined by number, so the array is never copied per row.
                SELECT c.org, c.k FROM unnest($2::uuid[]) WITH ORDINALITY AS c(org, k)
            ), r AS (
                SELECT n, p.*,
                       1 + floor(p.n_customers * mci_unit(hashint8extended(n, p.s_customer)) ^ 2)::bigint AS customer_k
                FROM p CROSS JOIN generate_series(0::bigint, p.m - 1) AS n
            ), u AS (
                SELECT r.*, customer.org,
                       mci_short_id(hashint8extended(r.n, r.s_id)) AS id,
                       mci_unit(hashint8extended(r.n, r.s_created)) AS u_created,
                       mci_unit(hashint8extended(r.n, r.s_status)) AS u_status,
                       mci_unit(hashint8extended(r.n, r.s_priority)) AS u_priority,
                       mci_unit(hashint8extended(r.n, r.s_source)) AS u_source,
                       mci_unit(hashint8extended(r.n, r.s_disposition)) AS u_disposition,
                       mci_unit(hashint8extended(r.n, r.s_assignee)) AS u_assignee,
                       mci_unit(hashint8extended(r.n, r.s_tags)) AS u_tags,
                       mci_unit(hashint8extended(r.n, r.s_title)) AS u_title,
                       mci_unit(hashint8extended(r.n, r.s_rule)) AS u_rule,
                       mci_unit(hashint8extended(r.n, r.s_accessed)) AS u_accessed,
                       hashint8extended(r.n, r.s_actor) AS h_actor,
                       hashint8extended(r.n, r.s_misc) AS h_misc
                FROM r JOIN customer ON customer.k = r.customer_k
            ), v AS (
                SELECT u.*,
                       u.anchor - floor(u.u_created * 7776000000)::bigint * interval '1 millisecond' AS created_time,
                       floor(u.u_created * 7776000000) AS age_ms,
                       u.u_created * 90 AS age_days,
                       CASE WHEN u.u_source < 0.80 THEN 'ALERT' WHEN u.u_source < 0.88 THEN 'MANUAL'
                            WHEN u.u_source < 0.94 THEN 'HUNT' WHEN u.u_source < 0.98 THEN 'USER'
                            ELSE 'AUTOMATION' END AS source,
                       CASE WHEN u.u_priority < 0.05 THEN 0 WHEN u.u_priority < 0.35 THEN 1 WHEN u.u_priority < 0.70 THEN 2
                            WHEN u.u_priority < 0.92 THEN 3 ELSE 4 END::smallint AS priority,
                       CASE WHEN u.u_assignee < 0.25 THEN NULL
                            ELSE lpad((1 + floor((u.u_assignee - 0.25) / 0.75 * 12))::int::text, 2, '0') END AS analyst,
                       'user' || lpad((u.h_actor & 2047)::text, 4, '0') AS actor_user,
                       'host-' || lpad(((u.h_actor >> 12) & 4095)::text, 4, '0') || '.corp.example' AS actor_host,
                       floor(mci_unit(hashint8extended(u.n, u.s_rule # 1)) * 40)::int AS rule_k
                FROM u
            ), d AS (
                SELECT v.*,
                       CASE WHEN v.u_status < (CASE WHEN v.age_days < 2 THEN 0.10 WHEN v.age_days < 14 THEN 0.45 ELSE 0.85 END)
                            THEN 'CLOSED'
                            WHEN mci_unit(v.h_misc) < 0.50 THEN 'OPEN'
                            WHEN mci_unit(v.h_misc) < 0.80 THEN 'INVESTIGATING'
                            ELSE 'WAITING' END AS status,
                       v.source = 'ALERT' AND v.a > 0 AS has_alerts,
                       v.source = 'ALERT' AND v.a > 0 AND v.u_rule < 0.70 AS has_rule
                FROM v
            ), g AS (
                SELECT d.*,
                       CASE WHEN d.status = 'CLOSED' THEN
                                CASE WHEN d.u_disposition < 0.45 THEN 'BENIGN' WHEN d.u_disposition < 0.70 THEN 'NOT_APPLICABLE'
                                     WHEN d.u_disposition < 0.82 THEN 'MALICIOUS' ELSE 'UNDECIDED' END
                            ELSE CASE WHEN d.u_disposition < 0.90 THEN 'UNDECIDED' WHEN d.u_disposition < 0.95 THEN 'BENIGN'
                                      ELSE 'MALICIOUS' END END AS disposition,
                       CASE WHEN d.has_alerts THEN d.created_time - d.a * interval '97 seconds' END AS first_alert_time,
                       CASE WHEN d.has_alerts THEN d.created_time - interval '97 seconds' END AS latest_alert_time,
                       CASE WHEN d.has_rule THEN d.created_time - interval '97 seconds' END AS detection_time
                FROM d
            )
            """;

    static final String INVESTIGATIONS = BASE + """
            INSERT INTO investigation (id, rrn, organization_id, title, source, status, priority, disposition,
                assignee_id, assignee_email, assignee_name, created_time, last_accessed, first_alert_time,
                latest_alert_time, alerts_most_recent_detection_created_time, tags, responsibility, version)
            SELECT g.id,
                   'rrn:investigation:' || g.region || ':' || g.org || ':investigation:' || g.id,
                   g.org,
                   CASE floor(g.u_title * 8)::int
                        WHEN 0 THEN 'Suspicious authentication by ' || g.actor_user || ' on ' || g.actor_host
                        WHEN 1 THEN 'Brute force against account ' || g.actor_user
                        WHEN 2 THEN 'Malware detected on ' || g.actor_host
                        WHEN 3 THEN 'Phishing email reported by ' || g.actor_user
                        WHEN 4 THEN 'Lateral movement from ' || g.actor_host
                        WHEN 5 THEN 'New local administrator created on ' || g.actor_host
                        WHEN 6 THEN 'Unusual data transfer by ' || g.actor_user
                        ELSE 'Ransomware behaviour on ' || g.actor_host END,
                   g.source, g.status, g.priority, g.disposition,
                   CASE WHEN g.analyst IS NOT NULL THEN 'synthetic-analyst-' || g.analyst END,
                   CASE WHEN g.analyst IS NOT NULL THEN 'analyst' || g.analyst || '@mssp.example' END,
                   CASE WHEN g.analyst IS NOT NULL THEN 'Analyst ' || g.analyst END,
                   g.created_time,
                   g.created_time + floor(g.u_accessed * g.age_ms)::bigint * interval '1 millisecond',
                   g.first_alert_time, g.latest_alert_time, g.detection_time,
                   CASE WHEN g.u_tags < 0.55 THEN NULL
                        WHEN g.u_tags < 0.85 THEN ARRAY[('{phishing,ransomware,malware,insider,vip,lateral-movement,credential-access,exfiltration,cloud,endpoint}'::text[])[1 + ((g.h_misc >> 8) & 1023) % 10]]
                        ELSE ARRAY[('{phishing,ransomware,malware,insider,vip,lateral-movement,credential-access,exfiltration,cloud,endpoint}'::text[])[1 + ((g.h_misc >> 8) & 1023) % 10],
                                   ('{phishing,ransomware,malware,insider,vip,lateral-movement,credential-access,exfiltration,cloud,endpoint}'::text[])[1 + (((g.h_misc >> 8) & 1023) % 10
                                       + 1 + ((g.h_misc >> 20) & 1023) % 9) % 10]] END,
                   CASE WHEN ((g.h_misc >> 32) & 15) = 0 THEN 'CUSTOMER' END,
                   1
            FROM g
            ON CONFLICT DO NOTHING
            """;

    static final String ALERTS = BASE + """
            , rule AS (
                -- 40 detection rules, joined by number instead of being built per alert.
                SELECT k, 'rrn:cba:::detection-rule:' || mci_short_id(hashint8extended(k, (SELECT s_rule FROM p))) AS rrn,
                       'Attacker Technique - ' || (('{"PowerShell Download Cradle","Credential Dumping",'
                           || '"Accessibility Tool Launching Process","Suspicious Service Install","Encoded Command",'
                           || '"Scheduled Task Persistence","Remote WMI Execution","LSASS Access","Office Spawning Shell",'
                           || '"Registry Run Key"}')::text[])[1 + k % 10] || ' #' || k AS name,
                       ARRAY[('{T1059,T1003,T1546,T1543,T1027,T1053,T1047,T1110,T1566,T1547,T1021,T1078}'::text[])[1 + k % 12]]
                           AS mitre
                FROM generate_series(0, 39) AS k
            ), kind AS (
                -- Alert types without a rule (k 0..3) and with one (k 4).
                SELECT * FROM (VALUES
                    (0, 'Suspicious Authentication', 'An account authenticated in an unusual way.', 'User Behavior Analytics'),
                    (1, 'Brute Force Against Domain Account', 'Many failed logons against one domain account.', 'User Behavior Analytics'),
                    (2, 'Account Created', 'A new account has been created.', 'User Behavior Analytics'),
                    (3, 'Account Authenticated to Critical Asset', 'An account authenticated to a critical asset.', 'User Behavior Analytics'),
                    (4, 'Attacker Behavior Detected', 'Activity matching a known attacker technique was seen.', 'Attacker Behavior Analytics')
                ) AS t(k, alert_type, description, alert_source)
            )
            INSERT INTO alert (id, rrn, organization_id, investigation_id, title, alert_type, alert_type_description,
                alert_source, created_time, first_event_time, latest_event_time, detection_rule_rrn, detection_rule_name,
                mitre_t_codes, actor_asset_hostname, actor_user_name)
            SELECT x.alert_id,
                   'rrn:alerts:' || x.region || ':' || x.org || ':alert:' || x.alert_id,
                   x.org, x.id,
                   kind.alert_type || ': ' || x.actor_user || ' on ' || x.actor_host,
                   kind.alert_type, kind.description, kind.alert_source,
                   x.alert_time, x.alert_time - interval '60 seconds', x.alert_time - interval '5 seconds',
                   rule.rrn, rule.name, rule.mitre,
                   x.actor_host, x.actor_user
            FROM (
                SELECT g.n, g.id, g.org, g.region, g.actor_host, g.actor_user, g.rule_k, g.has_rule, j,
                       mci_short_id(hashint8extended(g.n * 64 + j, g.s_alert)) AS alert_id,
                       g.created_time - (g.a - j) * interval '97 seconds' AS alert_time,
                       CASE WHEN g.has_rule THEN 4 ELSE ((g.h_actor >> 24) & 1023) % 4 END AS kind_k
                FROM g CROSS JOIN (SELECT generate_series(0, $5::int - 1) AS j) js
                WHERE g.has_alerts
            ) x
            JOIN kind ON kind.k = x.kind_k
            LEFT JOIN rule ON x.has_rule AND rule.k = x.rule_k
            ON CONFLICT DO NOTHING
            """;

    static final String COMMENTS = BASE + """
            INSERT INTO comment (id, rrn, organization_id, investigation_id, creator_type, creator_name, creator_id, body,
                visibility, created_time, attachments)
            SELECT x.comment_id,
                   'rrn:investigation:' || x.region || ':' || x.org || ':comment:' || x.comment_id,
                   x.org, x.id, 'USER', 'Analyst ' || x.writer, 'synthetic-analyst-' || x.writer,
                   CASE (x.h_c & 3)
                        WHEN 0 THEN 'Checked the activity of ' || x.actor_user || ' on ' || x.actor_host || '; nothing else found.'
                        WHEN 1 THEN 'Asked the customer whether ' || x.actor_user || ' expected this.'
                        WHEN 2 THEN 'Isolated ' || x.actor_host || ' while we look further.'
                        ELSE 'Correlated with earlier alerts for ' || x.actor_user || '.' END,
                   CASE WHEN ((x.h_c >> 4) & 7) = 0 THEN 'INTERNAL' ELSE 'PUBLIC' END,
                   x.created_time + (x.j + 1) * interval '41 minutes' + ((x.h_c >> 8) & 65535) * interval '1 millisecond',
                   '{}'::text[]
            FROM (
                SELECT g.*, j,
                       mci_short_id(hashint8extended(g.n * 64 + j, g.s_comment)) AS comment_id,
                       hashint8extended(g.n * 64 + j, g.s_comment # 1) AS h_c,
                       lpad((1 + (hashint8extended(g.n * 64 + j, g.s_comment # 2) & 1023) % 12)::text, 2, '0') AS writer
                FROM g CROSS JOIN (SELECT generate_series(0, $6::int - 1) AS j) js
            ) x
            ON CONFLICT DO NOTHING
            """;
}
