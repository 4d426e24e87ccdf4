import type {
  ChatMessage,
  ChatStatus,
  CommandResults,
  ConversationSummary,
  HoursWidgetPart,
  QueueHours,
} from '../../../protocol/index.js';
import { newCommandId } from '../hub/command-id.js';
import type { HubError, Principal } from '../hub/hub-connection.js';
import type { FakeEventLog } from './fake-event-log.js';

type Fields = Record<string, unknown>;

const hubError = (code: string, message: string): HubError => ({ code, message });

export interface FakeQueuesOptions {
  siteKey: string;
  log: FakeEventLog;
  conversations: Map<string, ConversationSummary>;
  /** The site's queues and whether each is open (default one "general" queue, open). */
  queues?: QueueHours[];
  /** Estimated wait per place in line; null = unknown (default 120). */
  etaSecondsPerPlace?: number | null;
}

/**
 * The fake hub's queues: `chat.status`, `chat.leaveMessage`, the `hours` widget part, and
 * `queue.position` signals to waiting conversations whenever the desk changes (as the hub's
 * listener does). Tests and stories change `queues` and `etaSecondsPerPlace` at will.
 */
export class FakeQueues {
  queues: QueueHours[];
  etaSecondsPerPlace: number | null;
  /** Addresses that stopped our answer emails, in lower case: a message left for one says so. */
  readonly stoppedEmails = new Set<string>();
  private told = new Map<string, string>();
  private rankPending = false;

  constructor(private readonly options: FakeQueuesOptions) {
    this.queues = options.queues ?? [
      { id: 'general', name: 'General', open: true, nextOpenAt: null, closesAt: null },
    ];
    this.etaSecondsPerPlace =
      options.etaSecondsPerPlace === undefined ? 120 : options.etaSecondsPerPlace;
    const desk = `desk:${options.siteKey}` as const;
    options.log.watch(desk, options.log.lastSeq(desk), () => this.rankSoon());
  }

  widgetPart(): HoursWidgetPart {
    return { queues: this.queues.map((queue) => ({ ...queue })) };
  }

  /** A requested queue id, or the first; `queue.not_found` for one the site lacks. */
  resolve(queueId: unknown): string {
    if (queueId === undefined) return this.queues[0]!.id;
    if (!this.queues.some((queue) => queue.id === queueId))
      throw hubError('queue.not_found', `This site has no queue "${String(queueId)}".`);
    return String(queueId);
  }

  status(principal: Principal, fields: Fields): ChatStatus {
    const conversationId = fields.conversationId as string | undefined;
    const conversation = conversationId ? this.options.conversations.get(conversationId) : null;
    if (conversationId && !conversation)
      throw hubError('conversation.not_found', 'No such conversation.');
    if (
      conversation &&
      principal.role === 'visitor' &&
      conversation.visitorId !== principal.principalId
    )
      throw hubError('auth.forbidden', 'This conversation belongs to another visitor.');
    const queueId = conversation
      ? (conversation.queueId ?? this.queues[0]!.id)
      : this.resolve(fields.queueId);
    const queue = { ...(this.queues.find((each) => each.id === queueId) ?? this.queues[0]!) };
    const place = conversation ? this.places().get(conversation.id) : undefined;
    return {
      queue,
      position: place?.position ?? null,
      etaSeconds: place?.etaSeconds ?? null,
    };
  }

  leaveMessage(
    principal: Principal,
    fields: Fields,
    id: string,
  ): CommandResults['chat.leaveMessage'] {
    if (principal.role !== 'visitor') throw hubError('auth.forbidden', 'Visitors only.');
    const queueId = this.resolve(fields.queueId);
    const name = String(fields.name ?? '').trim();
    const email = String(fields.email ?? '').trim();
    const text = String(fields.text ?? '').trim();
    if (!name) throw hubError('contact.invalid', 'name must be 1–200 characters');
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
      throw hubError('contact.invalid', `"${email}" is not an email address`);
    if (!text) throw hubError('protocol.invalid_message', 'text must be 1–4000 characters');
    const { conversations, log, siteKey } = this.options;
    if (
      [...conversations.values()].some(
        (c) => c.visitorId === principal.principalId && c.status !== 'closed',
      )
    )
      throw hubError('conversation.already_open', 'You already have an open conversation.');
    const conversation: ConversationSummary = {
      id: newCommandId(),
      status: 'waiting',
      visitorId: principal.principalId,
      agentId: null,
      agentName: null,
      createdAt: new Date().toISOString(),
      lastText: text,
      lastSeq: 1,
      offeredTo: null,
      queueId,
      offline: {
        name,
        email,
        ...(typeof fields.locale === 'string' ? { locale: fields.locale } : {}),
        ...(typeof fields.timeZone === 'string' ? { timeZone: fields.timeZone } : {}),
      },
    };
    if (this.stoppedEmails.has(email.toLowerCase())) conversation.emailStopped = true;
    conversations.set(conversation.id, conversation);
    const message: ChatMessage = {
      id: newCommandId(),
      conversationId: conversation.id,
      clientMessageId: id,
      author: { role: 'visitor', id: principal.principalId },
      text,
      createdAt: conversation.createdAt,
    };
    const seq = log.append(`conv:${conversation.id}`, { type: 'message.created', message });
    log.append(`desk:${siteKey}`, {
      type: 'conversation.queued',
      conversation: { ...conversation },
    });
    const stopped = conversation.emailStopped ? { emailStopped: true as const } : {};
    return { conversationId: conversation.id, message, seq, ...stopped };
  }

  /** Places in line of the waiting conversations (messages left outside hours are not in line). */
  private places(): Map<string, { position: number; etaSeconds: number | null }> {
    const counts = new Map<string, number>();
    const places = new Map<string, { position: number; etaSeconds: number | null }>();
    const waiting = [...this.options.conversations.values()]
      .filter((c) => c.status === 'waiting' && !c.offline)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    for (const conversation of waiting) {
      const queueId = conversation.queueId ?? this.queues[0]!.id;
      const position = (counts.get(queueId) ?? 0) + 1;
      counts.set(queueId, position);
      const per = this.etaSecondsPerPlace;
      places.set(conversation.id, { position, etaSeconds: per === null ? null : per * position });
    }
    return places;
  }

  /** After the command that changed the desk has finished: tell each waiting visitor what changed. */
  private rankSoon(): void {
    if (this.rankPending) return;
    this.rankPending = true;
    queueMicrotask(() => {
      this.rankPending = false;
      const told = new Map<string, string>();
      for (const [conversationId, { position, etaSeconds }] of this.places()) {
        const key = `${position}|${etaSeconds}`;
        told.set(conversationId, key);
        if (this.told.get(conversationId) === key) continue;
        this.options.log.signal(`conv:${conversationId}`, {
          type: 'queue.position',
          conversationId,
          position,
          etaSeconds,
        });
      }
      this.told = told;
    });
  }
}
