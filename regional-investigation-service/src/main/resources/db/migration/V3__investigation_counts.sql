-- The Customers view asks every region for its customers' investigations counted per priority and status, for all
-- time. Counting means visiting every row of those customers (about 80 ms for 333 customers and 333,000 rows, and
-- growing with the data); this table keeps the counts, maintained in the same transaction as every write by
-- statement-level triggers over the transition tables, so a bulk insert or a bulk close costs one grouped upsert.
-- Count rows are upserted in key order, so concurrent writers lock them in the same order (no deadlock cycle).
-- Counts over a time window still come from the investigations themselves.
CREATE TABLE investigation_count (
    organization_id  uuid     NOT NULL,
    priority         smallint NOT NULL,
    status           text     NOT NULL,
    n                bigint   NOT NULL,
    -- (no CHECK (n >= 0): the upsert's proposed row carries a negative delta and is checked before the conflict)
    CONSTRAINT investigation_count_pk PRIMARY KEY (organization_id, priority, status)
);

INSERT INTO investigation_count (organization_id, priority, status, n)
SELECT organization_id, priority, status, count(*) FROM investigation GROUP BY 1, 2, 3;

-- Each trigger adds the signed deltas of its statement (+1 per new row, -1 per old row) to the counts. The upsert
-- is written out in each function because transition tables are visible only in the trigger function itself.
CREATE FUNCTION investigation_count_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO investigation_count AS c (organization_id, priority, status, n)
    SELECT organization_id, priority, status, count(*) FROM new_rows
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (organization_id, priority, status) DO UPDATE SET n = c.n + EXCLUDED.n;
    RETURN NULL;
END;
$$;

CREATE FUNCTION investigation_count_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO investigation_count AS c (organization_id, priority, status, n)
    SELECT organization_id, priority, status, sum(d) FROM (
        SELECT organization_id, priority, status, -1 AS d FROM old_rows
        UNION ALL
        SELECT organization_id, priority, status, 1 AS d FROM new_rows) delta
     GROUP BY 1, 2, 3 HAVING sum(d) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT (organization_id, priority, status) DO UPDATE SET n = c.n + EXCLUDED.n;
    RETURN NULL;
END;
$$;

CREATE FUNCTION investigation_count_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO investigation_count AS c (organization_id, priority, status, n)
    SELECT organization_id, priority, status, -count(*) FROM old_rows
     GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (organization_id, priority, status) DO UPDATE SET n = c.n + EXCLUDED.n;
    RETURN NULL;
END;
$$;

CREATE TRIGGER investigation_count_insert AFTER INSERT ON investigation
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION investigation_count_on_insert();
CREATE TRIGGER investigation_count_update AFTER UPDATE ON investigation
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION investigation_count_on_update();
CREATE TRIGGER investigation_count_delete AFTER DELETE ON investigation
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION investigation_count_on_delete();

CREATE FUNCTION investigation_count_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM investigation_count;
    RETURN NULL;
END;
$$;
CREATE TRIGGER investigation_count_truncate AFTER TRUNCATE ON investigation
    FOR EACH STATEMENT EXECUTE FUNCTION investigation_count_on_truncate();
