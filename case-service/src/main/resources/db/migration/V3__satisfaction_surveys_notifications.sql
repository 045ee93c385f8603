-- The satisfaction question sent after a resolution, and the customer's answer to it (read from their reply).
create table satisfaction_survey (
    survey_id           uuid         primary key,
    case_id             uuid         not null references support_case (case_id),
    reply_id            uuid         not null references reply (reply_id),
    scale               varchar(10)  not null,
    asked_at            timestamp(6) with time zone not null,
    answered_message_id uuid,
    answered_at         timestamp(6) with time zone
);
create index satisfaction_survey_by_case on satisfaction_survey (case_id, asked_at);

-- A score read from a customer's message names it: recorded once per message, however often it is delivered.
alter table satisfaction add column message_id uuid;
create unique index satisfaction_once_per_message on satisfaction (message_id);

-- The team lead's inbox: an SLA warning or breach escalates the case and puts a notification here in the same
-- transaction; once per case, clock, signal and level (a warning's threshold tells two warnings apart).
create table team_lead_notification (
    notification_id   uuid         primary key,
    team              varchar(100) not null,
    case_id           uuid         not null references support_case (case_id),
    kind              varchar(20)  not null,
    clock             varchar(30)  not null,
    level             int          not null,
    threshold_percent int          not null default 0,
    priority          int          not null,
    reason            text         not null,
    created_at        timestamp(6) with time zone not null,
    read_at           timestamp(6) with time zone,
    read_by           varchar(255),
    -- The optional signed webhook: due when webhook_next_at is set and neither delivered nor given up.
    webhook_next_at      timestamp(6) with time zone,
    webhook_attempts     int          not null default 0,
    webhook_delivered_at timestamp(6) with time zone,
    webhook_failed_at    timestamp(6) with time zone,
    webhook_last_error   varchar(500)
);
create unique index team_lead_notification_once
    on team_lead_notification (case_id, clock, kind, level, threshold_percent);
create index team_lead_notification_inbox on team_lead_notification (team, (read_at is null) desc, created_at desc);
create index team_lead_notification_webhook_due on team_lead_notification (webhook_next_at)
    where webhook_delivered_at is null and webhook_failed_at is null and webhook_next_at is not null;
