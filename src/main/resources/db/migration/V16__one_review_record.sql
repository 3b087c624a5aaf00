-- Every workflow keeps its review the same way (core.ReviewRecord): submitted by/at, reviewed by/at, comment.
-- Incidents kept the last return and the closing apart, without the submission time: both become the one review
-- (a return and a closing never stand together: submitting again cleared the return). The time of a closing was not
-- kept; the incident's last change, which a closing is for a closed incident, stands in for it. Extension requests
-- name their requester as the review's submitter. Each review counts its submissions (rework shows as more than
-- one); what happened before is counted as one submission where there was one.

alter table incident add column submitted_at timestamp(6) with time zone;
alter table incident add column reviewed_by varchar(64);
alter table incident add column reviewed_at timestamp(6) with time zone;
alter table incident add column review_comment varchar(2000);

update incident set submitted_at = updated_at where status = 'UNDER_REVIEW' and submitted_by is not null;
update incident set reviewed_by = returned_by, reviewed_at = returned_at, review_comment = return_reason
    where returned_by is not null;
update incident set reviewed_by = closed_by, reviewed_at = updated_at, review_comment = close_comment
    where status = 'CLOSED' and closed_by is not null;

alter table incident drop column returned_by;
alter table incident drop column returned_at;
alter table incident drop column return_reason;
alter table incident drop column closed_by;
alter table incident drop column close_comment;

alter table action_extension add column requested_by varchar(64);
alter table action_extension add column requested_at timestamp(6) with time zone;
update action_extension set requested_by = created_by, requested_at = created_at;

alter table incident add column submissions integer default 0 not null;
alter table action_plan add column submissions integer default 0 not null;
alter table action_extension add column submissions integer default 0 not null;
alter table assessment_task add column submissions integer default 0 not null;
alter table control_test add column submissions integer default 0 not null;
update incident set submissions = 1 where submitted_by is not null;
update action_plan set submissions = 1 where closure_requested_by is not null;
update action_extension set submissions = 1;
update assessment_task set submissions = 1 where submitted_by is not null;
update control_test set submissions = 1 where submitted_by is not null;
