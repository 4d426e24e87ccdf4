/**
 * Fan-out of stream events between the code that stores them and the sockets that
 * deliver them: in-process (`MemoryBus`) or across hub nodes (`RedisBus`), so payloads
 * must be JSON-serializable.
 */
export interface EventBus {
  /** Delivers to this node's subscribers at once and, with several hub nodes, to the others. */
  publish(topic: string, payload: unknown): Promise<void>;
  /** Delivers to this node's subscribers only: for what every node works out for itself. */
  publishLocal(topic: string, payload: unknown): void;
  /**
   * Returns the function that unsubscribes. `onMissed` is called when messages on the topic
   * may not have reached this node (its subscription to the other nodes took effect late or
   * was re-established after a lost connection): the subscriber then reads what it needs
   * from the database again. In-process it is never called.
   */
  subscribe(topic: string, handler: (payload: unknown) => void, onMissed?: () => void): () => void;
  close(): Promise<void>;
}
