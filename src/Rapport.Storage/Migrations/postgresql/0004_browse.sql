-- Browsing accounts and users: keyset pagination needs every sort key in the account's own row, beside the
-- id, in one index per order. Plan, spend, last seen and created live on source records and the user count in
-- memberships, so triggers keep copies on accounts ("list_*"): the account's source record is a qualified one first,
-- then the smallest (source, source_id), the same rule as on SQLite. Missing values become sentinels that sort first
-- (spend -1, times 'epoch', plan ''), so the keys are never NULL and the keyset comparison stays simple. Names and ids
-- compare byte-wise in lower case: lower() under COLLATE "C" folds ASCII only, exactly as SQLite's lower() does.
-- The triggers are per statement with transition tables, so a batch of thousands of rows costs one set-based update.

ALTER TABLE accounts
    ADD COLUMN list_name text COLLATE "C" GENERATED ALWAYS AS (lower(coalesce(name, '') COLLATE "C")) STORED,
    ADD COLUMN list_external_id text COLLATE "C" GENERATED ALWAYS AS (lower(external_id)) STORED,
    ADD COLUMN list_plan text COLLATE "C" NOT NULL DEFAULT '',
    ADD COLUMN list_spend numeric NOT NULL DEFAULT -1,
    ADD COLUMN list_last_seen_at timestamptz NOT NULL DEFAULT 'epoch',
    ADD COLUMN list_created_at timestamptz NOT NULL DEFAULT 'epoch',
    ADD COLUMN list_user_count bigint NOT NULL DEFAULT 0;

CREATE INDEX accounts_list_name ON accounts (status, list_name, id);
CREATE INDEX accounts_list_last_seen ON accounts (status, list_last_seen_at, id);
CREATE INDEX accounts_list_spend ON accounts (status, list_spend, id);
CREATE INDEX accounts_list_user_count ON accounts (status, list_user_count, id);
CREATE INDEX accounts_list_created ON accounts (status, list_created_at, id);
CREATE INDEX accounts_list_external_id ON accounts (list_external_id);
CREATE INDEX accounts_list_plan ON accounts (list_plan, status);

CREATE FUNCTION accounts_list_from_companies() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE accounts a SET list_plan = r.plan, list_spend = r.spend, list_last_seen_at = r.last_seen_at, list_created_at = r.created_at
    FROM (
        SELECT DISTINCT ON (s.account_id) s.account_id, coalesce(s.plan, '') AS plan, coalesce(s.monthly_spend, -1) AS spend,
               coalesce(s.last_seen_at, 'epoch') AS last_seen_at, coalesce(s.source_created_at, 'epoch') AS created_at
        FROM source_companies s
        WHERE s.account_id IN (SELECT account_id FROM changed)
        ORDER BY s.account_id, s.qualified DESC, s.source, s.source_id
    ) r
    WHERE a.id = r.account_id
      AND (a.list_plan, a.list_spend, a.list_last_seen_at, a.list_created_at) IS DISTINCT FROM (r.plan, r.spend, r.last_seen_at, r.created_at);
    RETURN NULL;
END
$$;

CREATE TRIGGER source_companies_list_insert AFTER INSERT ON source_companies
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION accounts_list_from_companies();
CREATE TRIGGER source_companies_list_update AFTER UPDATE ON source_companies
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION accounts_list_from_companies();

CREATE FUNCTION accounts_list_user_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE accounts a SET list_user_count = c.n
    FROM (
        SELECT ch.account_id, (SELECT COUNT(DISTINCT m.user_id) FROM memberships m WHERE m.account_id = ch.account_id) AS n
        FROM (SELECT DISTINCT account_id FROM changed) ch
    ) c
    WHERE a.id = c.account_id AND a.list_user_count <> c.n;
    RETURN NULL;
END
$$;

CREATE TRIGGER memberships_list_insert AFTER INSERT ON memberships
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION accounts_list_user_count();
CREATE TRIGGER memberships_list_delete AFTER DELETE ON memberships
    REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION accounts_list_user_count();

UPDATE accounts a SET list_plan = r.plan, list_spend = r.spend, list_last_seen_at = r.last_seen_at, list_created_at = r.created_at
FROM (
    SELECT DISTINCT ON (s.account_id) s.account_id, coalesce(s.plan, '') AS plan, coalesce(s.monthly_spend, -1) AS spend,
           coalesce(s.last_seen_at, 'epoch') AS last_seen_at, coalesce(s.source_created_at, 'epoch') AS created_at
    FROM source_companies s
    ORDER BY s.account_id, s.qualified DESC, s.source, s.source_id
) r
WHERE a.id = r.account_id;
UPDATE accounts a SET list_user_count = (SELECT COUNT(DISTINCT m.user_id) FROM memberships m WHERE m.account_id = a.id);

-- Users: sorts by name, email and the hub's created time; search by a prefix of name, email or external id.
ALTER TABLE users
    ADD COLUMN list_name text COLLATE "C" GENERATED ALWAYS AS (lower(coalesce(name, '') COLLATE "C")) STORED,
    ADD COLUMN list_email text COLLATE "C" GENERATED ALWAYS AS (lower(coalesce(email, '') COLLATE "C")) STORED,
    ADD COLUMN list_external_id text COLLATE "C" GENERATED ALWAYS AS (lower(external_id)) STORED;

CREATE INDEX users_list_name ON users (status, list_name, id);
CREATE INDEX users_list_email ON users (status, list_email, id);
CREATE INDEX users_list_created ON users (status, created_at, id);
CREATE INDEX users_list_external_id ON users (list_external_id);
CREATE INDEX users_list_name_search ON users (list_name);
CREATE INDEX users_list_email_search ON users (list_email);

-- The names of custom attributes ever seen, for the filters' dropdowns: reading every record's JSON for them took
-- seconds at 100,000 accounts. A name stays once seen.
CREATE TABLE attribute_names (
    kind text NOT NULL CHECK (kind IN ('company', 'contact')),
    name text COLLATE "C" NOT NULL,
    PRIMARY KEY (kind, name)
);

CREATE FUNCTION attribute_names_from_companies() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO attribute_names (kind, name)
    SELECT DISTINCT 'company', k FROM changed s CROSS JOIN LATERAL jsonb_object_keys(CASE jsonb_typeof(s.custom_attributes) WHEN 'object' THEN s.custom_attributes ELSE '{}' END) k
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE FUNCTION attribute_names_from_contacts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO attribute_names (kind, name)
    SELECT DISTINCT 'contact', k FROM changed c CROSS JOIN LATERAL jsonb_object_keys(CASE jsonb_typeof(c.custom_attributes) WHEN 'object' THEN c.custom_attributes ELSE '{}' END) k
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE TRIGGER source_companies_attribute_names_insert AFTER INSERT ON source_companies
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION attribute_names_from_companies();
CREATE TRIGGER source_companies_attribute_names_update AFTER UPDATE ON source_companies
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION attribute_names_from_companies();
CREATE TRIGGER source_contacts_attribute_names_insert AFTER INSERT ON source_contacts
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION attribute_names_from_contacts();
CREATE TRIGGER source_contacts_attribute_names_update AFTER UPDATE ON source_contacts
    REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION attribute_names_from_contacts();

INSERT INTO attribute_names (kind, name)
SELECT DISTINCT 'company', k FROM source_companies s CROSS JOIN LATERAL jsonb_object_keys(CASE jsonb_typeof(s.custom_attributes) WHEN 'object' THEN s.custom_attributes ELSE '{}' END) k
ON CONFLICT DO NOTHING;
INSERT INTO attribute_names (kind, name)
SELECT DISTINCT 'contact', k FROM source_contacts c CROSS JOIN LATERAL jsonb_object_keys(CASE jsonb_typeof(c.custom_attributes) WHEN 'object' THEN c.custom_attributes ELSE '{}' END) k
ON CONFLICT DO NOTHING;
