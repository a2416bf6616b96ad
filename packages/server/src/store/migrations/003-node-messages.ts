/**
 * PostgreSQL schema version 3: messages between coordinator nodes too large for a NOTIFY payload
 * (8000 bytes). The sender stores the batch here and notifies its id; the receiver reads and
 * deletes it. Unlogged: these are in-flight round messages, not history, and a database crash
 * may drop them (the rounds they belong to then time out and abort with a reason).
 */
export const name = 'node messages';

export const sql = `
CREATE UNLOGGED TABLE node_messages (
  id bigserial PRIMARY KEY,
  payload text NOT NULL,
  created_at bigint NOT NULL
);
`;
