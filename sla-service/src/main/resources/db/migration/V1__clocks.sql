-- One row per (case, clock): first response and resolution, with the times the policy set when it started.
create table sla_clock (
    case_id        uuid         not null,
    clock          varchar(30)  not null,
    team           varchar(100) not null,
    priority       int          not null,
    policy_version int          not null,
    status         varchar(20)  not null,
    started_at     timestamp(6) with time zone not null,
    warn_at        timestamp(6) with time zone not null,
    due_at         timestamp(6) with time zone not null,
    primary key (case_id, clock)
);
create index sla_clock_due on sla_clock (status, due_at);
