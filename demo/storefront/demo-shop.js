// The demo shop's behaviour. Everything is rendered with textContent: text stays text.
const cartKey = 'cx-demo-cart';
const dataLayer = (window.dataLayer = window.dataLayer || []);

const catalog = [
  {
    sku: 'NW-BP-40',
    name: 'Ridge 40 L backpack',
    price: 129,
    href: '/products/ridge-backpack.html',
  },
  {
    sku: 'NW-JK-800',
    name: 'Summit down jacket',
    price: 219,
    href: '/products/summit-jacket.html',
  },
  { sku: 'NW-BT-TH', name: 'Trailhead boots', price: 159, href: '/products/trailhead-boots.html' },
];

const readCart = () => JSON.parse(localStorage.getItem(cartKey) ?? '[]');
const writeCart = (items) => localStorage.setItem(cartKey, JSON.stringify(items));
const cartValue = (items) => items.reduce((sum, item) => sum + item.price * item.quantity, 0);
const ga4Items = (items) =>
  items.map((item) => ({
    item_id: item.sku,
    item_name: item.name,
    price: item.price,
    quantity: item.quantity,
  }));

function showCartCount() {
  const count = readCart().reduce((sum, item) => sum + item.quantity, 0);
  document.querySelectorAll('[data-demo-cart-count]').forEach((el) => {
    el.textContent = count ? `(${count})` : '';
  });
}

export function setupCart() {
  showCartCount();
  for (const button of document.querySelectorAll('[data-demo-add-to-cart]')) {
    // Disabled in the HTML until this script can handle the click.
    button.disabled = false;
    button.addEventListener('click', () => {
      const { sku, name, price, category } = button.dataset;
      const items = readCart();
      const existing = items.find((item) => item.sku === sku);
      if (existing) existing.quantity += 1;
      else items.push({ sku, name, price: Number(price), category, quantity: 1 });
      writeCart(items);
      dataLayer.push({ ecommerce: null });
      dataLayer.push({
        event: 'add_to_cart',
        ecommerce: {
          currency: 'EUR',
          value: Number(price),
          items: ga4Items([{ sku, name, price: Number(price), quantity: 1 }]),
        },
      });
      showCartCount();
      const status = document.querySelector('[data-demo-status]');
      if (status) status.textContent = `${name} is in your cart.`;
    });
  }
  renderCart();
}

function renderCart() {
  const list = document.querySelector('[data-demo-cart]');
  if (!list) return;
  const items = readCart();
  document.querySelector('[data-demo-cart-empty]').hidden = items.length > 0;
  list.replaceChildren(
    ...items.map((item) => {
      const li = document.createElement('li');
      li.textContent = `${item.quantity} × ${item.name} — €${(item.price * item.quantity).toFixed(2)}`;
      return li;
    }),
  );
  document.querySelector('[data-demo-checkout]')?.addEventListener('click', () => {
    dataLayer.push({ ecommerce: null });
    dataLayer.push({
      event: 'begin_checkout',
      ecommerce: { currency: 'EUR', value: cartValue(items), items: ga4Items(items) },
    });
  });
}

export function setupSearch() {
  const results = document.querySelector('[data-demo-search-results]');
  if (!results) return;
  const query = new URLSearchParams(location.search).get('q')?.trim() ?? '';
  document.querySelector('#q').value = query;
  if (!query) return;
  const found = catalog.filter((p) => p.name.toLowerCase().includes(query.toLowerCase()));
  document.querySelector('[data-demo-search-summary]').textContent =
    `${found.length} result${found.length === 1 ? '' : 's'} for “${query}”`;
  results.replaceChildren(
    ...found.map((product) => {
      const li = document.createElement('li');
      const link = document.createElement('a');
      link.href = product.href;
      link.textContent = product.name;
      li.append(link);
      return li;
    }),
  );
  dataLayer.push({ event: 'search', search_term: query });
}

/** The checkout fails on purpose: validation first, then a payment service that is down. */
export function setupCheckout() {
  const form = document.querySelector('[data-demo-checkout-form]');
  if (!form) return;
  const error = document.querySelector('[data-demo-checkout-error]');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    if (!form.checkValidity()) {
      form.reportValidity();
      return;
    }
    dataLayer.push({
      event: 'add_payment_info',
      ecommerce: { currency: 'EUR', items: ga4Items(readCart()) },
    });
    const response = await fetch('/demo-api/payments', { method: 'POST', body: '{}' });
    if (!response.ok) {
      error.textContent = 'Sorry, we could not take your payment. Please try again later.';
      // Left uncaught on purpose: the journey records it as a JavaScript error.
      setTimeout(() => {
        throw new Error(`Payment service unavailable (HTTP ${response.status})`);
      });
    }
  });
}
