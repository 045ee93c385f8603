-- Issue 5: the case lifecycle, the agents' work on a case, replies, customers and the SLA read model.

-- The case lifecycle: who owns it, how it ended, whether it came back.
alter table support_case
    add column assignee         varchar(255),
    add column language         varchar(10),
    add column topics           varchar(1000) not null default '',
    add column customer_id      uuid,
    add column boomerang_of     uuid,
    add column reopen_count     int          not null default 0,
    add column flagged          boolean      not null default false,
    add column escalation_level int          not null default 0,
    add column resolution_code  varchar(50),
    add column first_time_fix   boolean,
    add column resolved_at      timestamp(6) with time zone,
    add column closed_at        timestamp(6) with time zone,
    add column merged_into      uuid;
create index support_case_by_customer on support_case (customer_id, resolved_at);
create index support_case_by_conversation on support_case (conversation_key, resolved_at);
create index support_case_resolved on support_case (resolved_at) where status = 'resolved';

-- What a reply needs of each inbound message: where to answer, to whom, until when.
alter table case_message
    add column channel                varchar(20),
    add column account_id             varchar(255),
    add column external_id            varchar(255),
    add column thread_ref             varchar(255),
    add column visibility             varchar(10),
    add column author_id              varchar(255),
    add column reply_window_closes_at timestamp(6) with time zone,
    add column language               varchar(10),
    add column sentiment              double precision,
    add column sentiment_label        varchar(30),
    add column identity_kind          varchar(20),
    add column identity_value         varchar(320);
create index case_message_by_identity on case_message (identity_kind, identity_value, sent_at);

create table case_tag (
    case_id uuid        not null references support_case (case_id),
    tag     varchar(50) not null,
    primary key (case_id, tag)
);
create index case_tag_by_tag on case_tag (tag);

create table case_note (
    note_id    uuid         primary key,
    case_id    uuid         not null references support_case (case_id),
    author     varchar(255) not null,
    text       text         not null,
    created_at timestamp(6) with time zone not null
);
create index case_note_by_case on case_note (case_id, created_at);

-- The audit trail of cases and customer profiles: who did what, when, and the details.
create table audit_entry (
    entry_id     uuid         primary key,
    subject_type varchar(20)  not null,
    subject_id   uuid         not null,
    action       varchar(50)  not null,
    actor        varchar(255) not null,
    detail       text,
    at           timestamp(6) with time zone not null
);
create index audit_entry_by_subject on audit_entry (subject_type, subject_id, at);

-- Agents' replies and follow-ups: checked, requested, then delivered or failed.
create table reply (
    reply_id            uuid         primary key,
    case_id             uuid         not null references support_case (case_id),
    kind                varchar(20)  not null,
    agent               varchar(255) not null,
    text                text         not null,
    channel             varchar(20)  not null,
    visibility          varchar(10)  not null,
    status              varchar(20)  not null,
    warnings            text         not null default '[]',
    failure_reason      varchar(50),
    failure_detail      text,
    platform_message_id varchar(255),
    first_response      boolean      not null default false,
    issue_id            uuid,
    requested_at        timestamp(6) with time zone not null,
    delivered_at        timestamp(6) with time zone,
    failed_at           timestamp(6) with time zone
);
create index reply_by_case on reply (case_id, requested_at);
create index reply_by_agent on reply (agent, requested_at);
-- A resolved feedback issue reaches each linked case once.
create unique index reply_one_follow_up_per_issue_and_case on reply (issue_id, case_id) where issue_id is not null;

-- Customer profiles and the identities linked to them ("link, don't merge": links are rows, never rewrites).
create table customer (
    customer_id  uuid         primary key,
    display_name varchar(255),
    created_at   timestamp(6) with time zone not null,
    version      int          not null default 0
);
create table customer_identity (
    identity_id  uuid         primary key,
    customer_id  uuid         not null references customer (customer_id),
    kind         varchar(20)  not null,
    value        varchar(320) not null,
    linked_by    varchar(255) not null,
    linked_at    timestamp(6) with time zone not null,
    unlinked_by  varchar(255),
    unlinked_at  timestamp(6) with time zone
);
-- An identity belongs to at most one profile at a time.
create unique index customer_identity_one_active on customer_identity (kind, value) where unlinked_at is null;
create index customer_identity_by_customer on customer_identity (customer_id);

-- The SLA read model from webcare.sla: the due time of each running clock, for the queue order.
create table case_sla_clock (
    case_id uuid        not null,
    clock   varchar(30) not null,
    due_at  timestamp(6) with time zone,
    running boolean     not null,
    primary key (case_id, clock)
);
create table case_sla_due (
    case_id uuid primary key,
    due_at  timestamp(6) with time zone
);
create index case_sla_due_by_due on case_sla_due (due_at);

create table satisfaction (
    satisfaction_id uuid        primary key,
    case_id         uuid        not null references support_case (case_id),
    scale           varchar(10) not null,
    score           int         not null,
    source          varchar(30) not null,
    recorded_by     varchar(255) not null,
    recorded_at     timestamp(6) with time zone not null
);
