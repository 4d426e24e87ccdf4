import type {
  CommandResults,
  CommandType,
  EventFrame,
  SignalFrame,
  StreamName,
  WidgetSettings,
} from '../../../protocol/index.js';
import { newCommandId } from '../hub/command-id.js';
import type {
  CommandFields,
  ConnectionStatus,
  HubConnection,
  HubError,
  Principal,
  StreamListener,
  Subscription,
} from '../hub/hub-connection.js';

type Fields = Record<string, unknown>;

/** What a connection needs of the fake hub behind it. */
export interface FakeHubCore {
  run(principal: Principal, type: CommandType, fields: Fields, id: string): Promise<unknown>;
  watch(
    principal: Principal,
    stream: StreamName,
    after: number,
    deliver: (frame: EventFrame) => void,
    onSignal?: (frame: SignalFrame) => void,
  ): () => void;
  widgetSettings(): WidgetSettings;
}

/** One principal's connection to a `FakeHub`. */
export class FakeConnection implements HubConnection {
  status: ConnectionStatus = 'online';
  lastError: HubError | null = null;
  private readonly statusListeners = new Set<() => void>();

  constructor(
    readonly hub: FakeHubCore,
    readonly principal: Principal,
  ) {}

  command<T extends CommandType>(
    type: T,
    fields: CommandFields<T>,
    id = newCommandId(),
  ): Promise<CommandResults[T]> {
    return this.hub.run(this.principal, type, fields as Fields, id) as Promise<CommandResults[T]>;
  }

  subscribe(stream: StreamName, after: number, listener: StreamListener): Subscription {
    let stop = () => {};
    let stopped = false;
    let lastSeq = after;
    queueMicrotask(() => {
      if (stopped) return;
      try {
        stop = this.hub.watch(
          this.principal,
          stream,
          after,
          (frame) => {
            if (frame.seq !== lastSeq + 1) return;
            lastSeq = frame.seq;
            listener.onEvent(frame);
          },
          listener.onSignal?.bind(listener),
        );
      } catch (error) {
        listener.onError?.(error as HubError);
      }
    });
    return {
      unsubscribe: () => {
        stopped = true;
        stop();
      },
    };
  }

  onStatusChange(listener: () => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Goes through `reconnecting` and back to `online`, so widgets can show both. */
  dropConnection(): void {
    this.setStatus('reconnecting');
    setTimeout(() => this.setStatus('online'), 300);
  }

  /** Shows a status for stories and tests (e.g. 'offline'). */
  setStatus(status: ConnectionStatus): void {
    this.status = status;
    for (const listener of this.statusListeners) listener();
  }

  close(): void {
    this.setStatus('offline');
  }

  /** The site's widget settings, as `components/core/hub/widget-settings.ts` asks a fake for them. */
  widgetSettings(): WidgetSettings {
    return this.hub.widgetSettings();
  }
}
