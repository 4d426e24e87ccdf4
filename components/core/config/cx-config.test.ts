import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { LitElement } from 'lit';
import { defineElement } from '../define-element.js';
import { ConfigController } from './config-controller.js';
import { CxConfig } from './cx-config.js';

/** A stand-in widget that only records the settings it receives. */
class SettingsProbe extends LitElement {
  readonly config = new ConfigController(this);
}
defineElement('settings-probe', SettingsProbe);

const probes = (root: Element) => [...root.querySelectorAll('settings-probe')] as SettingsProbe[];

describe('cx-config', () => {
  // First, while <cx-config> is not yet defined: the provider comes late.
  it('reaches widgets upgraded before cx-config is defined', async () => {
    const root = await fixture(
      html`<div>
        <settings-probe></settings-probe>
        <cx-config site-key="late" hub="http://hub.test"></cx-config>
      </div>`,
    );
    const [probe] = probes(root);
    expect(customElements.get('cx-config')).to.equal(undefined);
    expect(probe.config.settings).to.equal(undefined);

    defineElement('cx-config', CxConfig);
    await root.querySelector('cx-config')!.updateComplete;
    expect(probe.config.settings?.siteKey).to.equal('late');
    expect(probe.config.settings?.hub).to.equal('http://hub.test');
  });

  it('reaches widgets before, inside and after it, and outside its subtree', async () => {
    const root = await fixture(
      html`<div>
        <section><settings-probe id="before"></settings-probe></section>
        <cx-config site-key="shop" locale="ko" theme="dark" agent-token="tok">
          <settings-probe id="inside"></settings-probe>
        </cx-config>
        <settings-probe id="after"></settings-probe>
      </div>`,
    );
    await root.querySelector('cx-config')!.updateComplete;
    for (const probe of probes(root)) {
      expect(probe.config.settings, probe.id).to.include({
        siteKey: 'shop',
        locale: 'ko',
        theme: 'dark',
        agentToken: 'tok',
      });
      expect(probe.dataset.cxTheme, probe.id).to.equal('dark');
    }
  });

  it('reaches a widget added to the page later', async () => {
    const root = await fixture(html`<div><cx-config site-key="later"></cx-config></div>`);
    await root.querySelector('cx-config')!.updateComplete;
    const probe = document.createElement('settings-probe') as SettingsProbe;
    document.body.append(probe);
    expect(probe.config.settings?.siteKey).to.equal('later');
    probe.remove();
  });

  it('propagates attribute changes to every widget', async () => {
    const root = await fixture(
      html`<div>
        <settings-probe></settings-probe>
        <cx-config site-key="one" locale="en"></cx-config>
        <settings-probe></settings-probe>
      </div>`,
    );
    const config = root.querySelector('cx-config')!;
    await config.updateComplete;
    config.setAttribute('site-key', 'two');
    config.setAttribute('locale', 'ko');
    await config.updateComplete;
    for (const probe of probes(root))
      expect(probe.config.settings).to.include({ siteKey: 'two', locale: 'ko' });
  });

  it('defaults the hub to the page origin', async () => {
    const root = await fixture(
      html`<div><cx-config site-key="x"></cx-config><settings-probe></settings-probe></div>`,
    );
    await root.querySelector('cx-config')!.updateComplete;
    expect(probes(root)[0].config.settings?.hub).to.equal(location.origin);
  });

  it('can be defined twice without throwing (a script loaded twice)', async () => {
    const first = customElements.get('cx-config');
    expect(() => defineElement('cx-config', class extends CxConfig {})).not.to.throw();
    expect(customElements.get('cx-config')).to.equal(first);
    // Loading the whole entry point again is also harmless.
    await import('../index.js');
    await nextFrame();
    expect(customElements.get('cx-config')).to.equal(first);
  });
});
