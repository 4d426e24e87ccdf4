import { launcherEn } from './launcher-strings.js';

/**
 * English: the reference catalog. Every user-facing string of every widget, including
 * accessible names and status texts, has a key here; other catalogs may leave keys out
 * and fall back to these. `{name}` marks a value filled in at render time.
 */
export const en = {
  ...launcherEn,
  'status.connecting': 'Connecting…',
  'status.online': 'Online',
  'status.reconnecting': 'Reconnecting…',
  'status.offline': 'Offline',
  'error.generic': 'Something went wrong: {message}',

  'chat.close': 'Close chat',
  'chat.title': 'Chat with us',
  'chat.messages': 'Messages',
  'chat.empty': 'Ask us anything. We usually answer within a few minutes.',
  'chat.you': 'You',
  'chat.agent': 'Agent',
  'chat.visitor': 'Visitor',
  'chat.sending': 'Sending…',
  'chat.notSent': 'Not sent: {message}',
  'chat.agentJoined': '{name} joined the chat',
  'chat.closed': 'This conversation has ended.',
  'chat.historyGap': 'Some earlier messages could not be loaded.',
  'composer.message': 'Message',
  'composer.placeholder': 'Type a message…',
  'composer.send': 'Send',

  'inbox.title': 'Conversations',
  'inbox.signInDemo': 'Sign in as demo agent',
  'inbox.tokenRequired': 'An agent token is required to answer conversations.',
  'inbox.signedInAs': 'Signed in as {name}',
  'inbox.waiting': 'Waiting',
  'inbox.mine': 'My conversations',
  'inbox.noneWaiting': 'No one is waiting.',
  'inbox.noneMine': 'You have no active conversations.',
  'inbox.accept': 'Accept',
  'inbox.waitingFor': 'waiting {duration}',
  'inbox.noPreview': 'No messages yet',
  'inbox.open': 'Open',
  'inbox.selectPrompt': 'Select a conversation to see its messages.',
  'inbox.conversationWith': 'Conversation with {name}',
  'inbox.alreadyAccepted': 'Another agent accepted this conversation first.',
};

export type MessageKey = keyof typeof en;
export type Catalog = Partial<Record<MessageKey, string>>;
