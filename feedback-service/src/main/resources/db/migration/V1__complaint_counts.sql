-- Routed complaints counted per topic: the raw material of recurring-issue detection.
create table complaint_count (
    topic      varchar(100) primary key,
    complaints bigint       not null,
    last_at    timestamp(6) with time zone not null
);
