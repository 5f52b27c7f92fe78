-- Ceasefire monitoring: incidents, observations, and the append-only verification and
-- attribution of incidents. Record tables keep the uniform shape of 001; the typed and
-- geographic columns are generated from the body, so they can never disagree with it
-- and the unit of work needs to know nothing about them.
do $$ begin
  perform parley_record_table('incidents', null);
  perform parley_record_table('observations', null);
  perform parley_record_table('verifications', 'incidents');
  perform parley_record_table('attributions', 'incidents');
end $$;

alter table incidents
  add column geog geography(Point, 4326) generated always as (
    st_setsrid(st_makepoint((body -> 'place' ->> 'lon')::float8, (body -> 'place' ->> 'lat')::float8), 4326)::geography
  ) stored,
  add column killed_low integer generated always as ((body -> 'casualties' -> 'killed' ->> 'low')::integer) stored,
  add column killed_best integer generated always as ((body -> 'casualties' -> 'killed' ->> 'best')::integer) stored,
  add column killed_high integer generated always as ((body -> 'casualties' -> 'killed' ->> 'high')::integer) stored,
  add column injured_best integer generated always as ((body -> 'casualties' -> 'injured' ->> 'best')::integer) stored;
create index incidents_geog on incidents using gist (geog);

alter table observations
  add column geog geography(Point, 4326) generated always as (
    st_setsrid(st_makepoint((body -> 'observer' ->> 'lon')::float8, (body -> 'observer' ->> 'lat')::float8), 4326)::geography
  ) stored,
  add column weapon text generated always as (body ->> 'weapon') stored;
create index observations_geog on observations using gist (geog);
-- An observation supports any number of incidents; the link is kept in the body and indexed here.
create index observations_incidents on observations using gin ((body -> 'incidentIds'));

-- Verification steps and attribution views are appended; a correction is a new step or view.
create trigger verifications_append_only before update or delete or truncate on verifications for each statement execute function parley_append_only();
create trigger attributions_append_only before update or delete or truncate on attributions for each statement execute function parley_append_only();
