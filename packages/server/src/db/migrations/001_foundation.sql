-- Parley foundation: processes, access, the journal and the records of talks,
-- agreements and sources. Runs unchanged on PostgreSQL 15+/PostGIS 3 and PGlite.
create extension if not exists postgis;

create table processes (
  process_id text primary key,
  names jsonb not null,
  description text,
  created_at timestamptz not null default now()
);

-- Accounts and their secrets are deployment-wide (a Citus reference table), not process
-- records: a password hash must never enter the public log.
create table accounts (
  account_id text primary key,
  username text not null unique,
  password_hash text not null,
  created_at timestamptz not null default now()
);
create table sessions (
  token_hash text primary key,
  account_id text not null references accounts,
  expires_at timestamptz not null,
  created_at timestamptz not null default now()
);
create table api_tokens (
  token_hash text primary key,
  account_id text not null references accounts,
  name text not null,
  created_at timestamptz not null default now()
);

-- The unit of work sets parley.uow for its own transaction; any other writer is refused,
-- so no code path can change a record without its journal entry. The checks are
-- statement triggers: they need no row, and a batch of a hundred rows pays once.
create function parley_require_uow() returns trigger language plpgsql as $$
begin
  if coalesce(current_setting('parley.uow', true), '') <> 'on' then
    raise exception 'records are written only through the unit of work' using errcode = 'P0001', hint = 'parley_uow_required';
  end if;
  -- null for statement triggers; the row for any row trigger a later migration adds.
  return coalesce(new, old);
end $$;

create function parley_append_only() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only', tg_table_name using errcode = 'P0001', hint = 'parley_append_only';
end $$;

create table role_grants (
  process_id text not null references processes,
  account_id text not null references accounts,
  role text not null check (role in ('mediator', 'delegate', 'monitor', 'analyst')),
  party_id text,
  primary key (process_id, account_id, role)
);

-- One entry per write, dense per process and in commit order: the head row is locked
-- last in each unit of work, so the next index is always size. Each entry is a leaf of
-- the process's Merkle tree (002_log.sql): the envelope commits to the body, which is
-- kept apart so it can be erased. The head keeps the tree's root and its frontier (the
-- hashes of the complete subtrees left of the next leaf, 32 bytes each, largest first),
-- so appending needs no read of the node table.
create table log_heads (
  process_id text primary key references processes,
  size bigint not null default 0,
  root bytea not null default '\xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'::bytea,
  frontier bytea not null default ''::bytea check (length(frontier) % 32 = 0)
);
create table journal (
  process_id text not null references processes,
  idx bigint not null,
  record_type text not null,
  record_id text not null,
  version integer not null,
  supersedes integer,
  author text not null,
  at timestamptz not null,
  envelope jsonb not null,
  leaf_hash bytea not null check (length(leaf_hash) = 32),
  primary key (process_id, idx)
);
create index journal_record on journal (process_id, record_type, record_id, version);


-- Records share one shape: keys, visibility and the columns lists filter and sort on;
-- the validated record itself is in body. Old versions live in the journal. One
-- function makes every such table so the shape cannot drift between kinds.
create function parley_record_table(name text, parent text) returns void language plpgsql as $$
begin
  execute format($f$
    create table %1$I (
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
      primary key (process_id, id)
    );
    create index %2$I on %1$I (process_id, sort_on, id);
    create trigger %3$I before insert or update or delete or truncate on %1$I for each statement execute function parley_require_uow();
  $f$, name, name || '_list', name || '_uow');
  if parent is not null then
    execute format($f$
      alter table %1$I alter column parent_id set not null;
      alter table %1$I add foreign key (process_id, parent_id) references %2$I (process_id, id);
      create index %3$I on %1$I (process_id, parent_id);
    $f$, name, parent, name || '_parent');
  end if;
end $$;

do $$ begin
  perform parley_record_table('parties', null);
  perform parley_record_table('people', null);
  perform parley_record_table('mandates', 'people');
  perform parley_record_table('forums', null);
  perform parley_record_table('meetings', 'forums');
  perform parley_record_table('invitations', 'meetings');
  perform parley_record_table('attendance', 'meetings');
  perform parley_record_table('agreements', null);
  perform parley_record_table('provisions', 'agreements');
  perform parley_record_table('assessments', 'provisions');
  perform parley_record_table('sources', null);
  perform parley_record_table('statements', null);
  perform parley_record_table('claims', null);
  perform parley_record_table('figures', null);
end $$;

-- Histories are appended, never rewritten.
create table meeting_transitions (
  process_id text not null,
  meeting_id text not null,
  seq integer not null,
  from_status text,
  to_status text not null,
  at text not null,
  reason text not null,
  sources jsonb not null,
  recorded_by text not null,
  recorded_at timestamptz not null,
  primary key (process_id, meeting_id, seq),
  foreign key (process_id, meeting_id) references meetings (process_id, id)
);
create table cause_claims (
  process_id text not null,
  meeting_id text not null,
  transition_seq integer not null,
  seq integer not null,
  party_id text not null,
  text text not null,
  sources jsonb not null,
  recorded_by text not null,
  recorded_at timestamptz not null,
  primary key (process_id, meeting_id, transition_seq, seq),
  foreign key (process_id, meeting_id, transition_seq) references meeting_transitions (process_id, meeting_id, seq)
);
create table invitation_responses (
  process_id text not null,
  invitation_id text not null,
  seq integer not null,
  status text not null,
  at text not null,
  conditions jsonb not null,
  sources jsonb not null,
  recorded_by text not null,
  recorded_at timestamptz not null,
  primary key (process_id, invitation_id, seq),
  foreign key (process_id, invitation_id) references invitations (process_id, id)
);

create trigger meeting_transitions_uow before insert or update or delete or truncate on meeting_transitions for each statement execute function parley_require_uow();
create trigger cause_claims_uow before insert or update or delete or truncate on cause_claims for each statement execute function parley_require_uow();
create trigger invitation_responses_uow before insert or update or delete or truncate on invitation_responses for each statement execute function parley_require_uow();
create trigger journal_uow before insert or update or delete or truncate on journal for each statement execute function parley_require_uow();
create trigger log_heads_uow before insert or update or delete or truncate on log_heads for each statement execute function parley_require_uow();
create trigger role_grants_uow before insert or update or delete or truncate on role_grants for each statement execute function parley_require_uow();
create trigger meeting_transitions_append_only before update or delete or truncate on meeting_transitions for each statement execute function parley_append_only();
create trigger cause_claims_append_only before update or delete or truncate on cause_claims for each statement execute function parley_append_only();
create trigger invitation_responses_append_only before update or delete or truncate on invitation_responses for each statement execute function parley_append_only();
create trigger journal_append_only before update or delete or truncate on journal for each statement execute function parley_append_only();
create trigger processes_uow before insert or update or delete or truncate on processes for each statement execute function parley_require_uow();
