-- Every routed complaint with the group grouping put it in: the source the groups are rebuilt from on start.
create table complaint (
    message_id  uuid         primary key,
    group_id    uuid         not null,
    case_id     uuid,
    issue_id    uuid,
    incident_id uuid,
    channel     varchar(20)  not null,
    author      varchar(200),
    language    varchar(10),
    topics      varchar(500) not null,
    text        text         not null,
    received_at timestamp(6) with time zone not null
);
create index complaint_group_received on complaint (group_id, received_at);
create index complaint_received on complaint (received_at);
create index complaint_issue on complaint (issue_id);
create index complaint_incident on complaint (incident_id);

-- Which case a message belongs to, from webcare.cases (it may arrive before or after the routed message).
create table message_case (
    message_id uuid primary key,
    case_id    uuid not null
);
create index message_case_case on message_case (case_id);

-- A recurring problem handed to the product owner of its area.
create table issue (
    id                uuid         primary key,
    group_id          uuid         not null,
    product_area      varchar(100) not null,
    owner             varchar(100),
    label             varchar(300) not null,
    terms             varchar(1000) not null,
    status            varchar(20)  not null,
    complaint_count   integer      not null,
    first_seen_at     timestamp(6) with time zone not null,
    detected_at       timestamp(6) with time zone not null,
    last_complaint_at timestamp(6) with time zone not null,
    updated_at        timestamp(6) with time zone not null,
    resolved_at       timestamp(6) with time zone,
    resolved_by       varchar(100),
    customer_message  text,
    version           bigint       not null
);
create index issue_group on issue (group_id);
create index issue_area_status on issue (product_area, status);

create table issue_case (
    issue_id uuid not null references issue (id),
    case_id  uuid not null,
    primary key (issue_id, case_id)
);

-- A sudden rise of complaints about one topic.
create table incident (
    id            uuid         primary key,
    topic         varchar(100) not null,
    complaints    integer      not null,
    baseline      double precision not null,
    rise          double precision not null,
    window_start  timestamp(6) with time zone not null,
    window_end    timestamp(6) with time zone not null,
    detected_at   timestamp(6) with time zone not null,
    last_above_at timestamp(6) with time zone not null
);
create index incident_topic on incident (topic, last_above_at);

create table incident_case (
    incident_id uuid not null references incident (id),
    case_id     uuid not null,
    primary key (incident_id, case_id)
);
