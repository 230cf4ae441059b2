-- Break-the-glass reads (紧急调阅) are reviewed afterwards by the community's manager
-- (docs/SECURITY.md "Break-glass review"): a grant records whether it was one, and the review's
-- outcome (reviewed = justified, questioned = to be followed up), who reviewed it, when and why.
alter table access_grant add column break_glass boolean not null default false;
alter table access_grant add column review_outcome text check (review_outcome in ('reviewed', 'questioned'));
alter table access_grant add column review_note text;
alter table access_grant add column reviewed_by uuid;
alter table access_grant add column reviewed_by_username text;
alter table access_grant add column reviewed_at timestamptz;

-- Grants made before this migration: a break-glass grant is the one whose request audit row says so.
update access_grant g set break_glass = true
 where exists (select 1 from audit_log a
                where a.community_id = g.community_id and a.action = 'grant.break_glass' and a.resource_id = g.id::text);

create index access_grant_review on access_grant (community_id, requested_at) where break_glass;
