-- The in-county inpatient cases of a community-period (DIP and DRG, issue #12): about 2.5 % of the
-- encounters. Without this the year's cases are a scan of every encounter of the year (≈ 1 s at
-- county scale); with it an index-only range of the cases.
create index encounter_inpatient_cases on encounter (community_id, period_month)
  include (organization_id, primary_icd3, total_cost, drg_code, drg_weight)
  where type = 'inpatient' and not out_of_county;
