-- Lines, restrictions of movement, and the geometry columns the map and the withdrawal
-- rules need. Like 003, the spatial columns are generated from the body, so they cannot
-- disagree with the record and the unit of work needs no knowledge of them.

do $$ begin
  perform parley_record_table('lines', null);
  perform parley_record_table('restrictions', null);
end $$;

-- A line's kind is its status and its date its sort_on, so "the contact line in force on
-- a day" is an index range scan: the latest contact line dated on or before that day.
alter table lines add column geom geometry(LineString, 4326)
  generated always as (st_setsrid(st_geomfromgeojson(body ->> 'geometry'), 4326)) stored;
create index lines_in_force on lines (process_id, status, sort_on);
create index lines_geom on lines using gist (geom);

-- Grid clustering snaps geometry, and viewport boxes are planar; distances stay on geog.
alter table incidents add column geom geometry(Point, 4326) generated always as (
  st_setsrid(st_makepoint((body -> 'place' ->> 'lon')::float8, (body -> 'place' ->> 'lat')::float8), 4326)
) stored;
create index incidents_geom on incidents using gist (geom);

-- Where the thing seen was: the sighting's own position when given, else the observer's.
alter table observations add column seen_geog geography(Point, 4326) generated always as (
  st_setsrid(st_makepoint(
    coalesce(body -> 'position' ->> 'lon', body -> 'observer' ->> 'lon')::float8,
    coalesce(body -> 'position' ->> 'lat', body -> 'observer' ->> 'lat')::float8), 4326)::geography
) stored;
create index observations_sightings on observations (process_id, sort_on) where status = 'weapon_sighting' and weapon is not null;
