import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/chat/index.js';
import { FakeHub } from '../components/core/testing/fake-hub.js';
import { configArgTypes, configArgs, pageStyle, type ConfigArgs } from './story-args.js';

interface ChatArgs extends ConfigArgs {
  open: boolean;
  /** Fill the conversation with an agent's answer. */
  withHistory: boolean;
  status: 'online' | 'reconnecting' | 'offline';
}

/** A fake hub where an agent answers every visitor message, so the chat can be tried with no server. */
function answeringHub(withHistory: boolean, status: ChatArgs['status']) {
  const hub = new FakeHub({ latencyMs: 300 });
  const connection = hub.connect('visitor');
  if (withHistory) {
    const { id } = hub.visitorSays('Hi, does this jacket come in blue?');
    hub.agentSays(id, 'Hello! Yes, in sizes S to XL. Shall I check your size?', {
      id: 'agent-2',
      name: 'Mina',
    });
  }
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

const meta: Meta<ChatArgs> = {
  title: 'Storefront/cx-chat',
  component: 'cx-chat',
  argTypes: {
    ...configArgTypes,
    open: { control: 'boolean' },
    withHistory: { control: 'boolean' },
    status: { control: 'inline-radio', options: ['online', 'reconnecting', 'offline'] },
  },
  args: { ...configArgs, open: true, withHistory: true, status: 'online' },
  render: ({ locale, theme, open, withHistory, status }) => html`
    <div style=${pageStyle(theme)}>
      <cx-config
        locale=${locale}
        theme=${theme}
        .connection=${answeringHub(withHistory, status)}
      ></cx-config>
      <p>A storefront page. The chat launcher sits in the bottom-right corner.</p>
      <cx-chat ?open=${open}></cx-chat>
    </div>
  `,
};
export default meta;

export const Chat: StoryObj<ChatArgs> = {};
