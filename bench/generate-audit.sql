-- Benchmark data for H2: ${count} audit entries after the ones the app wrote. The hashes are placeholders,
-- so /audit/verify reports this trail as broken: this data is for measuring paging, not the chain.
INSERT INTO audit_entry (id, occurred_at, username, action, record_type, record_id, record_label, parent_type,
    parent_id, changes, details, prev_hash, hash)
SELECT h.last_id + x, DATEADD(SECOND, x, TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00'),
    ARRAY_GET(ARRAY['officer', 'officer2', 'manager', 'manager2', 'auditor'], MOD(x, 5) + 1),
    ARRAY_GET(ARRAY['CREATE', 'UPDATE', 'UPDATE', 'UPDATE', 'EXPORT', 'LOGIN_SUCCESS'], MOD(x, 6) + 1),
    'Incident', CAST(10000000 + MOD(x, 100000) AS VARCHAR), 'BEN-' || LPAD(CAST(MOD(x, 100000) AS VARCHAR), 6, '0'),
    NULL, NULL, '[{"field":"status","type":"IncidentStatus","oldValue":"OPEN","newValue":"UNDER_REVIEW"}]', NULL,
    REPEAT('0', 64), REPEAT('0', 64)
FROM SYSTEM_RANGE(1, ${count}), audit_head h;
UPDATE audit_head SET last_id = (SELECT MAX(id) FROM audit_entry);
ANALYZE;
