-- Notifications for the optional webhook, written with the event they announce and sent (signed, with retries).
create table webhook_delivery (
    id              uuid         primary key,
    event_type      varchar(100) not null,
    payload         text         not null,
    attempts        integer      not null,
    next_attempt_at timestamp(6) with time zone not null,
    delivered_at    timestamp(6) with time zone,
    failed_at       timestamp(6) with time zone,
    last_error      varchar(500),
    created_at      timestamp(6) with time zone not null
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where delivered_at is null and failed_at is null;
