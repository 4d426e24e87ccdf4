import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { CrmData } from '../protocol/index.js';
import '../components/customer-card/index.js';
import { FakeHub } from '../components/core/testing/fake-hub.js';
import { sampleContext } from '../components/core/testing/sample-context.js';
import { configArgTypes, configArgs, pageStyle, type ConfigArgs } from './story-args.js';

type CrmState = 'ok' | 'stale' | 'unavailable' | 'not_found' | 'none';

interface CardArgs extends ConfigArgs {
  /** What the site's CRM answered. */
  crm: CrmState;
  /** Add an old visit with 10,000 page views, to try the windowed timeline. */
  manyEvents: boolean;
  /** Open the card for a conversation the agent accepted, so "Send link" shows. */
  inConversation: boolean;
}

function crmFor(state: CrmState, ok: CrmData): CrmData {
  switch (state) {
    case 'ok':
      return ok;
    case 'stale':
      return ok.status === 'ok' ? { ...ok, stale: true } : ok;
    case 'unavailable':
      return { status: 'unavailable', reason: 'The CRM did not answer within 2 s' };
    default:
      return { status: state };
  }
}

function setUp({ crm, manyEvents, inConversation }: CardArgs) {
  const hub = new FakeHub({ latencyMs: 300 });
  const context = sampleContext('visitor-1', { events: manyEvents ? 10_000 : 0 });
  context.crm = crmFor(crm, context.crm);
  hub.setContext(context);
  const agent = hub.connect('agent', { id: 'agent-1', name: 'Alex' });
  let conversationId = '';
  if (inConversation) {
    conversationId = hub.visitorSays('Hi, the checkout shows an error.', 'visitor-1').id;
    hub.agentSays(conversationId, 'Let me have a look.', { id: 'agent-1', name: 'Alex' });
  }
  return { hub, agent, conversationId };
}

/** Plays the visitor hitting another error, to see a live struggle arrive. */
function pushStruggle(hub: FakeHub) {
  hub.appendJourney('visitor-1', [
    {
      type: 'form_error',
      at: new Date().toISOString(),
      url: 'https://shop.example/checkout',
      form: 'address',
      field: 'postcode',
      message: 'Enter a valid postcode',
      struggle: 'form_retries',
    },
  ]);
}

const meta: Meta<CardArgs> = {
  title: 'Agent/cx-customer-card',
  component: 'cx-customer-card',
  argTypes: {
    ...configArgTypes,
    crm: { control: 'select', options: ['ok', 'stale', 'unavailable', 'not_found', 'none'] },
    manyEvents: { control: 'boolean' },
    inConversation: { control: 'boolean' },
  },
  args: { ...configArgs, crm: 'ok', manyEvents: false, inConversation: true },
  render: (args) => {
    const { hub, agent, conversationId } = setUp(args);
    return html`
      <div style=${pageStyle(args.theme)}>
        <cx-config
          locale=${args.locale}
          theme=${args.theme}
          site-key="demo"
          hub="http://127.0.0.1:9"
          .connection=${agent}
        ></cx-config>
        <p>
          <button @click=${() => pushStruggle(hub)}>Play: the visitor hits a form error</button>
        </p>
        <cx-customer-card
          conversation-id=${conversationId}
          visitor-id="visitor-1"
          @cx-callback-request=${(event: Event) => event.preventDefault()}
        ></cx-customer-card>
      </div>
    `;
  },
};
export default meta;

export const CustomerCard: StoryObj<CardArgs> = {};
