-- A case: one customer conversation that a team works on until it is resolved.
create table support_case (
    case_id          uuid         primary key,
    conversation_key varchar(600) not null,
    team             varchar(100) not null,
    priority         int          not null,
    status           varchar(30)  not null,
    channel          varchar(20)  not null,
    customer_handle  varchar(255),
    intent           varchar(20)  not null,
    sla_applies      boolean      not null,
    first_message_at timestamp(6) with time zone not null,
    opened_at        timestamp(6) with time zone not null,
    version          int          not null default 0
);
-- At most one open case per conversation: a new message joins it instead of opening another.
create unique index support_case_one_open_per_conversation
    on support_case (conversation_key) where status not in ('resolved', 'closed');
create index support_case_team_queue on support_case (team, status, priority, opened_at);

-- The customer messages of a case; the message id makes a redelivered message a no-op.
create table case_message (
    message_id    uuid         primary key,
    case_id       uuid         not null references support_case (case_id),
    author_handle varchar(255),
    text          text         not null,
    sent_at       timestamp(6) with time zone not null,
    received_at   timestamp(6) with time zone not null
);
create index case_message_by_case on case_message (case_id, received_at);
