import type { PrechatAnswers, PrechatFieldName } from '../../../protocol/index.js';
import { isEmailAddress } from '../../email/address.js';
import { HubError } from '../../errors.js';
import { prechatLimits, type PrechatConfig } from './config.js';

const invalid = (message: string) => new HubError('prechat.invalid', message);

/**
 * The visitor's pre-chat answers checked against the site's form: only its fields, each
 * within its limit, an email that is one, a topic that is one of the options, and (unless
 * the customer is verified and skipped the form) every required field answered.
 * Throws `prechat.invalid` naming the field.
 */
export function checkedPrechat(
  config: PrechatConfig | undefined,
  raw: Record<string, string> | undefined,
  { verified }: { verified: boolean },
): PrechatAnswers {
  const fields = config?.fields ?? {};
  const answers: PrechatAnswers = {};
  for (const [name, value] of Object.entries(raw ?? {})) {
    if (!(name in fields)) throw invalid(`prechat: "${name}" is not a field of this site's form`);
    const answer = value.trim();
    if (answer) answers[name as PrechatFieldName] = answer;
  }
  if (answers.name && [...answers.name].length > prechatLimits.name)
    throw invalid(`prechat.name must be at most ${prechatLimits.name} characters`);
  if (answers.email && !isEmailAddress(answers.email))
    throw invalid('prechat.email is not an email address');
  const topics = fields.topic?.options.map((option) => option.label) ?? [];
  if (answers.topic && !topics.includes(answers.topic))
    throw invalid(`prechat.topic must be one of: ${topics.join(', ')}`);
  if (!verified) {
    for (const [name, field] of Object.entries(fields)) {
      if (field?.required && !answers[name as PrechatFieldName])
        throw invalid(`prechat.${name} is required`);
    }
  }
  return answers;
}
