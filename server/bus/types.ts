/**
 * Fan-out of stream events between the code that stores them and the sockets that
 * deliver them. In-process today; a Redis implementation (several hub nodes) fits the
 * same interface, so payloads must be JSON-serializable.
 */
export interface EventBus {
  publish(topic: string, payload: unknown): Promise<void>;
  /** Returns the function that unsubscribes. */
  subscribe(topic: string, handler: (payload: unknown) => void): () => void;
  close(): Promise<void>;
}
