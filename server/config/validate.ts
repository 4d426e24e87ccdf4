import { Ajv, type ErrorObject } from 'ajv';
import { cannedPlaceholders, unknownPlaceholders } from '../../protocol/canned-placeholders.js';
import { attachmentsConfigProblem } from '../attachments/settings.js';
import { invitationsConfigProblem } from '../chat/invitations.js';
import { prechatConfigProblem } from '../chat/prechat/config.js';
import { queuesConfigProblem } from '../chat/queues/config.js';
import { emailConfigProblem } from '../email/config.js';
import { crmConfigProblem } from '../crm/index.js';
import { isValidOriginPattern } from './origin-pattern.js';
import { configSchema } from './schema.js';
import type { HubConfig } from './types.js';

/** A config problem; the message names the field, e.g. `config error: sites[0].key ...`. */
export class ConfigError extends Error {
  constructor(detail: string) {
    super(`config error: ${detail}`);
    this.name = 'ConfigError';
  }
}

const ajv = new Ajv({ allErrors: false, strict: true });
const checkShape = ajv.compile(configSchema);

/** Validates a parsed config object and returns it typed, or throws a ConfigError naming the field. */
export function validateConfig(input: unknown): HubConfig {
  if (!checkShape(input)) throw new ConfigError(describe(checkShape.errors![0], input));
  const config = input as unknown as HubConfig;
  const seen = new Set<string>();
  config.sites.forEach((site, i) => {
    if (seen.has(site.key))
      throw new ConfigError(`sites[${i}].key "${site.key}" is used by another site`);
    seen.add(site.key);
    site.origins.forEach((origin, j) => {
      if (!isValidOriginPattern(origin)) {
        throw new ConfigError(
          `sites[${i}].origins[${j}] must be an origin like https://shop.example (got ${JSON.stringify(origin)})`,
        );
      }
    });
    const shortcuts = new Set<string>();
    site.cannedResponses?.forEach(({ shortcut, text }, j) => {
      const [unknown] = unknownPlaceholders(text);
      if (unknown !== undefined) {
        const known = cannedPlaceholders.map((name) => `{{${name}}}`).join(', ');
        throw new ConfigError(
          `sites[${i}].cannedResponses[${j}].text has {{${unknown}}}, which is not one of ${known}`,
        );
      }
      const field = `sites[${i}].cannedResponses[${j}].shortcut`;
      if (!/^\/[\p{L}\p{N}_-]+$/u.test(shortcut)) {
        throw new ConfigError(
          `${field} must be "/" then letters, digits, "-" or "_" (got ${JSON.stringify(shortcut)})`,
        );
      }
      if (shortcuts.has(shortcut)) throw new ConfigError(`${field} "${shortcut}" is used twice`);
      shortcuts.add(shortcut);
    });
    const crmProblem = site.crm && crmConfigProblem(site.crm, `sites[${i}].crm`);
    if (crmProblem) throw new ConfigError(crmProblem);
    const attachmentsProblem =
      site.attachments && attachmentsConfigProblem(site.attachments, `sites[${i}].attachments`);
    if (attachmentsProblem) throw new ConfigError(attachmentsProblem);
    const queuesProblem = site.queues && queuesConfigProblem(site.queues, `sites[${i}].queues`);
    if (queuesProblem) throw new ConfigError(queuesProblem);
    const prechatProblem =
      site.prechat &&
      prechatConfigProblem(
        site.prechat,
        `sites[${i}].prechat`,
        site.queues?.map((q) => q.id),
      );
    if (prechatProblem) throw new ConfigError(prechatProblem);
    const invitationsProblem =
      site.invitations &&
      invitationsConfigProblem(
        site.invitations,
        `sites[${i}].invitations`,
        site.queues?.map((q) => q.id),
      );
    if (invitationsProblem) throw new ConfigError(invitationsProblem);
  });
  const emailProblem = config.email && emailConfigProblem(config.email);
  if (emailProblem) throw new ConfigError(emailProblem);
  return {
    ...(config.tokenSecret ? { tokenSecret: config.tokenSecret } : {}),
    ...(config.email ? { email: config.email } : {}),
    sites: config.sites.map((site) => ({ ...site, demo: site.demo === true })),
  };
}

/** `/sites/0/origins/1` → `sites[0].origins[1]` */
function fieldName(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
    .join('')
    .replace(/^\./, '');
}

function valueAt(root: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], root);
}

function describe(error: ErrorObject, root: unknown): string {
  const field = fieldName(error.instancePath);
  const at = (name: string) => (field ? `${field}.${name}` : name);
  const got = JSON.stringify(valueAt(root, error.instancePath));
  switch (error.keyword) {
    case 'required':
      return `${at(error.params.missingProperty)} is required`;
    case 'additionalProperties':
      return `${at(error.params.additionalProperty)} is not a known field`;
    case 'type':
      return `${field || 'the config'} must be ${article(error.params.type)} (got ${got})`;
    case 'minItems':
      return `${field} must list at least one site`;
    case 'minLength':
      return field.endsWith('ecret')
        ? `${field} must be at least ${error.params.limit} characters long`
        : `${field} must not be empty`;
    case 'maxLength':
      return `${field} must be at most ${error.params.limit} characters long`;
    case 'pattern':
      return `${field} must be lowercase letters, digits, "-" or "_" (got ${got})`;
    default:
      return `${field} ${error.message}`;
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
