-- Ingesting documents into sources. The bytes a person handed in are kept as received, addressed by their SHA-256;
-- the source record carries that hash, so the log commits to the document without holding it.
create table source_documents (
  process_id text not null references processes,
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  media_type text not null,
  byte_size integer not null check (byte_size > 0),
  bytes bytea not null,
  received_at timestamptz not null,
  primary key (process_id, sha256)
);

-- The queue that reads documents off the request path. A job is work, not record: it is not journalled, and what
-- it makes (the source, its reading) is. `lease_until` hands a job whose worker died back to the queue.
create table ingest_jobs (
  process_id text not null references processes,
  job_id text not null check (parley_random_id('ij', job_id)),
  sha256 text not null,
  state text not null check (state in ('queued', 'running', 'done', 'failed')),
  stage text not null,
  request jsonb not null,
  source_id text,
  outcome text check (outcome in ('created', 'duplicate')),
  error jsonb,
  attempts integer not null default 0,
  lease_until timestamptz,
  created_by text not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  primary key (process_id, job_id)
);
create index ingest_jobs_waiting on ingest_jobs (created_at) where state in ('queued', 'running');
create index ingest_jobs_by_document on ingest_jobs (process_id, sha256);

-- What Parley read in a source (its body, what it set aside, the candidates it proposes), once per source; and each
-- person's decision on a candidate. Both are appended through the unit of work, each row a journal entry's body, and
-- take their source's audience.
create table source_readings (
  process_id text not null,
  source_id text not null,
  seq integer not null check (seq = 1),
  reading jsonb not null,
  candidates jsonb not null,
  recorded_by text not null,
  recorded_at timestamptz not null,
  primary key (process_id, source_id),
  foreign key (process_id, source_id) references sources (process_id, id)
);

create table candidate_reviews (
  process_id text not null,
  source_id text not null,
  seq integer not null check (seq > 0),
  candidate integer not null check (candidate >= 0),
  decision text not null check (decision in ('confirmed', 'rejected')),
  record_kind text,
  record_id text,
  recorded_by text not null,
  recorded_at timestamptz not null,
  primary key (process_id, source_id, seq),
  foreign key (process_id, source_id) references source_readings (process_id, source_id)
);

do $$
declare t text;
begin
  foreach t in array array['source_readings', 'candidate_reviews'] loop
    execute format('create trigger %I before insert or update or delete or truncate on %I for each statement execute function parley_require_uow()', t || '_uow', t);
    execute format('create trigger %I before update or delete or truncate on %I for each statement execute function parley_append_only()', t || '_append_only', t);
  end loop;
end $$;
