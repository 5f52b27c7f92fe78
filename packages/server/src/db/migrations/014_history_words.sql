-- A status change's reason and a side's account of its cause are the side's own words, kept as a
-- statement's are: one string in a declared language, or the variants ({en, uk, ru}) the source gives.
-- (012 is the prisoner-exchange module's number.)
--
-- These histories are append-only (the *_append_only and *_uow triggers of 001_foundation.sql), and
-- those are triggers on insert, update, delete and truncate: a change of column type rewrites the
-- table without firing them, as 006 and 009 changed guarded tables, so no trigger is switched off.
-- Every row is committed in the journal as the JSON its columns give: a string stays the same JSON
-- string (to_jsonb), and the language column is null for a row whose entry names none, which the
-- integrity check reads as absent, so entries written before this migration verify unchanged.
alter table meeting_transitions
  alter column reason type jsonb using to_jsonb(reason),
  add constraint meeting_transitions_reason_shape check (jsonb_typeof(reason) in ('string', 'object')),
  add column reason_language text check (reason_language ~ '^[a-z]{2,3}$');

alter table cause_claims
  alter column text type jsonb using to_jsonb(text),
  add constraint cause_claims_text_shape check (jsonb_typeof(text) in ('string', 'object')),
  add column language text check (language ~ '^[a-z]{2,3}$');
