-- Who edited a control test's execution or evidence: none of them may sign the test off (four eyes).

create table control_test_editor (
    test_id   bigint      not null,
    username  varchar(64) not null,
    constraint control_test_editor_pk primary key (test_id, username),
    constraint control_test_editor_test_fk foreign key (test_id) references control_test (id)
);

-- Tests recorded before: the tester edited whatever execution there is, and each file's uploader its evidence.
insert into control_test_editor (test_id, username)
select id, tester from control_test where result is not null or findings is not null or executed_on is not null
union
select test_id, created_by from evidence_file;
