-- The rate summaries of 0014 are kept by the services in the writing transaction from now on
-- (modules/rate-summaries; docs/domain/rate-summaries.md): Citus refuses statement-level triggers
-- with transition tables and SQL functions with parameters on distributed tables, and with
-- unsafe triggers allowed its workers crashed committing multi-shard transactions. The tables
-- stay and their rows stay exact: the same definitions now run from the service, per community.
drop trigger chronic_follow_up_summarise_ins on chronic_follow_up;
drop trigger chronic_follow_up_summarise_upd on chronic_follow_up;
drop trigger chronic_follow_up_summarise_del on chronic_follow_up;
drop trigger chronic_enrollment_summarise_ins on chronic_enrollment;
drop trigger chronic_enrollment_summarise_upd on chronic_enrollment;
drop trigger chronic_enrollment_summarise_del on chronic_enrollment;
drop trigger resident_summarise_ins on resident;
drop trigger resident_summarise_upd on resident;
drop trigger resident_summarise_del on resident;
drop trigger resident_birth_date_summarise on resident;
drop trigger resident_problem_summarise_ins on resident_problem;
drop trigger resident_problem_summarise_upd on resident_problem;
drop trigger resident_problem_summarise_del on resident_problem;
drop trigger fd_contract_summarise_ins on fd_contract;
drop trigger fd_contract_summarise_upd on fd_contract;
drop trigger fd_contract_summarise_del on fd_contract;

drop function yg_summarise();
drop function resident_birth_date_summarise();
drop function chronic_rates_rebuild(uuid);
drop function chronic_rates_refresh(uuid, uuid[]);
drop function chronic_rate_points_of(uuid, uuid[]);
drop function fd_signing_rebuild(uuid);
drop function fd_signing_refresh(uuid, uuid[]);
drop function fd_signing_points_of(uuid, uuid[]);
drop function yg_rate_summary_lock(uuid);
-- yg_try_date (immutable) stays: the signing points read delivery dates through it.
