-- The API names objects by id alone (/residents/{id}, /referrals/{id}, /slots …). The tenant
-- primary keys lead with community_id, so a lookup by id alone would scan the table (measured:
-- 260 ms per referral submit + accept at county scale). These non-unique indexes serve those
-- lookups; uniqueness stays with the (community_id, id) keys. On Citus such a lookup visits every
-- shard once; callers that know the community should still pass it.
create index resident_by_id on resident (id);
create index organization_by_id on organization (id);
create index practitioner_by_id on practitioner (id);
create index referral_by_id on referral (id);
create index slot_by_id on slot (id);
create index booking_by_id on booking (id);
create index resource_by_id on resource (id);
create index access_grant_by_id on access_grant (id);
