-- Ceasefire monitoring: incidents, observations, and the append-only verification and
-- attribution of incidents. Record tables keep the uniform shape of 001; the typed and
-- geographic columns are generated from the body, so they can never disagree with it
-- and the unit of work needs to know nothing about them.

create table incidents (
  process_id text not null references processes,
  id text not null,
  version integer not null check (version > 0),
  audience text not null check (audience in ('public', 'forum', 'party', 'mediator')),
  audience_party text check ((audience = 'party') = (audience_party is not null)),
  parent_id text,
  status text,
  sort_on date not null,
  party_ids text[] not null default '{}',
  body jsonb not null,
  created_at timestamptz not null,
  created_by text not null,
  updated_at timestamptz not null,
  updated_by text not null,
  geog geography(Point, 4326) generated always as (
    st_setsrid(st_makepoint((body -> 'place' ->> 'lon')::float8, (body -> 'place' ->> 'lat')::float8), 4326)::geography
  ) stored,
  killed_low integer generated always as ((body -> 'casualties' -> 'killed' ->> 'low')::integer) stored,
  killed_best integer generated always as ((body -> 'casualties' -> 'killed' ->> 'best')::integer) stored,
  killed_high integer generated always as ((body -> 'casualties' -> 'killed' ->> 'high')::integer) stored,
  injured_best integer generated always as ((body -> 'casualties' -> 'injured' ->> 'best')::integer) stored,
  primary key (process_id, id)
);
create index incidents_list on incidents (process_id, sort_on, id);
create index incidents_geog on incidents using gist (geog);
create table observations (
  process_id text not null references processes,
  id text not null,
  version integer not null check (version > 0),
  audience text not null check (audience in ('public', 'forum', 'party', 'mediator')),
  audience_party text check ((audience = 'party') = (audience_party is not null)),
  parent_id text,
  status text,
  sort_on date not null,
  party_ids text[] not null default '{}',
  body jsonb not null,
  created_at timestamptz not null,
  created_by text not null,
  updated_at timestamptz not null,
  updated_by text not null,
  geog geography(Point, 4326) generated always as (
    st_setsrid(st_makepoint((body -> 'observer' ->> 'lon')::float8, (body -> 'observer' ->> 'lat')::float8), 4326)::geography
  ) stored,
  weapon text generated always as (body ->> 'weapon') stored,
  primary key (process_id, id)
);
create index observations_list on observations (process_id, sort_on, id);
create index observations_geog on observations using gist (geog);
-- An observation supports any number of incidents; the link is kept in the body and indexed here.
create index observations_incidents on observations using gin ((body -> 'incidentIds'));
create table verifications (
  process_id text not null references processes,
  id text not null,
  version integer not null check (version > 0),
  audience text not null check (audience in ('public', 'forum', 'party', 'mediator')),
  audience_party text check ((audience = 'party') = (audience_party is not null)),
  parent_id text not null,
  status text,
  sort_on date not null,
  party_ids text[] not null default '{}',
  body jsonb not null,
  created_at timestamptz not null,
  created_by text not null,
  updated_at timestamptz not null,
  updated_by text not null,
  primary key (process_id, id),
  foreign key (process_id, parent_id) references incidents (process_id, id)
);
create index verifications_list on verifications (process_id, sort_on, id);
create index verifications_parent on verifications (process_id, parent_id);
create table attributions (
  process_id text not null references processes,
  id text not null,
  version integer not null check (version > 0),
  audience text not null check (audience in ('public', 'forum', 'party', 'mediator')),
  audience_party text check ((audience = 'party') = (audience_party is not null)),
  parent_id text not null,
  status text,
  sort_on date not null,
  party_ids text[] not null default '{}',
  body jsonb not null,
  created_at timestamptz not null,
  created_by text not null,
  updated_at timestamptz not null,
  updated_by text not null,
  primary key (process_id, id),
  foreign key (process_id, parent_id) references incidents (process_id, id)
);
create index attributions_list on attributions (process_id, sort_on, id);
create index attributions_parent on attributions (process_id, parent_id);

create trigger incidents_uow before insert or update or delete on incidents for each row execute function parley_require_uow();
create trigger observations_uow before insert or update or delete on observations for each row execute function parley_require_uow();
create trigger verifications_uow before insert or update or delete on verifications for each row execute function parley_require_uow();
create trigger attributions_uow before insert or update or delete on attributions for each row execute function parley_require_uow();
-- Verification steps and attribution views are appended; a correction is a new step or view.
create trigger verifications_append_only before update or delete on verifications for each row execute function parley_append_only();
create trigger attributions_append_only before update or delete on attributions for each row execute function parley_append_only();
