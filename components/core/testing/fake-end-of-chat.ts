import type {
  CommandResults,
  ConversationStart,
  ConversationSummary,
  PrechatAnswers,
  VerifiedCustomer,
} from '../../../protocol/index.js';
import type { HubError, Principal } from '../hub/hub-connection.js';

type Fields = Record<string, unknown>;

const hubError = (code: string, message: string): HubError => ({ code, message });

/**
 * The fake hub's pre-chat and end-of-chat commands: `visitor.identify` (tokens the test
 * registered with `customers`), the pre-chat answers of a new conversation, `chat.rate` and
 * `chat.transcript` (recorded in `transcripts` instead of mailed).
 */
export class FakeEndOfChat {
  /** Identity token → the customer it verifies. */
  readonly customers = new Map<string, VerifiedCustomer>();
  /** Transcripts asked for, in order. */
  readonly transcripts: Array<{ conversationId: string; email: string; locale?: string }> = [];
  /** Fails the next `chat.transcript` with this error, once. */
  failNextTranscript: HubError | null = null;

  constructor(private readonly conversations: Map<string, ConversationSummary>) {}

  /** A new conversation's `start`: keeps the pre-chat answers on it, as the hub does. */
  /** Each conversation's `start` as the visitor's first send gave it (the hub keeps its language and zone). */
  readonly starts = new Map<string, ConversationStart>();

  started(conversation: ConversationSummary, start: ConversationStart | undefined): void {
    if (start) this.starts.set(conversation.id, start);
    const answers: PrechatAnswers = {};
    for (const [name, value] of Object.entries(start?.prechat ?? {}))
      if (value.trim()) answers[name as keyof PrechatAnswers] = value.trim();
    if (Object.keys(answers).length) conversation.prechat = answers;
  }

  handle(principal: Principal, type: string, fields: Fields): unknown {
    if (principal.role !== 'visitor') throw hubError('auth.forbidden', 'Visitors only.');
    switch (type) {
      case 'visitor.identify': {
        const customer = this.customers.get(String(fields.identityToken));
        if (!customer) throw hubError('auth.invalid_token', 'Unknown identity token.');
        return customer;
      }
      case 'chat.rate':
        return this.rate(principal, fields);
      case 'chat.transcript': {
        this.own(principal, String(fields.conversationId));
        const failure = this.failNextTranscript;
        this.failNextTranscript = null;
        if (failure) throw failure;
        const email = String(fields.email);
        this.transcripts.push({
          conversationId: String(fields.conversationId),
          email,
          ...(fields.locale ? { locale: String(fields.locale) } : {}),
        });
        return { sentAt: new Date().toISOString() } satisfies CommandResults['chat.transcript'];
      }
      default:
        throw hubError('protocol.unknown_type', `The fake hub does not handle ${type}.`);
    }
  }

  private rate(principal: Principal, fields: Fields): CommandResults['chat.rate'] {
    const conversation = this.own(principal, String(fields.conversationId));
    if (conversation.status !== 'closed')
      throw hubError('rating.not_closed', 'A conversation is rated once it has ended.');
    const comment = String(fields.comment ?? '').trim();
    conversation.rating = {
      score: Number(fields.score),
      comment: comment || null,
      ratedAt: conversation.rating?.ratedAt ?? new Date().toISOString(),
    };
    return { rating: conversation.rating };
  }

  private own(principal: Principal, id: string): ConversationSummary {
    const conversation = this.conversations.get(id);
    if (!conversation) throw hubError('conversation.not_found', 'No such conversation.');
    if (conversation.visitorId !== principal.principalId)
      throw hubError('auth.forbidden', 'This conversation belongs to another visitor.');
    return conversation;
  }
}
