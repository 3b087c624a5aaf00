-- Benchmark data for PostgreSQL, as generate-audit.sql on H2: ${count} audit entries after the ones the app wrote.
-- The hashes are placeholders (/audit/verify reports the trail as broken): for paging, not for the chain.
INSERT INTO audit_entry (id, occurred_at, username, action, record_type, record_id, record_label, parent_type,
    parent_id, changes, details, prev_hash, hash)
SELECT h.last_id + x, TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00' + x * INTERVAL '1 second',
    (ARRAY['officer', 'officer2', 'manager', 'manager2', 'auditor'])[MOD(x, 5) + 1],
    (ARRAY['CREATE', 'UPDATE', 'UPDATE', 'UPDATE', 'EXPORT', 'LOGIN_SUCCESS'])[MOD(x, 6) + 1],
    'Incident', (10000000 + MOD(x, 100000))::text, 'BEN-' || LPAD(MOD(x, 100000)::text, 6, '0'),
    NULL, NULL, '[{"field":"status","type":"IncidentStatus","oldValue":"OPEN","newValue":"UNDER_REVIEW"}]', NULL,
    REPEAT('0', 64), REPEAT('0', 64)
FROM generate_series(1::bigint, ${count}) x, audit_head h;
UPDATE audit_head SET last_id = (SELECT MAX(id) FROM audit_entry);
VACUUM ANALYZE audit_entry;
