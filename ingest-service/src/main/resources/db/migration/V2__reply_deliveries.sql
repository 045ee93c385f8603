-- One row per reply ever handed to ingest (webcare.reply.requested.v1), keyed by Webcare's reply id: the record that
-- makes delivery exactly-once. The row is written as 'sending' (committed) before the platform is called, and moved
-- to 'delivered' or 'failed' with the delivery event in one transaction after the call. A redelivered request finds
-- the row and posts nothing; a row left 'sending' by a crash between the call and that commit is reported as failed
-- ('outcome-unknown') once its lease has run out, never posted again.
create table reply_delivery (
    reply_id            uuid         primary key,
    case_id             uuid,
    conversation_key    varchar(255) not null,
    channel             varchar(20)  not null,
    state               varchar(20)  not null,
    attempts            integer      not null default 0,
    platform_message_id varchar(255),
    reason              varchar(50),
    detail              varchar(2000),
    started_at          timestamp(6) with time zone not null,
    finished_at         timestamp(6) with time zone,
    constraint reply_delivery_state check (state in ('sending', 'delivered', 'failed'))
);

create index reply_delivery_sending on reply_delivery (started_at) where state = 'sending';
