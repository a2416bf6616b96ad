/**
 * PostgreSQL schema version 2: a lease per task, for several coordinator nodes on one database
 * (issue 14 item 2; docs/storage.md, "Concurrency on PostgreSQL"). The node in `node_id` leads
 * the task until `expires_at` (milliseconds, the database's clock) unless it renews. `epoch`
 * grows by one at every takeover: it is the fencing token a round commit checks, so a leader
 * that was paused past its lease cannot commit over its successor. `open_round` is the round the
 * leader has open (number, kind, model version, start), cleared in the transaction that commits
 * or aborts it: a node that takes the lease over records that round as aborted, with the reason.
 */
export const name = 'task leases';

export const sql = `
CREATE TABLE task_leases (
  task_id text PRIMARY KEY REFERENCES tasks(id),
  node_id text NOT NULL,
  epoch bigint NOT NULL CHECK (epoch >= 1),
  expires_at bigint NOT NULL,
  acquired_at bigint NOT NULL,
  open_round jsonb
);
`;
