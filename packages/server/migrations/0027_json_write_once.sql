-- Write-once documents kept as `json` (the text as sent, checked but not converted) instead of
-- `jsonb` (issue #11: start-up and ingest). None of these columns is searched inside by an index
-- or compared; they are read whole (an encounter list also reads the primary diagnosis, and one
-- key of the contribution when filtered by a metric). `jsonb` converted every value on the way in:
-- - an ECG's 12 leads of samples (≈ 30 thousand numbers): 27 ms to store on the embedded
--   database, 6.5 ms as `json`; read back in half the time;
-- - an encounter's diagnoses, procedures and contribution to the aggregates (≈ 11 counters): a
--   quarter of the COPY time of the demo's 290 thousand encounters.
alter table diagnostic_waveform alter column leads type json using leads::json;
alter table encounter
  alter column contrib type json using contrib::json,
  alter column diagnoses type json using diagnoses::json,
  alter column procedures drop default,
  alter column procedures type json using procedures::json,
  alter column procedures set default '[]';
