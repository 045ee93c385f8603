-- Every version of the routing rules ever saved: the newest is in force; each row is also the audit record of
-- who changed the rules, when, why, and what they became.
create table routing_rule_set (
    version     bigint primary key,
    rules       text        not null,
    changed_by  text        not null,
    changed_at  timestamptz not null,
    comment     text
);

-- Routing's own read model of customers' recent cases (from webcare.cases), for boomerang detection.
create table recent_case (
    case_id          uuid primary key,
    conversation_key text        not null,
    customer_key     text,
    topics           text        not null,
    team             text        not null,
    opened_at        timestamptz not null,
    resolved_at      timestamptz
);
create index recent_case_customer on recent_case (customer_key, resolved_at);
create index recent_case_conversation on recent_case (conversation_key, resolved_at);
