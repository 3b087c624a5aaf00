-- Control testing with evidence files, and self-certification (attestation) campaigns.

alter table internal_control add column attester varchar(64);

create sequence control_test_seq start with 1 increment by 50;
create table control_test (
    id               bigint        not null primary key,
    version          bigint        not null,
    reference        varchar(40)   not null,
    control_id       bigint        not null,
    procedure_text   varchar(4000) not null,
    sample_size      integer       not null,
    period_start     date          not null,
    period_end       date          not null,
    tester           varchar(64)   not null,
    status           varchar(20)   not null,
    result           varchar(30),
    findings         varchar(4000),
    executed_on      date,
    submitted_by     varchar(64),
    submitted_at     timestamp(6) with time zone,
    reviewed_by      varchar(64),
    reviewed_at      timestamp(6) with time zone,
    review_comment   varchar(2000),
    created_at       timestamp(6) with time zone not null,
    created_by       varchar(64)   not null,
    updated_at       timestamp(6) with time zone not null,
    updated_by       varchar(64)   not null,
    constraint control_test_reference_uk unique (reference),
    constraint control_test_control_fk foreign key (control_id) references internal_control (id),
    constraint control_test_period_ck check (period_end >= period_start),
    constraint control_test_sample_ck check (sample_size >= 1)
);
create index control_test_control_idx on control_test (control_id, status, executed_on);
create index control_test_status_idx on control_test (status, id);

-- File bytes live apart from their description, so lists never load them.
create sequence evidence_content_seq start with 1 increment by 50;
create table evidence_content (
    id    bigint not null primary key,
    data  bytea  not null
);

create sequence evidence_file_seq start with 1 increment by 50;
create table evidence_file (
    id            bigint        not null primary key,
    version       bigint        not null,
    test_id       bigint        not null,
    content_id    bigint        not null,
    file_name     varchar(255)  not null,
    content_type  varchar(100)  not null,
    size_bytes    bigint        not null,
    sha256        varchar(64)   not null,
    created_at    timestamp(6) with time zone not null,
    created_by    varchar(64)   not null,
    updated_at    timestamp(6) with time zone not null,
    updated_by    varchar(64)   not null,
    constraint evidence_file_test_fk foreign key (test_id) references control_test (id),
    constraint evidence_file_content_fk foreign key (content_id) references evidence_content (id)
);
create index evidence_file_test_idx on evidence_file (test_id);

create sequence attestation_campaign_seq start with 1 increment by 50;
create table attestation_campaign (
    id            bigint        not null primary key,
    version       bigint        not null,
    reference     varchar(40)   not null,
    title         varchar(200)  not null,
    period_start  date          not null,
    period_end    date          not null,
    due_date      date          not null,
    status        varchar(20)   not null,
    closed_by     varchar(64),
    closed_at     timestamp(6) with time zone,
    created_at    timestamp(6) with time zone not null,
    created_by    varchar(64)   not null,
    updated_at    timestamp(6) with time zone not null,
    updated_by    varchar(64)   not null,
    constraint attestation_campaign_reference_uk unique (reference),
    constraint attestation_campaign_period_ck check (period_end >= period_start)
);

create sequence attestation_seq start with 1 increment by 50;
create table attestation (
    id            bigint        not null primary key,
    version       bigint        not null,
    campaign_id   bigint        not null,
    control_id    bigint        not null,
    assignee      varchar(64),
    response      varchar(20),
    response_comment varchar(2000),
    answered_by   varchar(64),
    answered_at   timestamp(6) with time zone,
    created_at    timestamp(6) with time zone not null,
    created_by    varchar(64)   not null,
    updated_at    timestamp(6) with time zone not null,
    updated_by    varchar(64)   not null,
    constraint attestation_campaign_fk foreign key (campaign_id) references attestation_campaign (id),
    constraint attestation_control_fk foreign key (control_id) references internal_control (id),
    constraint attestation_uk unique (campaign_id, control_id)
);
create index attestation_assignee_idx on attestation (assignee, response);
