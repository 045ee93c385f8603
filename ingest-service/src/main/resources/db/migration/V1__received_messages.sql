-- One row per message ever accepted: the edge deduplication key (channel, account, platform message id).
create table received_message (
    message_id       uuid         primary key,
    channel          varchar(20)  not null,
    account_id       varchar(255) not null,
    external_id      varchar(255) not null,
    conversation_key varchar(600) not null,
    received_at      timestamp(6) with time zone not null,
    constraint received_message_unique_delivery unique (channel, account_id, external_id)
);
