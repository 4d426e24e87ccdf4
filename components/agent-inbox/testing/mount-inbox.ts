import { fixture, html } from '@open-wc/testing';
import type { FakeHub } from '../../core/testing/fake-hub.js';
import '../../customer-card/index.js';
import '../index.js';

/**
 * A `<cx-config>` on the fake hub beside a `<cx-agent-inbox>` with a `<cx-customer-card>` in
 * its slot, as on a CRM page, in a column `width` px wide (the page's by default).
 */
export async function mountInboxWithCard(hub: FakeHub, width?: number) {
  const root = await fixture(
    html`<div style=${width ? `width: ${width}px` : ''}>
      <cx-config .connection=${hub}></cx-config>
      <cx-agent-inbox>
        <cx-customer-card slot="customer-card"></cx-customer-card>
      </cx-agent-inbox>
    </div>`,
  );
  await root.querySelector('cx-config')!.updateComplete;
  return {
    inbox: root.querySelector('cx-agent-inbox')!,
    card: root.querySelector('cx-customer-card')!,
  };
}
