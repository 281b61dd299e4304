-- Browsing accounts and users: keyset pagination needs every sort key in the account's own row, beside the
-- id, in one index per order. Plan, spend, last seen and created live on source records and the user count in
-- memberships, so triggers keep copies on accounts ("list_*"): the account's source record is a qualified one first,
-- then the smallest (source, source_id), the same rule on both databases. Missing values become sentinels that sort
-- first (spend -1, times 0 = 1970-01-01, plan ''), so the keys are never NULL and the keyset comparison stays simple.
-- Names and ids compare in lower case (ASCII only, as SQLite's lower() and PostgreSQL's lower() under "C" both do).

ALTER TABLE accounts ADD COLUMN list_name TEXT GENERATED ALWAYS AS (lower(coalesce(name, ''))) VIRTUAL;
ALTER TABLE accounts ADD COLUMN list_external_id TEXT GENERATED ALWAYS AS (lower(external_id)) VIRTUAL;
ALTER TABLE accounts ADD COLUMN list_plan TEXT NOT NULL DEFAULT '';
ALTER TABLE accounts ADD COLUMN list_spend REAL NOT NULL DEFAULT -1;
ALTER TABLE accounts ADD COLUMN list_last_seen_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE accounts ADD COLUMN list_created_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE accounts ADD COLUMN list_user_count INTEGER NOT NULL DEFAULT 0;

CREATE INDEX accounts_list_name ON accounts (status, list_name, id);
CREATE INDEX accounts_list_last_seen ON accounts (status, list_last_seen_at, id);
CREATE INDEX accounts_list_spend ON accounts (status, list_spend, id);
CREATE INDEX accounts_list_user_count ON accounts (status, list_user_count, id);
CREATE INDEX accounts_list_created ON accounts (status, list_created_at, id);
CREATE INDEX accounts_list_external_id ON accounts (list_external_id);
CREATE INDEX accounts_list_plan ON accounts (list_plan, status);
-- A search reads the matches of each prefix from these (whatever the status), then sorts the few it found.
CREATE INDEX accounts_list_name_search ON accounts (list_name);

CREATE TRIGGER source_companies_list_insert AFTER INSERT ON source_companies BEGIN
    UPDATE accounts SET (list_plan, list_spend, list_last_seen_at, list_created_at) = (
        SELECT coalesce(s.plan, ''), coalesce(CAST(s.monthly_spend AS REAL), -1), coalesce(s.last_seen_at, 0), coalesce(s.source_created_at, 0)
        FROM source_companies s WHERE s.account_id = NEW.account_id
        ORDER BY s.qualified DESC, s.source, s.source_id LIMIT 1)
    WHERE id = NEW.account_id;
END;

CREATE TRIGGER source_companies_list_update AFTER UPDATE OF account_id, plan, monthly_spend, last_seen_at, source_created_at, qualified ON source_companies BEGIN
    UPDATE accounts SET (list_plan, list_spend, list_last_seen_at, list_created_at) = (
        SELECT coalesce(s.plan, ''), coalesce(CAST(s.monthly_spend AS REAL), -1), coalesce(s.last_seen_at, 0), coalesce(s.source_created_at, 0)
        FROM source_companies s WHERE s.account_id = accounts.id
        ORDER BY s.qualified DESC, s.source, s.source_id LIMIT 1)
    WHERE id IN (NEW.account_id, OLD.account_id) AND EXISTS (SELECT 1 FROM source_companies s WHERE s.account_id = accounts.id);
END;

CREATE TRIGGER memberships_list_insert AFTER INSERT ON memberships BEGIN
    UPDATE accounts SET list_user_count = (SELECT COUNT(DISTINCT m.user_id) FROM memberships m WHERE m.account_id = NEW.account_id)
    WHERE id = NEW.account_id;
END;

CREATE TRIGGER memberships_list_delete AFTER DELETE ON memberships BEGIN
    UPDATE accounts SET list_user_count = (SELECT COUNT(DISTINCT m.user_id) FROM memberships m WHERE m.account_id = OLD.account_id)
    WHERE id = OLD.account_id;
END;

UPDATE accounts SET (list_plan, list_spend, list_last_seen_at, list_created_at) = (
    SELECT coalesce(s.plan, ''), coalesce(CAST(s.monthly_spend AS REAL), -1), coalesce(s.last_seen_at, 0), coalesce(s.source_created_at, 0)
    FROM source_companies s WHERE s.account_id = accounts.id
    ORDER BY s.qualified DESC, s.source, s.source_id LIMIT 1)
WHERE EXISTS (SELECT 1 FROM source_companies s WHERE s.account_id = accounts.id);
UPDATE accounts SET list_user_count = (SELECT COUNT(DISTINCT m.user_id) FROM memberships m WHERE m.account_id = accounts.id);

-- Users: sorts by name, email and the hub's created time; search by a prefix of name, email or external id.
ALTER TABLE users ADD COLUMN list_name TEXT GENERATED ALWAYS AS (lower(coalesce(name, ''))) VIRTUAL;
ALTER TABLE users ADD COLUMN list_email TEXT GENERATED ALWAYS AS (lower(coalesce(email, ''))) VIRTUAL;
ALTER TABLE users ADD COLUMN list_external_id TEXT GENERATED ALWAYS AS (lower(external_id)) VIRTUAL;

CREATE INDEX users_list_name ON users (status, list_name, id);
CREATE INDEX users_list_email ON users (status, list_email, id);
CREATE INDEX users_list_created ON users (status, created_at, id);
CREATE INDEX users_list_external_id ON users (list_external_id);
CREATE INDEX users_list_name_search ON users (list_name);
CREATE INDEX users_list_email_search ON users (list_email);

-- The names of custom attributes ever seen, for the filters' dropdowns: reading every record's JSON for them took
-- seconds at 100,000 accounts. A name stays once seen. (NOT EXISTS, not OR IGNORE: inside a trigger the outer
-- statement's conflict policy would override it.)
CREATE TABLE attribute_names (
    kind TEXT NOT NULL CHECK (kind IN ('company', 'contact')),
    name TEXT NOT NULL,
    PRIMARY KEY (kind, name)
);

CREATE TRIGGER source_companies_attribute_names_insert AFTER INSERT ON source_companies WHEN json_type(NEW.custom_attributes) = 'object' BEGIN
    INSERT INTO attribute_names (kind, name) SELECT DISTINCT 'company', j.key FROM json_each(NEW.custom_attributes) j
    WHERE NOT EXISTS (SELECT 1 FROM attribute_names n WHERE n.kind = 'company' AND n.name = j.key);
END;
CREATE TRIGGER source_companies_attribute_names_update AFTER UPDATE OF custom_attributes ON source_companies WHEN json_type(NEW.custom_attributes) = 'object' BEGIN
    INSERT INTO attribute_names (kind, name) SELECT DISTINCT 'company', j.key FROM json_each(NEW.custom_attributes) j
    WHERE NOT EXISTS (SELECT 1 FROM attribute_names n WHERE n.kind = 'company' AND n.name = j.key);
END;
CREATE TRIGGER source_contacts_attribute_names_insert AFTER INSERT ON source_contacts WHEN json_type(NEW.custom_attributes) = 'object' BEGIN
    INSERT INTO attribute_names (kind, name) SELECT DISTINCT 'contact', j.key FROM json_each(NEW.custom_attributes) j
    WHERE NOT EXISTS (SELECT 1 FROM attribute_names n WHERE n.kind = 'contact' AND n.name = j.key);
END;
CREATE TRIGGER source_contacts_attribute_names_update AFTER UPDATE OF custom_attributes ON source_contacts WHEN json_type(NEW.custom_attributes) = 'object' BEGIN
    INSERT INTO attribute_names (kind, name) SELECT DISTINCT 'contact', j.key FROM json_each(NEW.custom_attributes) j
    WHERE NOT EXISTS (SELECT 1 FROM attribute_names n WHERE n.kind = 'contact' AND n.name = j.key);
END;

INSERT OR IGNORE INTO attribute_names (kind, name)
SELECT DISTINCT 'company', j.key FROM source_companies s, json_each(s.custom_attributes) j WHERE json_type(s.custom_attributes) = 'object';
INSERT OR IGNORE INTO attribute_names (kind, name)
SELECT DISTINCT 'contact', j.key FROM source_contacts c, json_each(c.custom_attributes) j WHERE json_type(c.custom_attributes) = 'object';
