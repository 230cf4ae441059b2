-- The encounters behind an indicator's number (issue #5 drill-down), newest first: a page is read
-- in index order and stops after `limit` rows instead of sorting a whole month.
-- A unit's list: equality on the organisation, then the period range in order.
create index encounter_list_unit on encounter (community_id, organization_id, period_month, start_date);
-- A community's list: every unit (and out-of-county care) of the period in order.
create index encounter_list_community on encounter (community_id, period_month, start_date);
