import type { HubConfig } from '../config/index.js';
import type { LookupCustomer } from '../crm/index.js';
import { HubError } from '../errors.js';
import type { CommandHandler } from '../realtime/command-types.js';
import { commandSchema, entityId } from '../realtime/schemas.js';
import { buildContext, type ContextTarget } from './build.js';

const targetFields = ['conversationId', 'visitorId', 'customerId'] as const;

const contextGetSchema = commandSchema('context.get', {
  conversationId: entityId,
  visitorId: entityId,
  customerId: entityId,
});

/** `context.get`: the customer card's data, for agents of the site. */
export function contextCommands(
  config: HubConfig,
  lookupCustomer: LookupCustomer,
): Record<string, CommandHandler> {
  return {
    'context.get': {
      kind: 'read',
      schema: contextGetSchema,
      async run(storage, principal, command) {
        if (principal.role !== 'agent') {
          throw new HubError('auth.forbidden', 'only agents see customer context');
        }
        const given = targetFields.filter((field) => command[field] !== undefined);
        if (given.length !== 1) {
          throw new HubError(
            'protocol.invalid_message',
            'context.get: give exactly one of conversationId, visitorId, customerId',
          );
        }
        const field = given[0]!;
        const target = { [field]: command[field] as string } as ContextTarget;
        const site = config.sites.find((candidate) => candidate.key === principal.siteKey)!;
        return buildContext(storage, site, target, lookupCustomer);
      },
    },
  };
}
