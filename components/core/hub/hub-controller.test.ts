import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { CxConfig } from '../config/cx-config.js';
import { ConfigController } from '../config/config-controller.js';
import { defineElement } from '../define-element.js';
import { HubController } from './hub-controller.js';

// Set by web-test-runner.config.js, which starts a real hub for this run.
const hubUrl = (globalThis as { __CX_TEST_HUB__?: string }).__CX_TEST_HUB__ ?? '';

/** A minimal agent widget, as cx-agent-inbox and cx-customer-card are. */
class TestAgentWidget extends LitElement {
  readonly config = new ConfigController(this);
  readonly hub = new HubController(this, this.config, { role: 'agent' });
}
defineElement('cx-config', CxConfig);
defineElement('test-agent-widget', TestAgentWidget);

describe('HubController', () => {
  afterEach(() => sessionStorage.clear());

  it('connects every agent widget on the page when one signs in as the demo agent', async () => {
    const root = await fixture(
      html`<div>
        <cx-config hub=${hubUrl} site-key="demo"></cx-config>
        <test-agent-widget id="inbox"></test-agent-widget>
        <test-agent-widget id="card"></test-agent-widget>
      </div>`,
    );
    const [inbox, card] = root.querySelectorAll<TestAgentWidget>('test-agent-widget');
    expect(inbox!.hub.needsAgentCredentials).to.equal(true);
    expect(card!.hub.connection).to.equal(null);

    inbox!.hub.signInDemo();

    await waitUntil(() => card!.hub.connection !== null, 'the card has a connection');
    // The connection opens on first use: the card can now read the desk as the demo agent.
    const snapshot = await card!.hub.connection!.command('desk.snapshot', {});
    expect(snapshot.conversations).to.be.an('array');
    expect(inbox!.hub.connection).to.equal(card!.hub.connection, 'one shared connection');
  });
});
