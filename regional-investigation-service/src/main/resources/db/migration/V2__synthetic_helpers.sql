-- Pure helpers of the deterministic synthetic-data generator (docs/regional-data-model.md, "Synthetic data").
-- Both are IMMUTABLE single-expression SQL functions, so the planner inlines them.

-- A uniform number in [0, 1) from a 64-bit hash (its low 53 bits).
CREATE FUNCTION mci_unit(h bigint) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN (h & 9007199254740991)::double precision / 9007199254740992.0;

-- A 12-character upper-case letter/digit short id from a 64-bit hash (base 36 of its low 62 bits).
CREATE FUNCTION mci_short_id(h bigint) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN substr('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', (((h & 4611686018427387903) / 1) % 36)::int + 1, 1)
        || substr('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', (((h & 4611686018427387903) / 36) % 36)::int + 1, 1)
        || substr('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', (((h & 4611686018427387903) / 1296) % 36)::int + 1, 1)
        || substr('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', (((h & 4611686018427387903) / 46656) % 36)::int + 1, 1)
        || substr('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', (((h & 4611686018427387903) / 1679616) % 36)::int + 1, 1)
        || substr('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', (((h & 4611686018427387903) / 60466176) % 36)::int + 1, 1)
        || substr('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', (((h & 4611686018427387903) / 2176782336) % 36)::int + 1, 1)
        || substr('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', (((h & 4611686018427387903) / 78364164096) % 36)::int + 1, 1)
        || substr('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', (((h & 4611686018427387903) / 2821109907456) % 36)::int + 1, 1)
        || substr('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', (((h & 4611686018427387903) / 101559956668416) % 36)::int + 1, 1)
        || substr('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', (((h & 4611686018427387903) / 3656158440062976) % 36)::int + 1, 1)
        || substr('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', (((h & 4611686018427387903) / 131621703842267136) % 36)::int + 1, 1);
