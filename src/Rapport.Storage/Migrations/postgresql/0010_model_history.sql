-- The account model over time. account_history: each account's values per UTC day (day = days since
-- 1970-01-01), the day's last computation winning; values only, keyed by definition name. account_values: the state's
-- named values one row each (kind: element, metric, health_score, segment, indicator; name lower-cased; segments and
-- active indicators hold 1), written with the state, so the accounts list filters and sorts by index, never by JSON.
-- model_retired: the names each saved definitions version dropped, renamed or deleted, for the push.

CREATE TABLE account_history (
    account_id  bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    day         integer NOT NULL,
    computed_at timestamptz NOT NULL,
    vals        json NOT NULL,
    PRIMARY KEY (account_id, day)
);

CREATE TABLE account_values (
    account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind       text COLLATE "C" NOT NULL,
    name       text COLLATE "C" NOT NULL,
    number     double precision NOT NULL,
    PRIMARY KEY (account_id, kind, name)
);
CREATE INDEX account_values_by_value ON account_values (kind, name, number, account_id);

CREATE TABLE model_retired (
    id                  bigserial PRIMARY KEY,
    kind                text NOT NULL,
    name                text NOT NULL,
    renamed_to          text,
    definitions_version integer NOT NULL,
    retired_at          timestamptz NOT NULL
);
CREATE INDEX model_retired_version ON model_retired (definitions_version, id);
CREATE INDEX account_states_owner ON account_states (owner_user_id, account_id);
