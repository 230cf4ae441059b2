-- The centres' indicators of a period (issue #13, packages/bench/src/diagnostics.bench.ts): every
-- statement of GET /diagnostics/indicators and the dashboard's diagnostics indicators reads the
-- orders placed in [from, to). With only (community_id, ordered_at) each order of the period is a
-- heap fetch; with the columns the counts and the turnaround read carried in the index it is an
-- index-only range (county scale, a month of ≈ 25k orders: the unit × modality counts 54 → 32 ms,
-- the turnaround percentiles 31 → 15 ms). Same key, so it replaces diagnostic_order_period: one
-- index to write per order, as before. community_id leads (docs/citus.md).
create index diagnostic_order_indicators on diagnostic_order (community_id, ordered_at)
  include (ordering_organization_id, performing_organization_id, modality, status, critical, accepted_at, rejected_at, resulted_at, reported_at, report_due_at);
drop index diagnostic_order_period;
