-- Issue #11 (fast paths): every encounter write maintained five indexes. encounter_period
-- (community_id, period_month, organization_id) serves no query that encounter_list_community
-- (community_id, period_month, start_date) and encounter_list_unit (community_id, organization_id,
-- period_month, start_date) of 0015 do not serve as well: one index less to write per row.
drop index encounter_period;
