import type { EventFrame } from '../../protocol/index.js';
import { principalKey, type Principal } from '../auth/index.js';
import { HubError } from '../errors.js';
import type { Queryable, Storage } from '../storage/index.js';
import type { Command } from './command-types.js';

/**
 * Runs an effectful command at most once per (principal, command id). The claim, the
 * effect and the stored result commit together; a retry returns the stored result and
 * no events. A failed command stores nothing, so it may be retried.
 */
export async function runOnce(
  storage: Storage,
  principal: Principal,
  command: Command,
  effect: (tx: Queryable) => Promise<{ result: unknown; events: EventFrame[] }>,
): Promise<{ result: unknown; events: EventFrame[] }> {
  const key = principalKey(principal);
  return storage.transaction(async (tx) => {
    // On PostgreSQL a concurrent retry waits here until the first attempt commits or rolls back.
    const claimed = await tx.query(
      `INSERT INTO command_results (principal, command_id, type) VALUES ($1, $2, $3)
       ON CONFLICT (principal, command_id) DO NOTHING RETURNING command_id`,
      [key, command.id, command.type],
    );
    if (claimed.length === 0) {
      const [stored] = await tx.query<{ type: string; result: unknown }>(
        'SELECT type, result FROM command_results WHERE principal = $1 AND command_id = $2',
        [key, command.id],
      );
      if (stored!.type !== command.type) {
        throw new HubError(
          'protocol.invalid_message',
          `id ${command.id} was already used by a ${stored!.type} command`,
        );
      }
      return { result: stored!.result, events: [] };
    }
    const outcome = await effect(tx);
    await tx.query(
      'UPDATE command_results SET result = $3::jsonb WHERE principal = $1 AND command_id = $2',
      [key, command.id, JSON.stringify(outcome.result)],
    );
    return outcome;
  });
}
