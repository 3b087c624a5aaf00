-- The bank's services (payments, card processing, online banking...), a list managers keep. Each names the business
-- function it supports and whether that function is critical or important in the sense of DORA (Regulation
-- 2022/2554, Art. 3(22)): the DORA classification asks which services an ICT incident affected (Delegated Regulation
-- 2024/1772, Art. 6), and the register of information links contracts to the functions they support (ITS 2024/2956).
create sequence business_service_seq start with 1 increment by 50;
create table business_service (
    id                      bigint          not null primary key,
    version                 bigint          not null,
    code                    varchar(20)     not null,
    name                    varchar(200)    not null,
    function_name           varchar(200)    not null,
    critical_or_important   boolean         not null,
    description             varchar(2000),
    active                  boolean         not null,
    created_at              timestamp(6) with time zone not null,
    created_by              varchar(64)     not null,
    updated_at              timestamp(6) with time zone not null,
    updated_by              varchar(64)     not null,
    constraint business_service_code_uk unique (code)
);
