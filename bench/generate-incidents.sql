-- Benchmark data for H2: ${count} incidents (references BEN-nnnnnn) with four charge lines and a received
-- recovery each (500,000 loss lines at 100,000 incidents).
-- Totals on the incident match its lines, as the application keeps them.
INSERT INTO incident (id, version, reference, title, description, status, severity, event_category, event_type,
    business_line, org_unit, owner, occurrence_date, discovery_date, reporting_date, closure_date, causes, root_cause,
    third_party, near_miss, gross_loss, recoveries, provisions, net_loss, search_text, submitted_by,
    legal_entity_id, created_at, created_by, updated_at, updated_by)
SELECT 10000000 + x, 0, 'BEN-' || LPAD(CAST(x AS VARCHAR), GREATEST(6, LENGTH(CAST(x AS VARCHAR))), '0'),
    'Generated incident ' || x || ' ' || ARRAY_GET(ARRAY['payment', 'server', 'fraud', 'vendor', 'branch', 'trading'], MOD(x, 6) + 1),
    'Benchmark data',
    ARRAY_GET(ARRAY['DRAFT', 'OPEN', 'UNDER_REVIEW', 'CLOSED'], MOD(x, 4) + 1),
    ARRAY_GET(ARRAY['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'], MOD(x / 4, 4) + 1),
    ARRAY_GET(ARRAY['INTERNAL_FRAUD', 'EXTERNAL_FRAUD', 'EMPLOYMENT_PRACTICES', 'CLIENTS_PRODUCTS_PRACTICES',
        'DAMAGE_TO_PHYSICAL_ASSETS', 'BUSINESS_DISRUPTION', 'EXECUTION_DELIVERY_PROCESS'], MOD(x, 7) + 1),
    ARRAY_GET(ARRAY['UNAUTHORISED_ACTIVITY', 'SYSTEMS_SECURITY', 'EMPLOYEE_RELATIONS', 'PRODUCT_FLAWS',
        'DISASTERS_AND_OTHER_EVENTS', 'SYSTEMS', 'TRANSACTION_CAPTURE_EXECUTION'], MOD(x, 7) + 1),
    ARRAY_GET(ARRAY['CORPORATE_FINANCE', 'TRADING_AND_SALES', 'RETAIL_BANKING', 'COMMERCIAL_BANKING',
        'PAYMENT_AND_SETTLEMENT', 'AGENCY_SERVICES', 'ASSET_MANAGEMENT', 'RETAIL_BROKERAGE'], MOD(x, 8) + 1),
    'Unit ' || MOD(x, 40), 'Owner ' || MOD(x, 300),
    DATEADD(DAY, -MOD(x, 3650), DATE '2026-11-01'), DATEADD(DAY, -MOD(x, 3650), DATE '2026-11-01'),
    DATEADD(DAY, -MOD(x, 3650) + 2, DATE '2026-11-01'),
    CASE WHEN MOD(x, 4) = 3 THEN DATEADD(DAY, -MOD(x, 3650) + 30, DATE '2026-11-01') END,
    'PROCESS,SYSTEMS', 'Generated', NULL, FALSE,
    CAST(MOD(x * 7919, 500000) + 1000 AS NUMERIC(19, 2)),
    CAST((MOD(x * 7919, 500000) + 1000) / 4 AS NUMERIC(19, 2)),
    0,
    CAST(MOD(x * 7919, 500000) + 1000 AS NUMERIC(19, 2)) - CAST((MOD(x * 7919, 500000) + 1000) / 4 AS NUMERIC(19, 2)),
    'ben ' || LPAD(CAST(x AS VARCHAR), GREATEST(6, LENGTH(CAST(x AS VARCHAR))), '0') || ' generated incident ' || x || ' '
        || ARRAY_GET(ARRAY['payment', 'server', 'fraud', 'vendor', 'branch', 'trading'], MOD(x, 6) + 1)
        || ' unit ' || MOD(x, 40) || ' owner ' || MOD(x, 300) || ' benchmark data',
    NULL, (SELECT e.id FROM legal_entity e WHERE e.is_default = TRUE), CURRENT_TIMESTAMP, 'bench', CURRENT_TIMESTAMP,
    'bench'
FROM SYSTEM_RANGE(1, ${count});

-- The search words of each incident (incident.SearchWords: what the application writes on H2), one a row; a word
-- the search text holds twice (the number in the title may equal the unit's or owner's) once.
INSERT INTO incident_search_word (word, incident_id)
SELECT DISTINCT REGEXP_SUBSTR(i.search_text, '[^ ]+', 1, n.x), i.id
FROM incident i CROSS JOIN SYSTEM_RANGE(1, 13) n
WHERE i.created_by = 'bench' AND REGEXP_SUBSTR(i.search_text, '[^ ]+', 1, n.x) IS NOT NULL;

-- Four charge lines per incident booked over its first seven months (a quarter of the gross each, the last one the
-- remainder), so the ledger holds five lines per incident and an event's lines fall in several periods. No incident
-- is grouped: each line's event is its own incident (incident.LineEvent).
INSERT INTO loss_entry (id, version, incident_id, entry_type, amount, currency, fx_rate, reporting_amount,
    reporting_currency, accounting_date, business_line, description, created_at, created_by, updated_at, updated_by,
    event_id, event_type, event_business_line, event_excluded, event_gross, event_net)
SELECT 20000000 + 5 * i.id + k.x, 0, i.id, 'DIRECT_CHARGE',
    CASE WHEN k.x < 3 THEN CAST(i.gross_loss / 4 AS NUMERIC(19, 2))
        ELSE i.gross_loss - 3 * CAST(i.gross_loss / 4 AS NUMERIC(19, 2)) END, 'EUR', 1,
    CASE WHEN k.x < 3 THEN CAST(i.gross_loss / 4 AS NUMERIC(19, 2))
        ELSE i.gross_loss - 3 * CAST(i.gross_loss / 4 AS NUMERIC(19, 2)) END, 'EUR',
    DATEADD(DAY, ARRAY_GET(ARRAY[10, 30, 90, 200], k.x + 1), i.occurrence_date), i.business_line,
    'Generated gross loss', CURRENT_TIMESTAMP, 'bench', CURRENT_TIMESTAMP, 'bench',
    i.id, i.event_type, i.business_line, FALSE, i.gross_loss, i.net_loss
FROM incident i CROSS JOIN SYSTEM_RANGE(0, 3) k WHERE i.created_by = 'bench';

INSERT INTO loss_entry (id, version, incident_id, entry_type, recovery_status, amount, currency, fx_rate,
    reporting_amount, reporting_currency, accounting_date, business_line, description, created_at, created_by,
    updated_at, updated_by, event_id, event_type, event_business_line, event_excluded, event_gross, event_net)
SELECT 20000004 + 5 * i.id, 0, i.id, 'INSURANCE_RECOVERY', 'RECEIVED', i.recoveries, 'EUR', 1, i.recoveries, 'EUR',
    DATEADD(DAY, 60, i.occurrence_date), i.business_line, 'Generated recovery', CURRENT_TIMESTAMP, 'bench',
    CURRENT_TIMESTAMP, 'bench', i.id, i.event_type, i.business_line, FALSE, i.gross_loss, i.net_loss
FROM incident i WHERE i.created_by = 'bench';

ALTER SEQUENCE incident_seq RESTART WITH 30000000;
ALTER SEQUENCE loss_entry_seq RESTART WITH 80000000;
ANALYZE;
