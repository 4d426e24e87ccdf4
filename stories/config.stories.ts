import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/agent-inbox/index.js';
import '../components/chat/index.js';
import { FakeHub } from '../components/core/testing/fake-hub.js';
import { configArgTypes, configArgs, pageStyle, type ConfigArgs } from './story-args.js';

/**
 * One `<cx-config>` serves every widget on the page, wherever it sits: here the inbox
 * comes before it and the chat after it, and both follow the locale and theme controls.
 */
const meta: Meta<ConfigArgs> = {
  title: 'Shared/cx-config',
  component: 'cx-config',
  argTypes: configArgTypes,
  args: configArgs,
  render: ({ locale, theme }) => {
    const hub = new FakeHub();
    hub.visitorSays('Is anyone there?', 'visitor-9');
    return html`
      <div style=${pageStyle(theme)}>
        <cx-agent-inbox></cx-agent-inbox>
        <cx-config locale=${locale} theme=${theme} .connection=${hub}></cx-config>
        <cx-chat open></cx-chat>
      </div>
    `;
  },
};
export default meta;

export const SharedSettings: StoryObj<ConfigArgs> = {};
