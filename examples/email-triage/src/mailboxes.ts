/**
 * The demo's employees and what each device trains on, shared by `demo.ts` and the DP
 * simulation (`simulate-dp.ts`) so that both see exactly the same mail.
 */
import { isHeldOut, scrubPii } from '@conclave/client-sdk';
import { splitTrainTest, type Email } from './corpus.ts';
import { DEFAULTS } from './model.ts';
import { dirichletPartition, type ClientShard } from './partition.ts';

/** The seeded train/test split, then Dirichlet-skewed mailboxes of at least 8 e-mails where the corpus allows. */
export function demoMailboxes(corpus: readonly Email[], clients: number, seed: number): { train: Email[]; test: Email[]; shards: ClientShard[] } {
  const { train, test } = splitTrainTest(corpus, { testFraction: DEFAULTS.testFraction, seed });
  const shards = dirichletPartition(train, {
    clients,
    alpha: DEFAULTS.dirichletAlpha,
    seed,
    evalFraction: DEFAULTS.clientEvalFraction,
    minPerClient: Math.min(8, Math.floor(train.length / clients)),
  });
  return { train, test, shards };
}

/**
 * The mail a device trains on: its mailbox recorded in order, scrubbed of PII on record, minus
 * the examples the SDK's deterministic split holds out for evaluation (ids follow recording order).
 */
export function trainingMail(shard: ClientShard): Email[] {
  return [...shard.train, ...shard.eval]
    .filter((_, i) => !isHeldOut(i + 1, DEFAULTS.clientEvalFraction))
    .map((mail) => ({ ...mail, text: scrubPii(mail.text).text }));
}
