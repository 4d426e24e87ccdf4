import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ConfigController } from '../config/config-controller.js';
import type { CxSettings } from '../config/settings.js';
import {
  demoAgentCredentials,
  fixedCredentials,
  hasDemoAgentToken,
  visitorCredentials,
  type Credentials,
} from './credentials.js';
import type { ConnectionStatus, HubConnection, HubConnectionSource } from './hub-connection.js';
import { acquireConnection, type Lease } from './registry.js';

type Host = ReactiveControllerHost & HTMLElement;
/** Fired on `document` when someone on the page signs in as the demo agent. */
const demoSignInEvent = 'cx-demo-agent-sign-in';

type Role = HubControllerOptions['role'];

// One connection per (source, role, visitor session), so every widget of a role shares it,
// as with the registry.
const fromSources = new WeakMap<HubConnectionSource, Map<string, HubConnection>>();

function connectionFor(
  given: HubConnection | HubConnectionSource,
  role: Role,
  visitorSession: number,
): HubConnection {
  if (!('connect' in given)) return given;
  const byRole = fromSources.get(given) ?? new Map<string, HubConnection>();
  fromSources.set(given, byRole);
  const key = role === 'visitor' ? `visitor|${visitorSession}` : role;
  if (!byRole.has(key)) byRole.set(key, given.connect(role));
  return byRole.get(key)!;
}

export interface HubControllerOptions {
  /** Which credentials the widget connects with. */
  role: 'visitor' | 'agent';
  /** Called with the new connection (or null) whenever the widget's connection changes. */
  onConnection?(connection: HubConnection | null): void;
}

/**
 * Gives a widget the page's shared hub connection for its role, follows `<cx-config>`
 * changes, and re-renders the widget when the connection status changes.
 */
export class HubController implements ReactiveController {
  /** The current connection; null while there are no settings or no agent credentials. */
  connection: HubConnection | null = null;
  private lease: Lease | null = null;
  private leaseKey = '';
  private stopListening?: () => void;
  private stopStatus?: () => void;
  private demoSignInRequested = false;

  constructor(
    private readonly host: Host,
    private readonly config: ConfigController,
    private readonly options: HubControllerOptions,
  ) {
    host.addController(this);
  }

  get status(): ConnectionStatus {
    return this.connection?.status ?? 'offline';
  }

  /** An agent widget without an agent token needs someone to sign in. */
  get needsAgentCredentials(): boolean {
    const settings = this.config.settings;
    return (
      this.options.role === 'agent' &&
      !!settings &&
      !settings.connection &&
      this.credentials() === null
    );
  }

  /** The token the connection signs in with, for HTTP requests beside it (uploads); null without. */
  async token(): Promise<string | null> {
    if (this.config.settings?.connection) return null; // a fake hub needs none
    return (await this.credentials()?.token()) ?? null;
  }

  /**
   * Signs in as a demo agent (demo sites only) and connects. Every agent widget on the page
   * follows, also those of other cxkit bundles: they hear it as a document event.
   */
  signInDemo(): void {
    document.dispatchEvent(new Event(demoSignInEvent));
  }

  hostConnected(): void {
    this.stopListening = this.config.listen((settings) => this.update(settings));
    if (this.options.role === 'agent')
      document.addEventListener(demoSignInEvent, this.onDemoSignIn);
  }

  hostDisconnected(): void {
    this.stopListening?.();
    document.removeEventListener(demoSignInEvent, this.onDemoSignIn);
    this.use(null, '', null);
  }

  private readonly onDemoSignIn = () => {
    this.demoSignInRequested = true;
    this.update(this.config.settings);
  };

  private update(settings: CxSettings | undefined): void {
    if (!this.host.isConnected) return;
    if (!settings) return this.use(null, '', null);
    if (settings.connection) {
      const session = settings.visitorSession ?? 0;
      return this.use(connectionFor(settings.connection, this.options.role, session), '', null);
    }
    const credentials = this.credentials();
    if (!credentials) return this.use(null, '', null);
    const key = `${settings.hub}|${settings.siteKey}|${credentials.key}`;
    if (key === this.leaseKey) return;
    const lease = acquireConnection(settings.hub, settings.siteKey, credentials, this.options.role);
    this.use(lease.connection, key, lease);
  }

  private credentials(): Credentials | null {
    const settings = this.config.settings;
    if (!settings) return null;
    const { hub, siteKey, agentToken } = settings;
    // A forgotten visitor's socket still speaks as them: a new session is a new principal.
    if (this.options.role === 'visitor')
      return visitorCredentials(
        hub,
        siteKey,
        localStorage,
        settings.visitorSession ?? 0,
        settings.identityToken,
      );
    if (agentToken) return fixedCredentials(agentToken);
    if (this.demoSignInRequested || hasDemoAgentToken(hub, siteKey))
      return demoAgentCredentials(hub, siteKey);
    return null;
  }

  private use(connection: HubConnection | null, key: string, lease: Lease | null): void {
    if (connection === this.connection) {
      lease?.release();
      return;
    }
    this.stopStatus?.();
    this.lease?.release();
    this.connection = connection;
    this.lease = lease;
    this.leaseKey = key;
    this.stopStatus = connection?.onStatusChange(() => this.host.requestUpdate());
    this.options.onConnection?.(connection);
    this.host.requestUpdate();
  }
}
