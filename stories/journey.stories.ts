import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../components/journey/index.js';
import type { CxJourney } from '../components/journey/index.js';

interface JourneyArgs {
  /** `required`: nothing is recorded until "Grant consent". */
  consent: '' | 'required';
  stripParams: string;
}

const dataLayer = () => ((window as { dataLayer?: object[] }).dataLayer ??= []);

/** Shows what the recorder queued. No `<cx-config>` here: nothing is ever sent. */
function showQueue(event: Event) {
  const page = (event.target as HTMLElement).closest('section')!;
  const journey = page.querySelector('cx-journey') as CxJourney;
  page.querySelector('pre')!.textContent = JSON.stringify(journey.pending, null, 2);
}

const meta: Meta<JourneyArgs> = {
  title: 'Storefront/cx-journey',
  component: 'cx-journey',
  argTypes: {
    consent: { control: 'select', options: ['', 'required'] },
    stripParams: { control: 'text' },
  },
  args: { consent: '', stripParams: 'coupon' },
  render: ({ consent, stripParams }) => html`
    <section @click=${showQueue} style="font: 14px system-ui; display: grid; gap: 8px">
      <cx-journey consent=${consent} strip-params=${stripParams}></cx-journey>
      <div
        data-cx-product
        data-cx-sku="BOOT-1"
        data-cx-name="Trail boot"
        data-cx-price="129.9"
        data-cx-currency="EUR"
      >
        Trail boot, 129.90 EUR
      </div>
      <div style="display: flex; gap: 8px; flex-wrap: wrap">
        <button @click=${() => history.pushState(null, '', '?coupon=SAVE10&color=red')}>
          Navigate (SPA)
        </button>
        <button
          @click=${() =>
            dataLayer().push({
              event: 'add_to_cart',
              ecommerce: { currency: 'EUR', items: [{ item_id: 'BOOT-1', price: 129.9 }] },
            })}
        >
          Add to cart (dataLayer)
        </button>
        <form @submit=${(event: Event) => event.preventDefault()}>
          <label>Postcode <input name="postcode" pattern="[0-9]{5}" required /></label>
          <button>Submit</button>
        </form>
        <button
          @click=${(event: Event) => (event.target as HTMLElement).closest('section')!.querySelector('cx-journey')!.grantConsent()}
        >
          Grant consent
        </button>
        <button>Show queue</button>
      </div>
      <pre aria-label="Recorded events" style="max-height: 320px; overflow: auto"></pre>
    </section>
  `,
};
export default meta;

export const Recorder: StoryObj<JourneyArgs> = {};
