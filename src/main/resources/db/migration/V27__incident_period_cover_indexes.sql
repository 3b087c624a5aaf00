-- The losses page on the occurrence or discovery basis reads the incidents dated in the period with their event's
-- classification, totals and exclusion flags (losses.LossScan): every column it reads of the incident is in these
-- indexes, so a year of incidents is read from the index alone, not from the wide incident rows.
create index incident_occurrence_cover_idx on incident (occurrence_date, near_miss, gross_loss, recoveries,
    root_event_id, event_type, business_line, gain_event, credit_boundary, net_loss, id);
create index incident_discovery_cover_idx on incident (discovery_date, near_miss, gross_loss, recoveries,
    root_event_id, event_type, business_line, gain_event, credit_boundary, net_loss, id);
