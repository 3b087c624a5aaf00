-- Business-indicator inputs of the SMA capital calculation (BIS OPE25; CRR3 Art. 314), one row per financial year at
-- the consolidated level, in the reporting currency. Net P&L items may be negative; the others are amounts of income,
-- expense or assets (zero or more).
create sequence business_indicator_year_seq start with 1 increment by 50;
create table business_indicator_year (
    id                          bigint          not null primary key,
    version                     bigint          not null,
    financial_year              integer         not null,
    interest_income             numeric(19, 2)  not null,
    interest_expense            numeric(19, 2)  not null,
    interest_earning_assets     numeric(19, 2)  not null,
    dividend_income             numeric(19, 2)  not null,
    fee_income                  numeric(19, 2)  not null,
    fee_expense                 numeric(19, 2)  not null,
    other_operating_income      numeric(19, 2)  not null,
    other_operating_expense     numeric(19, 2)  not null,
    trading_book_pnl            numeric(19, 2)  not null,
    banking_book_pnl            numeric(19, 2)  not null,
    currency                    varchar(3)      not null,
    source                      varchar(1000),
    created_at                  timestamp(6) with time zone not null,
    created_by                  varchar(64)     not null,
    updated_at                  timestamp(6) with time zone not null,
    updated_by                  varchar(64)     not null,
    constraint business_indicator_year_uk unique (financial_year)
);
