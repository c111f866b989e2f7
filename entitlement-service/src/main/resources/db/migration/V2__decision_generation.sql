-- One counter that moves with every change that can change any analyst's decision: partners (licence, status),
-- customers (licence, association), analysts (preference) and grants. The decision carries the value it was read
-- with (in the same snapshot) in its ETag, so a caller holding a decision asks "still the same?" with one tiny
-- query, and any such change, committed by any instance, makes the next ask recompute. Statement-level triggers:
-- a bulk grant of 10,000 pairs moves it once. The clock's part (licences that expire) is in the ETag itself.
CREATE TABLE decision_generation (
    id     smallint PRIMARY KEY CHECK (id = 1),
    value  bigint   NOT NULL
);
INSERT INTO decision_generation (id, value) VALUES (1, 1);

CREATE FUNCTION decision_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE decision_generation SET value = value + 1 WHERE id = 1;
    RETURN NULL;
END;
$$;

CREATE TRIGGER partner_moves_decisions AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON partner
    FOR EACH STATEMENT EXECUTE FUNCTION decision_generation_bump();
CREATE TRIGGER customer_moves_decisions AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON customer
    FOR EACH STATEMENT EXECUTE FUNCTION decision_generation_bump();
CREATE TRIGGER analyst_moves_decisions AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON analyst
    FOR EACH STATEMENT EXECUTE FUNCTION decision_generation_bump();
CREATE TRIGGER access_grant_moves_decisions AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON access_grant
    FOR EACH STATEMENT EXECUTE FUNCTION decision_generation_bump();
