-- Versioned policies per team: a version is never changed; a change by a team lead is the next version.
create table sla_policy (
    team       varchar(100) not null,
    version    int          not null check (version >= 1),
    document   text         not null,
    created_at timestamp(6) with time zone not null,
    created_by varchar(200) not null,
    primary key (team, version)
);

-- A clock counts business seconds of its current target. While it runs, counted_millis holds what was counted up
-- to running_since; next_due_at is the instant of the next threshold to announce (warning, breach, escalation), null
-- when nothing more is due (paused, stopped, or every threshold announced). The scheduler polls on next_due_at.
alter table sla_clock
    add column channel           varchar(20),
    add column policy_team       varchar(100),
    add column target_no         int    not null default 1,
    add column target_millis    bigint,
    add column counted_millis   bigint not null default 0,
    add column running_since     timestamp(6) with time zone,
    add column paused_at         timestamp(6) with time zone,
    add column stopped_at        timestamp(6) with time zone,
    add column announced_percent int    not null default 0,
    add column escalation_level  int    not null default 0,
    add column next_due_at       timestamp(6) with time zone;
alter table sla_clock alter column warn_at drop not null;
update sla_clock
   set policy_team = team,
       target_millis = (extract(epoch from (due_at - started_at)) * 1000)::bigint,
       running_since = case when status = 'RUNNING' then started_at end,
       next_due_at = case when status = 'RUNNING' then warn_at end;
alter table sla_clock alter column policy_team set not null;
alter table sla_clock alter column target_millis set not null;
drop index sla_clock_due;
create index sla_clock_next_due on sla_clock (next_due_at) where next_due_at is not null;

-- What happened to a clock beyond the events: a policy switch on transfer, with who and why.
create table sla_clock_audit (
    id          bigserial primary key,
    case_id     uuid         not null,
    clock       varchar(30)  not null,
    action      varchar(50)  not null,
    detail      text         not null,
    by_whom     varchar(200),
    happened_at timestamp(6) with time zone not null
);
create index sla_clock_audit_case on sla_clock_audit (case_id);

-- The platform's reply window of each inbound message (from webcare.messages.routed), joined to its case when the
-- case event naming the message arrives; either may come first.
create table sla_message_window (
    message_id uuid primary key,
    closes_at  timestamp(6) with time zone,
    case_id    uuid
);

-- Every finished target (first response, resolution, next response, reply window), for the figures.
create table sla_target_result (
    case_id          uuid         not null,
    clock            varchar(30)  not null,
    target_no        int          not null,
    team             varchar(100) not null,
    channel          varchar(20),
    priority         int          not null,
    policy_version   int          not null,
    started_at       timestamp(6) with time zone not null,
    stopped_at       timestamp(6) with time zone not null,
    elapsed_millis  bigint       not null,
    target_millis   bigint       not null,
    met              boolean      not null,
    primary key (case_id, clock, target_no)
);
create index sla_target_result_team on sla_target_result (team, started_at);

-- One row per case with an SLA, for boomerang, first-time-fix and satisfaction figures.
create table sla_case (
    case_id        uuid primary key,
    team           varchar(100) not null,
    channel        varchar(20)  not null,
    opened_at      timestamp(6) with time zone not null,
    boomerang      boolean      not null,
    reopened       boolean      not null default false,
    resolved_at    timestamp(6) with time zone,
    first_time_fix boolean,
    csat           int,
    nps            int
);
create index sla_case_team on sla_case (team, opened_at);
