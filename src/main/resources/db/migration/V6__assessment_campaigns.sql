-- RCSA campaigns: a manager opens a campaign for a period and a scope; each risk in it gets a task, rated by the
-- risk's assessor (a user), submitted, then approved or returned by another manager.

alter table risk add column assessor varchar(64);

create sequence assessment_campaign_seq start with 1 increment by 50;
create table assessment_campaign (
    id            bigint        not null primary key,
    version       bigint        not null,
    reference     varchar(40)   not null,
    title         varchar(200)  not null,
    instructions  varchar(4000),
    period_start  date          not null,
    period_end    date          not null,
    due_date      date          not null,
    scope_units   varchar(4000),
    scope_risks   varchar(4000),
    status        varchar(20)   not null,
    closed_at     timestamp(6) with time zone,
    closed_by     varchar(64),
    created_at    timestamp(6) with time zone not null,
    created_by    varchar(64)   not null,
    updated_at    timestamp(6) with time zone not null,
    updated_by    varchar(64)   not null,
    constraint assessment_campaign_reference_uk unique (reference),
    constraint assessment_campaign_period_ck check (period_end >= period_start)
);
create index assessment_campaign_status_idx on assessment_campaign (status, id);

create sequence assessment_task_seq start with 1 increment by 50;
create table assessment_task (
    id                          bigint        not null primary key,
    version                     bigint        not null,
    campaign_id                 bigint        not null,
    risk_id                     bigint        not null,
    assignee                    varchar(64),
    status                      varchar(20)   not null,
    before_inherent_likelihood  integer       not null,
    before_inherent_impact      integer       not null,
    before_residual_likelihood  integer       not null,
    before_residual_impact      integer       not null,
    inherent_likelihood         integer       not null,
    inherent_impact             integer       not null,
    residual_likelihood         integer       not null,
    residual_impact             integer       not null,
    residual_comment            varchar(2000),
    assessor_comment            varchar(4000),
    submitted_by                varchar(64),
    submitted_at                timestamp(6) with time zone,
    reviewed_by                 varchar(64),
    reviewed_at                 timestamp(6) with time zone,
    review_comment              varchar(2000),
    created_at                  timestamp(6) with time zone not null,
    created_by                  varchar(64)   not null,
    updated_at                  timestamp(6) with time zone not null,
    updated_by                  varchar(64)   not null,
    constraint assessment_task_campaign_fk foreign key (campaign_id) references assessment_campaign (id),
    constraint assessment_task_risk_fk foreign key (risk_id) references risk (id),
    constraint assessment_task_uk unique (campaign_id, risk_id),
    constraint assessment_task_scale_ck check (inherent_likelihood between 1 and 5 and inherent_impact between 1 and 5
        and residual_likelihood between 1 and 5 and residual_impact between 1 and 5)
);
create index assessment_task_risk_idx on assessment_task (risk_id, status);
create index assessment_task_assignee_idx on assessment_task (assignee, status);
create index assessment_task_status_idx on assessment_task (status, campaign_id);

create sequence assessment_control_seq start with 1 increment by 50;
create table assessment_control (
    id                       bigint        not null primary key,
    version                  bigint        not null,
    task_id                  bigint        not null,
    control_id               bigint        not null,
    before_design            varchar(30)   not null,
    before_operating         varchar(30)   not null,
    design_effectiveness     varchar(30)   not null,
    operating_effectiveness  varchar(30)   not null,
    rating_comment           varchar(2000),
    created_at               timestamp(6) with time zone not null,
    created_by               varchar(64)   not null,
    updated_at               timestamp(6) with time zone not null,
    updated_by               varchar(64)   not null,
    constraint assessment_control_task_fk foreign key (task_id) references assessment_task (id),
    constraint assessment_control_control_fk foreign key (control_id) references internal_control (id),
    constraint assessment_control_uk unique (task_id, control_id)
);
create index assessment_control_control_idx on assessment_control (control_id);
