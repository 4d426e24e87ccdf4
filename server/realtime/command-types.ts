import type { EventFrame, StreamName, StreamSignal } from '../../protocol/index.js';
import type { Principal } from '../auth/index.js';
import type { Queryable, Storage } from '../storage/index.js';

/** A validated command as handlers see it. */
export interface Command {
  v: 1;
  type: string;
  id: string;
  [field: string]: unknown;
}

/**
 * A command with an effect runs in one transaction together with the storing of its
 * result (idempotency); its events are published only after the commit.
 */
export interface EffectCommand {
  kind: 'effect';
  schema: object;
  run(
    tx: Queryable,
    principal: Principal,
    command: Command,
  ): Promise<{ result: unknown; events: EventFrame[] }>;
  /** Who the session acts for from now on, given the command's result (`visitor.identify`). */
  sessionAfter?(principal: Principal, result: unknown): Principal;
}

/**
 * An effect command that many sockets send at once (`chat.send`): it gets the storage, not
 * a transaction, so it can store the ones that arrive together as one batch. Same promise
 * as an EffectCommand: at most once per command id, its events published after the commit.
 */
export interface BatchedEffectCommand {
  kind: 'batched';
  schema: object;
  run(
    storage: Storage,
    principal: Principal,
    command: Command,
  ): Promise<{ result: unknown; events: EventFrame[] }>;
}

/** A command that only reads: answered afresh on a retry, nothing to repeat. */
export interface ReadCommand {
  kind: 'read';
  schema: object;
  run(storage: Storage, principal: Principal, command: Command): Promise<unknown>;
}

/**
 * A command that only tells the subscribers of some streams something ephemeral (typing):
 * nothing is stored, so a retry simply tells them again.
 */
export interface SignalCommand {
  kind: 'signal';
  schema: object;
  run(
    storage: Storage,
    principal: Principal,
    command: Command,
  ): Promise<{ result: unknown; signals: { stream: StreamName; signal: StreamSignal }[] }>;
}

export type CommandHandler = EffectCommand | BatchedEffectCommand | ReadCommand | SignalCommand;

/** Rewrites each frame of a stream before it reaches one subscriber (e.g. hides agents-only events). */
export type FrameView = (frame: EventFrame) => EventFrame;

/**
 * Decides whether a principal may subscribe to a stream; throws a HubError if not.
 * May return a view that every frame of the subscription (replayed and live) goes through.
 */
export type StreamAuthorizer = (
  storage: Storage,
  principal: Principal,
  stream: string,
) => Promise<FrameView | void>;

/** Told when a signed-in socket starts and ends, e.g. to track whether an agent is connected. */
export interface SessionHooks {
  opened(principal: Principal): void;
  closed(principal: Principal): void;
}
