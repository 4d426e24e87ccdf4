import type { EndOfChatSettings, ErrorBody, WidgetSettings } from '../../../protocol/index.js';
import type { CxSettings } from '../config/settings.js';
import { HubHttpError } from './http.js';

/** A connection source that can also answer the widget settings (the fake hub). */
interface WidgetSettingsSource {
  widgetSettings(): WidgetSettings;
}

const loaded = new Map<string, Promise<WidgetSettings>>();

/**
 * The site's public widget settings (`GET /api/v1/sites/:siteKey/widget`), fetched once per
 * page and site however many widgets ask. A failed fetch is forgotten, so the next asks again.
 * With a fake hub (`settings.connection`) they come from it, with no request.
 */
export function widgetSettings(settings: CxSettings): Promise<WidgetSettings> {
  const fake = settings.connection as Partial<WidgetSettingsSource> | null;
  if (typeof fake?.widgetSettings === 'function') return Promise.resolve(fake.widgetSettings());
  const url = `${settings.hub}/api/v1/sites/${encodeURIComponent(settings.siteKey)}/widget`;
  let settingsLoad = loaded.get(url);
  if (!settingsLoad) {
    settingsLoad = fetchSettings(url);
    loaded.set(url, settingsLoad);
    settingsLoad.catch(() => loaded.delete(url));
  }
  return settingsLoad;
}

/** Whether the hub sends email (transcripts, answers visitors miss): its `endOfChat` part says. */
export function hubSendsEmail(widget: WidgetSettings | null): boolean {
  return (widget?.endOfChat as EndOfChatSettings | undefined)?.transcript === true;
}

async function fetchSettings(url: string): Promise<WidgetSettings> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw new HubHttpError('network', `Could not reach ${url}`, 0);
  }
  const data = (await response.json().catch(() => null)) as
    (WidgetSettings & Partial<ErrorBody>) | null;
  if (!response.ok || data === null) {
    throw new HubHttpError(
      data?.code ?? 'internal',
      data?.message ?? `HTTP ${response.status}`,
      response.status,
    );
  }
  return data;
}
