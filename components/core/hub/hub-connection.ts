import type {
  CommandResults,
  CommandType,
  ClientCommand,
  EventFrame,
  Role,
  SignalFrame,
  StreamName,
} from '../../../protocol/index.js';

/** What a widget shows about its link to the hub. */
export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting' | 'offline';

/** The fields of a command, without the envelope (`v`, `type`, `id`). */
export type CommandFields<T extends CommandType> = Omit<
  Extract<ClientCommand, { type: T }>,
  'v' | 'type' | 'id'
>;

/** Who the hub says we are, from the `hello` ack. */
export type Principal = CommandResults['hello'];

/** An error answer of the hub (`{ code, message }` of docs/protocol.md) or of the client itself. */
export interface HubError {
  code: string;
  message: string;
  /** `stream.gap` only: the stream's last seq now, to subscribe after. */
  lastSeq?: number;
}

export interface StreamListener {
  /** Each event of the stream exactly once, in seq order. */
  onEvent(frame: EventFrame): void;
  /** Ephemeral news while subscribed (typing, queue position); never replayed. */
  onSignal?(frame: SignalFrame): void;
  /** The hub refused the subscription (e.g. `stream.gap`, `auth.forbidden`). */
  onError?(error: HubError): void;
}

export interface Subscription {
  unsubscribe(): void;
}

/**
 * The browser side of docs/protocol.md. The real `HubClient` and the in-memory fake hub
 * both implement it, so widgets cannot tell them apart.
 */
export interface HubConnection {
  readonly status: ConnectionStatus;
  /** Set once `hello` succeeded. */
  readonly principal: Principal | null;
  /** Why the connection is offline for good (bad credentials, forbidden site), if it is. */
  readonly lastError: HubError | null;
  /**
   * Sends a command and resolves with its ack's result, or rejects with `{ code, message }`.
   * Commands issued while offline wait and are sent (with the same id) once online.
   */
  command<T extends CommandType>(
    type: T,
    fields: CommandFields<T>,
    id?: string,
  ): Promise<CommandResults[T]>;
  /** Events of `stream` with seq > `after`, then live ones, across reconnects. */
  subscribe(stream: StreamName, after: number, listener: StreamListener): Subscription;
  /** Calls `listener` whenever `status` or `principal` changes. */
  onStatusChange(listener: () => void): () => void;
  /** Closes the socket as if the network failed; the connection then recovers by itself. */
  dropConnection(): void;
  /** Stops for good. */
  close(): void;
}

export type { Role };

/** Gives each widget a connection for its role; the fake hub is one. */
export interface HubConnectionSource {
  connect(role: Role): HubConnection;
}
