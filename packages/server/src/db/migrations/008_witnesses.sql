-- Witness registrations get a life cycle: a party's delegate registers (pending), the mediator approves (active),
-- the party or the mediator removes (removed). Rows are never deleted: cosignatures refer to them, and a removed
-- witness's history stays in the journal. Registrations made before this migration were already in use: active.
alter table witnesses
  add column status text not null default 'active' check (status in ('pending', 'active', 'removed')),
  add column version integer not null default 1 check (version >= 1),
  add column approved_by text,
  add column removed_by text,
  add column changed_at timestamptz not null default now();
alter table witnesses alter column status drop default;

create index witnesses_party on witnesses (process_id, party_id) where status <> 'removed';
