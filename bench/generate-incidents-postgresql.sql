-- Benchmark data for PostgreSQL, row for row what generate-incidents.sql writes on H2: ${count} incidents
-- (references BEN-nnnnnn) with four charge lines and a received recovery each. Totals on the incident match its
-- lines, each line carries its event (incident.LossEvents: no incident is grouped, a line's event is its incident).
INSERT INTO incident (id, version, reference, title, description, status, severity, event_category, event_type,
    business_line, org_unit, owner, occurrence_date, discovery_date, reporting_date, closure_date, causes, root_cause,
    third_party, near_miss, gross_loss, recoveries, provisions, net_loss, search_text, submitted_by,
    legal_entity_id, created_at, created_by, updated_at, updated_by)
SELECT 10000000 + x, 0, 'BEN-' || LPAD(x::text, GREATEST(6, LENGTH(x::text)), '0'),
    'Generated incident ' || x || ' ' || (ARRAY['payment', 'server', 'fraud', 'vendor', 'branch', 'trading'])[MOD(x, 6) + 1],
    'Benchmark data',
    (ARRAY['DRAFT', 'OPEN', 'UNDER_REVIEW', 'CLOSED'])[MOD(x, 4) + 1],
    (ARRAY['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'])[MOD(x / 4, 4) + 1],
    (ARRAY['INTERNAL_FRAUD', 'EXTERNAL_FRAUD', 'EMPLOYMENT_PRACTICES', 'CLIENTS_PRODUCTS_PRACTICES',
        'DAMAGE_TO_PHYSICAL_ASSETS', 'BUSINESS_DISRUPTION', 'EXECUTION_DELIVERY_PROCESS'])[MOD(x, 7) + 1],
    (ARRAY['UNAUTHORISED_ACTIVITY', 'SYSTEMS_SECURITY', 'EMPLOYEE_RELATIONS', 'PRODUCT_FLAWS',
        'DISASTERS_AND_OTHER_EVENTS', 'SYSTEMS', 'TRANSACTION_CAPTURE_EXECUTION'])[MOD(x, 7) + 1],
    (ARRAY['CORPORATE_FINANCE', 'TRADING_AND_SALES', 'RETAIL_BANKING', 'COMMERCIAL_BANKING',
        'PAYMENT_AND_SETTLEMENT', 'AGENCY_SERVICES', 'ASSET_MANAGEMENT', 'RETAIL_BROKERAGE'])[MOD(x, 8) + 1],
    'Unit ' || MOD(x, 40), 'Owner ' || MOD(x, 300),
    DATE '2026-11-01' - MOD(x, 3650)::int, DATE '2026-11-01' - MOD(x, 3650)::int,
    DATE '2026-11-01' - MOD(x, 3650)::int + 2,
    CASE WHEN MOD(x, 4) = 3 THEN DATE '2026-11-01' - MOD(x, 3650)::int + 30 END,
    'PROCESS,SYSTEMS', 'Generated', NULL, FALSE,
    CAST(MOD(x * 7919, 500000) + 1000 AS NUMERIC(19, 2)),
    CAST((MOD(x * 7919, 500000) + 1000) / 4 AS NUMERIC(19, 2)),
    0,
    CAST(MOD(x * 7919, 500000) + 1000 AS NUMERIC(19, 2)) - CAST((MOD(x * 7919, 500000) + 1000) / 4 AS NUMERIC(19, 2)),
    'ben ' || LPAD(x::text, GREATEST(6, LENGTH(x::text)), '0') || ' generated incident ' || x || ' '
        || (ARRAY['payment', 'server', 'fraud', 'vendor', 'branch', 'trading'])[MOD(x, 6) + 1]
        || ' unit ' || MOD(x, 40) || ' owner ' || MOD(x, 300) || ' benchmark data',
    NULL, (SELECT e.id FROM legal_entity e WHERE e.is_default = TRUE), CURRENT_TIMESTAMP, 'bench', CURRENT_TIMESTAMP,
    'bench'
FROM generate_series(1::bigint, ${count}) x;

INSERT INTO loss_entry (id, version, incident_id, entry_type, amount, currency, fx_rate, reporting_amount,
    reporting_currency, accounting_date, business_line, description, created_at, created_by, updated_at, updated_by,
    event_id, event_type, event_business_line, event_excluded, event_gross, event_net)
SELECT 20000000 + 5 * i.id + k, 0, i.id, 'DIRECT_CHARGE',
    CASE WHEN k < 3 THEN CAST(i.gross_loss / 4 AS NUMERIC(19, 2))
        ELSE i.gross_loss - 3 * CAST(i.gross_loss / 4 AS NUMERIC(19, 2)) END, 'EUR', 1,
    CASE WHEN k < 3 THEN CAST(i.gross_loss / 4 AS NUMERIC(19, 2))
        ELSE i.gross_loss - 3 * CAST(i.gross_loss / 4 AS NUMERIC(19, 2)) END, 'EUR',
    i.occurrence_date + (ARRAY[10, 30, 90, 200])[k + 1], i.business_line,
    'Generated gross loss', CURRENT_TIMESTAMP, 'bench', CURRENT_TIMESTAMP, 'bench',
    i.id, i.event_type, i.business_line, FALSE, i.gross_loss, i.net_loss
FROM incident i CROSS JOIN generate_series(0, 3) k WHERE i.created_by = 'bench';

INSERT INTO loss_entry (id, version, incident_id, entry_type, recovery_status, amount, currency, fx_rate,
    reporting_amount, reporting_currency, accounting_date, business_line, description, created_at, created_by,
    updated_at, updated_by, event_id, event_type, event_business_line, event_excluded, event_gross, event_net)
SELECT 20000004 + 5 * i.id, 0, i.id, 'INSURANCE_RECOVERY', 'RECEIVED', i.recoveries, 'EUR', 1, i.recoveries, 'EUR',
    i.occurrence_date + 60, i.business_line, 'Generated recovery', CURRENT_TIMESTAMP, 'bench',
    CURRENT_TIMESTAMP, 'bench', i.id, i.event_type, i.business_line, FALSE, i.gross_loss, i.net_loss
FROM incident i WHERE i.created_by = 'bench';

ALTER SEQUENCE incident_seq RESTART WITH 30000000;
ALTER SEQUENCE loss_entry_seq RESTART WITH 80000000;
VACUUM ANALYZE incident;
VACUUM ANALYZE loss_entry;
