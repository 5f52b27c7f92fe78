-- Prisoner exchanges. These tables are not records of the shared shape: no generic route, search, export,
-- map or activity feed reads them, and each of their rows is a journal entry's body (kind, id column and seq
-- as version), which the integrity check compares like the other histories. Ids are random and carry no
-- meaning; the checks below refuse any other form, so no writer can put a name into an id.
create function parley_random_id(prefix text, id text) returns boolean language sql immutable as $$
  select id ~ ('^' || prefix || '_[a-z2-7]{26}$')
$$;

-- A party's list, one row per version; the people are in detainees.
create table detainee_lists (
  process_id text not null references processes,
  list_id text not null check (parley_random_id('dl', list_id)),
  seq integer not null check (seq > 0),
  party_id text not null,
  side text not null check (side in ('held_by_us', 'held_by_them')),
  held_by text not null,
  title text not null,
  entries integer not null check (entries >= 0),
  recorded_by text not null,
  recorded_at timestamptz not null,
  primary key (process_id, list_id, seq)
);

-- One person as one version of one list writes them. Erasure sets entry to null (and deletes the journal bodies);
-- nothing else may change a row.
create table detainees (
  process_id text not null,
  detainee_id text not null check (parley_random_id('dt', detainee_id)),
  seq integer not null check (seq = 1),
  list_id text not null,
  list_seq integer not null,
  line integer not null,
  entry jsonb,
  recorded_by text not null,
  recorded_at timestamptz not null,
  primary key (process_id, detainee_id),
  foreign key (process_id, list_id, list_seq) references detainee_lists (process_id, list_id, seq)
);
create index detainees_list on detainees (process_id, list_id, list_seq, line);

create function parley_detainee_erase_only() returns trigger language plpgsql as $$
begin
  if tg_op <> 'UPDATE' or new.entry is not null or (new.process_id, new.detainee_id, new.seq, new.list_id, new.list_seq, new.line)
     is distinct from (old.process_id, old.detainee_id, old.seq, old.list_id, old.list_seq, old.line) then
    raise exception 'a detainee row can only be erased' using errcode = 'P0001', hint = 'parley_append_only';
  end if;
  return new;
end $$;

create table detainee_statuses (
  process_id text not null,
  detainee_id text not null,
  seq integer not null check (seq > 0),
  status text not null check (status in ('held', 'listed', 'verified', 'exchanged', 'released', 'deceased', 'missing')),
  at text not null,
  source text not null,
  recorded_by text not null,
  recorded_at timestamptz not null,
  primary key (process_id, detainee_id, seq),
  foreign key (process_id, detainee_id) references detainees (process_id, detainee_id)
);

-- The engine's proposals between two list versions, kept as they were computed: no names, only ids, levels and weights.
create table reconciliations (
  process_id text not null references processes,
  reconciliation_id text not null check (parley_random_id('rc', reconciliation_id)),
  seq integer not null check (seq = 1),
  list_a text not null,
  seq_a integer not null,
  list_b text not null,
  seq_b integer not null,
  result jsonb not null,
  recorded_by text not null,
  recorded_at timestamptz not null,
  primary key (process_id, reconciliation_id),
  foreign key (process_id, list_a, seq_a) references detainee_lists (process_id, list_id, seq),
  foreign key (process_id, list_b, seq_b) references detainee_lists (process_id, list_id, seq)
);

create table match_decisions (
  process_id text not null,
  reconciliation_id text not null,
  seq integer not null check (seq > 0),
  a_id text not null,
  b_id text not null,
  decision text not null check (decision in ('accept', 'reject', 'skip', 'split', 'merge')),
  reason text,
  recorded_by text not null,
  recorded_at timestamptz not null,
  primary key (process_id, reconciliation_id, seq),
  foreign key (process_id, reconciliation_id) references reconciliations (process_id, reconciliation_id)
);

-- An agreed batch, one row per version: the agreement, then what was delivered.
create table exchange_batches (
  process_id text not null references processes,
  batch_id text not null check (parley_random_id('xb', batch_id)),
  seq integer not null check (seq > 0),
  batch jsonb not null,
  recorded_by text not null,
  recorded_at timestamptz not null,
  primary key (process_id, batch_id, seq)
);

-- The people the mediator names to review detainee data, one row per change.
create table exchange_reviewers (
  process_id text not null references processes,
  account_id text not null,
  seq integer not null check (seq > 0),
  active boolean not null,
  recorded_by text not null,
  recorded_at timestamptz not null,
  primary key (process_id, account_id, seq)
);

-- Every read of detainee data: who (recorded_by), when, why, and what was read.
create table detainee_access (
  process_id text not null references processes,
  access_id text not null check (parley_random_id('da', access_id)),
  seq integer not null check (seq = 1),
  action text not null,
  purpose text not null,
  subjects jsonb not null,
  recorded_by text not null,
  recorded_at timestamptz not null,
  primary key (process_id, access_id)
);
create index detainee_access_at on detainee_access (process_id, recorded_at);

do $$
declare t text;
begin
  foreach t in array array['detainee_lists', 'detainees', 'detainee_statuses', 'reconciliations', 'match_decisions', 'exchange_batches', 'exchange_reviewers', 'detainee_access'] loop
    execute format('create trigger %I before insert or update or delete or truncate on %I for each statement execute function parley_require_uow()', t || '_uow', t);
    if t = 'detainees' then
      execute 'create trigger detainees_erase_only before update or delete on detainees for each row execute function parley_detainee_erase_only()';
      execute 'create trigger detainees_no_truncate before truncate on detainees for each statement execute function parley_append_only()';
    else
      execute format('create trigger %I before update or delete or truncate on %I for each statement execute function parley_append_only()', t || '_append_only', t);
    end if;
  end loop;
end $$;
