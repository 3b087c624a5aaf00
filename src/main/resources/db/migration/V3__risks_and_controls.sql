-- Risk register and control library (RCSA), and the links between risks and controls.

create sequence risk_seq start with 1 increment by 50;
create table risk (
    id                  bigint        not null primary key,
    version             bigint        not null,
    reference           varchar(40)   not null,
    title               varchar(200)  not null,
    description         varchar(4000),
    event_category      varchar(40)   not null,
    business_line       varchar(40)   not null,
    org_unit            varchar(120)  not null,
    owner               varchar(120)  not null,
    inherent_likelihood integer       not null,
    inherent_impact     integer       not null,
    inherent_score      integer       not null,
    residual_likelihood integer       not null,
    residual_impact     integer       not null,
    residual_score      integer       not null,
    residual_comment    varchar(2000),
    appetite            varchar(2000),
    status              varchar(20)   not null,
    created_at          timestamp(6) with time zone not null,
    created_by          varchar(64)   not null,
    updated_at          timestamp(6) with time zone not null,
    updated_by          varchar(64)   not null,
    constraint risk_reference_uk unique (reference),
    constraint risk_scale_ck check (inherent_likelihood between 1 and 5 and inherent_impact between 1 and 5
        and residual_likelihood between 1 and 5 and residual_impact between 1 and 5)
);
create index risk_status_idx on risk (status, residual_score);
create index risk_residual_idx on risk (residual_score, id);
create index risk_business_line_idx on risk (business_line, id);

create sequence internal_control_seq start with 1 increment by 50;
create table internal_control (
    id                      bigint        not null primary key,
    version                 bigint        not null,
    reference               varchar(40)   not null,
    title                   varchar(200)  not null,
    description             varchar(4000),
    control_type            varchar(20)   not null,
    nature                  varchar(20)   not null,
    frequency               varchar(20)   not null,
    owner                   varchar(120)  not null,
    design_effectiveness    varchar(30)   not null,
    operating_effectiveness varchar(30)   not null,
    key_control             boolean       not null,
    created_at              timestamp(6) with time zone not null,
    created_by              varchar(64)   not null,
    updated_at              timestamp(6) with time zone not null,
    updated_by              varchar(64)   not null,
    constraint internal_control_reference_uk unique (reference)
);

create sequence risk_control_seq start with 1 increment by 50;
create table risk_control (
    id         bigint not null primary key,
    version    bigint not null,
    risk_id    bigint not null,
    control_id bigint not null,
    created_at timestamp(6) with time zone not null,
    created_by varchar(64) not null,
    updated_at timestamp(6) with time zone not null,
    updated_by varchar(64) not null,
    constraint risk_control_risk_fk foreign key (risk_id) references risk (id),
    constraint risk_control_control_fk foreign key (control_id) references internal_control (id),
    constraint risk_control_uk unique (risk_id, control_id)
);
create index risk_control_control_idx on risk_control (control_id);
