-- The register's pages sort by occurrence date then id, newest first. With the id at the end of each filter's
-- index, a filtered page is read along the index and stops after its rows; without it H2, which has no incremental
-- sort, sorted every match (25,000 open incidents at 100,000: 300 ms for a page of 25). PostgreSQL read them well
-- either way; the indexes stay the same for it but for the extra column.
drop index incident_status_idx;
create index incident_status_idx on incident (status, occurrence_date, id);
drop index incident_category_idx;
create index incident_category_idx on incident (event_category, occurrence_date, id);
drop index incident_type_idx;
create index incident_type_idx on incident (event_type, occurrence_date, id);
drop index incident_business_line_idx;
create index incident_business_line_idx on incident (business_line, occurrence_date, id);
