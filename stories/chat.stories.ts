import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/chat/index.js';
import { conversationMarkerKey } from '../components/chat/conversation-marker.js';
import type { CxSettings } from '../components/core/config/settings.js';
import { FakeHub } from '../components/core/testing/fake-hub.js';
import { configArgTypes, configArgs, pageStyle, type ConfigArgs } from './story-args.js';
import { samplePdf, samplePhoto, withHubFiles } from './story-files.js';

interface ChatArgs extends ConfigArgs {
  open: boolean;
  /** Fill the conversation with an agent's answer. */
  withHistory: boolean;
  status: 'online' | 'reconnecting' | 'offline';
  /** The history has a photo and a PDF the visitor sent. */
  withFiles: boolean;
  /** Uploads stop half-way, to show the picker's progress. */
  slowUploads: boolean;
  /** Business hours: open, waiting third in line, or closed (the leave-a-message form). */
  queue: 'open' | 'in line' | 'closed';
  /** The agent read the visitor's message, answers with a link and quick replies, and types. */
  liveStates: boolean;
  /** The site's pre-chat form before the first message, or the end view after the agent closed. */
  stage: 'chatting' | 'pre-chat form' | 'ended';
}

/** A fake hub where an agent answers every visitor message, so the chat can be tried with no server. */
function answeringHub(
  withHistory: boolean,
  status: ChatArgs['status'],
  withFiles = false,
  slowUploads = false,
  queue: ChatArgs['queue'] = 'open',
  liveStates = false,
  stage: ChatArgs['stage'] = 'chatting',
) {
  const hub = new FakeHub({ latencyMs: 300 });
  const connection = withHubFiles(hub.connect('visitor'), hub);
  withQueue(hub, connection, queue);
  if (slowUploads) hub.attachments.pause();
  if (withFiles) {
    const ids = [samplePhoto(), samplePdf()].map((file) => hub.attachments.add(file, 'visitor-1'));
    void connection.command('chat.send', { text: 'This is how it arrived.', attachmentIds: ids });
  }
  if (withHistory) {
    const { id } = hub.visitorSays('Hi, does this jacket come in blue?');
    hub.agentSays(id, 'Hello! Yes, in sizes S to XL. Shall I check your size?', {
      id: 'agent-2',
      name: 'Mina',
    });
  }
  if (liveStates) showLiveStates(hub);
  withStage(hub, stage);
  const send = connection.command.bind(connection);
  connection.command = (async (type, fields, id) => {
    const result = await send(type, fields, id);
    if (type === 'chat.send') {
      const { conversationId } = result as { conversationId: string };
      setTimeout(
        () =>
          hub.agentSays(conversationId, 'Thanks! Let me look into that.', {
            id: 'agent-2',
            name: 'Mina',
          }),
        800,
      );
    }
    return result;
  }) as typeof connection.command;
  if (status !== 'online') connection.setStatus(status);
  return connection;
}

/** The pre-chat form (and transcripts) on; for `ended`, the agent closes the conversation. */
function withStage(hub: FakeHub, stage: ChatArgs['stage']) {
  hub.widget.endOfChat = { transcript: true };
  if (stage === 'pre-chat form')
    hub.widget.prechat = {
      greeting: 'Hi! Tell us a little about you, or just write your question.',
      fields: [
        { name: 'name', required: true },
        { name: 'email', required: false },
        { name: 'topic', required: false, options: [{ label: 'An order' }, { label: 'Returns' }] },
      ],
    };
  if (stage !== 'ended') return;
  const { id } = hub.visitorSays('Do these boots run small?');
  hub.agentSays(id, 'They run true to size.', { id: 'agent-2', name: 'Mina' });
  // Once the panel follows the conversation, as when the agent closes it during the chat.
  setTimeout(() => hub.closeConversation(id), 1000);
}

/** Receipts, a link, quick replies and typing, as the agent would produce them. */
function showLiveStates(hub: FakeHub) {
  const mina = { id: 'agent-2', name: 'Mina' };
  const { id } = hub.visitorSays('Where is my parcel?');
  hub.agentSays(
    id,
    'It left our warehouse today: https://shop.example/track/1234. Shall I text you updates?',
    mina,
    ['Yes, please', 'No, thanks'],
  );
  hub.receipt(id, 'read', { role: 'agent', ...mina });
  hub.agentTypes(id, true, mina);
}

/** The queue state to show; the panel reads the hours from the fake hub's widget settings. */
function withQueue(hub: FakeHub, connection: object, queue: ChatArgs['queue']) {
  Object.assign(connection, { widgetSettings: () => hub.widgetSettings() });
  if (queue === 'closed') {
    const nextOpenAt = new Date(Date.now() + 2 * 86_400_000).toISOString();
    hub.queues.queues = [
      { id: 'general', name: 'General', open: false, nextOpenAt, closesAt: null },
    ];
  } else if (queue === 'in line') {
    hub.visitorSays('Is the blue one in stock?', 'visitor-a');
    hub.visitorSays('Where is my parcel?', 'visitor-b');
    void (connection as ReturnType<FakeHub['connect']>).command('chat.send', {
      text: 'Can I still change my order?',
    });
  }
}

const meta: Meta<ChatArgs> = {
  title: 'Storefront/cx-chat',
  component: 'cx-chat',
  argTypes: {
    ...configArgTypes,
    open: { control: 'boolean' },
    withHistory: { control: 'boolean' },
    status: { control: 'inline-radio', options: ['online', 'reconnecting', 'offline'] },
    withFiles: { control: 'boolean' },
    slowUploads: { control: 'boolean' },
    queue: { control: 'inline-radio', options: ['open', 'in line', 'closed'] },
    liveStates: { control: 'boolean' },
    stage: { control: 'inline-radio', options: ['chatting', 'pre-chat form', 'ended'] },
  },
  args: {
    ...configArgs,
    open: true,
    withHistory: true,
    status: 'online',
    withFiles: false,
    slowUploads: false,
    queue: 'open',
    liveStates: false,
    stage: 'chatting',
  },
  render: ({
    locale,
    theme,
    open,
    withHistory,
    status,
    withFiles,
    slowUploads,
    queue,
    liveStates,
    stage,
  }) => html`
    <div style=${pageStyle(theme)}>
      <cx-config
        locale=${locale}
        theme=${theme}
        .connection=${answeringHub(
          withHistory,
          status,
          withFiles,
          slowUploads,
          queue,
          liveStates,
          stage,
        )}
      ></cx-config>
      <p>A storefront page. The chat launcher sits in the bottom-right corner.</p>
      <cx-chat ?open=${open}></cx-chat>
    </div>
  `,
};
export default meta;

export const Chat: StoryObj<ChatArgs> = {};

/** A photo and a PDF in the conversation; uploads stop half-way to show their progress. */
export const Attachments: StoryObj<ChatArgs> = { args: { withFiles: true, slowUploads: true } };

/** Third in line with an estimated wait. */
export const InLine: StoryObj<ChatArgs> = { args: { withHistory: false, queue: 'in line' } };

/** Outside business hours: when it opens, and the leave-a-message form. */
export const Closed: StoryObj<ChatArgs> = { args: { withHistory: false, queue: 'closed' } };

/** Read receipt, a link, quick-reply buttons and the agent typing. */
export const ConversationStates: StoryObj<ChatArgs> = {
  args: { withHistory: false, liveStates: true },
};

/** The site's pre-chat form above the message box (name required). */
export const PrechatForm: StoryObj<ChatArgs> = {
  args: { withHistory: false, stage: 'pre-chat form' },
};

/** After the agent closed: the rating, "Email me the transcript" and "Start a new chat". */
export const Ended: StoryObj<ChatArgs> = { args: { withHistory: false, stage: 'ended' } };

/** A page's chat with a fake hub of its own (the launcher states below), as the page would load it. */
function launcherPage(args: ChatArgs, hub: FakeHub, extra: unknown = '', dir = '') {
  return html`
    <div style=${pageStyle(args.theme)} dir=${dir}>
      <cx-config locale=${args.locale} theme=${args.theme} .connection=${hub}></cx-config>
      <p>A storefront page. The chat launcher sits in the bottom corner.</p>
      ${extra}
      <cx-chat ?open=${args.open}></cx-chat>
    </div>
  `;
}

/** The key the panel notes an open conversation under, for a page without a site key. */
const markerKey = () => conversationMarkerKey({ hub: location.origin, siteKey: '' } as CxSettings);

/**
 * Closed with an open conversation: the launcher connects in the background, and two agent
 * messages arrive: a badge with the count, and the page title says so.
 */
export const UnreadBadge: StoryObj<ChatArgs> = {
  args: { open: false },
  render: (args) => {
    const hub = new FakeHub();
    const { id } = hub.visitorSays('Is the blue one back in stock?', 'visitor-1');
    localStorage.setItem(markerKey(), id);
    const mina = { id: 'agent-2', name: 'Mina' };
    setTimeout(() => hub.agentSays(id, 'Yes, since this morning.', mina), 1500);
    setTimeout(() => hub.agentSays(id, 'Shall I reserve one for you?', mina), 2500);
    return launcherPage(args, hub);
  },
};

/** A site rule invites after a second on the page (Escape or × dismisses it, for the session). */
export const Invitation: StoryObj<ChatArgs> = {
  args: { open: false },
  render: (args) => {
    localStorage.removeItem(markerKey());
    localStorage.removeItem('cxkit.invitation.shownAt');
    sessionStorage.removeItem('cxkit.invitation.dismissed');
    const message = { en: 'Need a hand choosing a size?', ko: '사이즈 고르기 도와드릴까요?' };
    const rules = [{ pages: ['/*'], afterSeconds: 1, message }];
    const hub = new FakeHub({ widget: { invitations: { minutesBetween: 0, rules } } });
    return launcherPage(args, hub);
  },
};

/** The page also has the call and callback widgets: the panel offers to hand off to them. */
export const HandOff: StoryObj<ChatArgs> = {
  render: (args) =>
    launcherPage(
      args,
      new FakeHub(),
      html`<cx-click-to-call></cx-click-to-call><cx-callback-scheduler></cx-callback-scheduler>`,
    ),
};

/** A right-to-left page: the launcher and panel sit bottom-left and mirror. */
export const RightToLeft: StoryObj<ChatArgs> = {
  render: (args) => {
    const hub = new FakeHub();
    const { id } = hub.visitorSays('Hello!', 'visitor-1');
    hub.agentSays(id, 'Hi! How can I help?', { id: 'agent-2', name: 'Mina' });
    return launcherPage(args, hub, '', 'rtl');
  },
};
