import { ServerError } from '../errors.ts';
import type { AdminContext } from './context.ts';

/** Throws TASK_NOT_FOUND (404) unless the store holds a task with this id. */
export async function requireTask(ctx: AdminContext, id: string): Promise<void> {
  if (!(await ctx.coordinator.store.getTask(id))) throw new ServerError('TASK_NOT_FOUND', `no task with id "${id}"`, 404);
}
