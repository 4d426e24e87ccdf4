import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/agent-inbox/index.js';
import { FakeHub } from '../components/core/testing/fake-hub.js';
import { configArgTypes, configArgs, pageStyle, type ConfigArgs } from './story-args.js';

interface InboxArgs extends ConfigArgs {
  /** Signed in (a connection) or not (shows the demo sign-in). */
  signedIn: boolean;
  waiting: number;
  /** The most chats an agent handles at once (the site's `maxChatsPerAgent`). */
  limit: number;
  /** The width the CRM gives the desk, in px (0: the page's). */
  width: number;
}

const questions = [
  'My order #1042 has not arrived yet.',
  'Can I change the delivery address?',
  'Do you ship to Busan?',
  'The checkout page shows an error.',
];

function desk(waiting: number, limit: number) {
  const hub = new FakeHub({
    latencyMs: 200,
    maxChatsPerAgent: limit,
    cannedResponses: [
      { shortcut: '/more', text: 'Anything else I can help with?', quickReplies: ['Yes', 'No'] },
    ],
  });
  questions.slice(0, waiting).forEach((text, i) => hub.visitorSays(text, `visitor-${i}`));
  // Two queues and a message a visitor left outside business hours.
  hub.queues.queues = [
    { id: 'general', name: 'General', open: true, nextOpenAt: null, closesAt: null },
    { id: 'returns', name: 'Returns', open: false, nextOpenAt: null, closesAt: null },
  ];
  void hub.connect('visitor', { id: 'visitor-offline' }).command('chat.leaveMessage', {
    queueId: 'returns',
    name: 'Mina Park',
    email: 'mina@example.com',
    text: 'Can I return boots after 40 days?',
  });
  const { id } = hub.visitorSays('Hello, I need help with a refund.', 'visitor-mine');
  hub.agentSays(id, 'Of course. Which order is it about?', { id: 'agent-1', name: 'Alex' });
  // The visitor has read the answer: the agent's message says "Read".
  hub.receipt(id, 'read', { role: 'visitor', id: 'visitor-mine' });
  // The visitor writes again while another conversation (none) is open: "1 new".
  setTimeout(() => hub.visitorSays('It is order #1042.', 'visitor-mine'), 1500);
  return hub.connect('agent', { id: 'agent-1', name: 'Alex' });
}

const meta: Meta<InboxArgs> = {
  title: 'Agent/cx-agent-inbox',
  component: 'cx-agent-inbox',
  argTypes: {
    ...configArgTypes,
    signedIn: { control: 'boolean' },
    waiting: { control: { type: 'range', min: 0, max: 4 } },
    limit: { control: { type: 'range', min: 1, max: 5 } },
    width: { control: { type: 'range', min: 0, max: 1400, step: 20 } },
  },
  args: { ...configArgs, signedIn: true, waiting: 2, limit: 3, width: 0 },
  render: ({ locale, theme, signedIn, waiting, limit, width }) => html`
    <div style="${pageStyle(theme)}${width ? `; width: ${width}px` : ''}">
      <cx-config
        locale=${locale}
        theme=${theme}
        site-key="demo"
        hub="http://127.0.0.1:9"
        .connection=${signedIn ? desk(waiting, limit) : null}
      ></cx-config>
      <cx-agent-inbox demo-sign-in>
        <aside slot="customer-card" style="padding: 8px; max-width: 200px">
          Customer card goes here.
        </aside>
      </cx-agent-inbox>
    </div>
  `,
};
export default meta;

export const Inbox: StoryObj<InboxArgs> = {};

/** One chat at a time: Accept says why it cannot be used. */
export const AtTheLimit: StoryObj<InboxArgs> = { args: { limit: 1 } };

/** In a CRM side panel: lists, conversation and card stacked. */
export const SidePanel: StoryObj<InboxArgs> = { args: { width: 420 } };
