import { readFileSync } from 'node:fs';
import { ConfigError, validateConfig } from './validate.js';
import type { HubConfig } from './types.js';

export { ConfigError, validateConfig } from './validate.js';
export { checkRedisUrl, loadEnv } from './env.js';
export type { HubConfig, HubEnv, SiteConfig } from './types.js';

/** Loads the config file from `path`, else env CXKIT_CONFIG, else ./cxkit.config.json. */
export function loadConfig(path = process.env.CXKIT_CONFIG || 'cxkit.config.json'): HubConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read ${path}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  return validateConfig(parsed);
}
