/**
 * The PostgreSQL schema's versioned migrations, oldest first. Each is applied once, in one
 * transaction with the others still missing, and recorded in `schema_migrations`. Append only:
 * never edit one that has shipped; add the next number.
 */
import * as initial from './001-initial.ts';
import * as taskLeases from './002-task-leases.ts';
import * as nodeMessages from './003-node-messages.ts';

export interface PostgresMigration {
  version: number;
  name: string;
  sql: string;
}

export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  { version: 1, name: initial.name, sql: initial.sql },
  { version: 2, name: taskLeases.name, sql: taskLeases.sql },
  { version: 3, name: nodeMessages.name, sql: nodeMessages.sql },
];
