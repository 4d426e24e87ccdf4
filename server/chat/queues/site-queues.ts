import type { QueueHours, QueueRef } from '../../../protocol/index.js';
import type { SiteConfig } from '../../config/index.js';
import type { QueueConfig } from '../../config/types.js';
import { HubError } from '../../errors.js';
import { queuesOf } from './config.js';
import { compileHours, openState, type CompiledHours } from './hours.js';

/** One site's queues with their hours parsed once. */
export class SiteQueues {
  readonly #queues: { config: QueueConfig; hours: CompiledHours | undefined }[];

  constructor(site: Pick<SiteConfig, 'queues'> | undefined) {
    this.#queues = queuesOf(site).map((config) => ({
      config,
      hours: config.hours && compileHours(config.hours),
    }));
  }

  get refs(): QueueRef[] {
    return this.#queues.map(({ config }) => ({ id: config.id, name: config.name }));
  }

  get defaultId(): string {
    return this.#queues[0]!.config.id;
  }

  has(id: string): boolean {
    return this.#queues.some(({ config }) => config.id === id);
  }

  /** A requested queue id checked against the site (`queue.not_found`), or the default. */
  resolve(id: string | undefined): string {
    if (id === undefined) return this.defaultId;
    if (!this.has(id)) throw new HubError('queue.not_found', `this site has no queue "${id}"`);
    return id;
  }

  /** A stored queue id as it counts now: a queue since removed from the config counts as the default. */
  current(id: string | null | undefined): string {
    return id && this.has(id) ? id : this.defaultId;
  }

  hours(id: string, now: Date): QueueHours {
    const queue = this.#queues.find(({ config }) => config.id === this.current(id))!;
    const { id: queueId, name } = queue.config;
    return { id: queueId, name, ...openState(queue.hours, now) };
  }

  allHours(now: Date): QueueHours[] {
    return this.#queues.map(({ config }) => this.hours(config.id, now));
  }
}

const cache = new WeakMap<object, SiteQueues>();
const withoutConfig = new SiteQueues(undefined);

/** The queues of a site (parsed once per config object); a site without config has the default. */
export function siteQueues(site: SiteConfig | undefined): SiteQueues {
  if (!site) return withoutConfig;
  let queues = cache.get(site);
  if (!queues) cache.set(site, (queues = new SiteQueues(site)));
  return queues;
}
