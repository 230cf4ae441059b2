-- Signing rates look up each resident's contracts as of a date (not only the active one):
-- without this index that lookup scanned every contract per resident (55 s for the demo county).
create index fd_contract_resident on fd_contract (community_id, resident_id);
