// Demo-only glue for the storefront and the agent desk: a language picker, a cart that
// pushes GA4-style ecommerce events to window.dataLayer (as many real stores do), a
// search page, a checkout that fails on purpose, and a demo customer sign-in.
// Loaded as a file (not inline) so the pages run under a strict Content-Security-Policy.
import { setupCart, setupCheckout, setupSearch } from './demo-shop.js';

const config = document.querySelector('cx-config');

setupLocalePicker();
setupCustomerSignIn();
setupCart();
setupSearch();
setupCheckout();

function setupLocalePicker() {
  const storageKey = 'cx-demo-locale';
  const picker = document.querySelector('[data-demo-locale]');
  const saved = localStorage.getItem(storageKey);
  if (saved && config) {
    config.setAttribute('locale', saved);
    document.documentElement.lang = saved;
  }
  if (!picker || !config) return;
  picker.value = config.getAttribute('locale') ?? 'en';
  picker.addEventListener('change', () => {
    config.setAttribute('locale', picker.value);
    document.documentElement.lang = picker.value;
    localStorage.setItem(storageKey, picker.value);
  });
}

/**
 * Stands in for the storefront's own login: the hub's demo endpoint signs an identity token.
 * Signing out removes it and has <cx-config> forget this browser's visitor, as a real
 * storefront's sign-out should: whoever uses the browser next sees none of the chat.
 */
function setupCustomerSignIn() {
  const storageKey = 'cx-demo-identity';
  const button = document.querySelector('[data-demo-sign-in]');
  if (!button) return;
  const signOut = document.createElement('button');
  signOut.type = 'button';
  signOut.className = 'quiet';
  signOut.textContent = 'Sign out';
  button.after(signOut);
  const show = (identity) => {
    button.textContent = identity ? `Signed in as ${identity.name}` : 'Sign in as Mina (demo)';
    button.disabled = !!identity;
    signOut.hidden = !identity;
  };
  const saved = sessionStorage.getItem(storageKey);
  if (saved) config?.setAttribute('identity-token', JSON.parse(saved).token);
  show(saved && JSON.parse(saved));
  button.addEventListener('click', async () => {
    const response = await fetch('/api/v1/demo/identity-token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ siteKey: 'demo', customerId: 'demo-customer-1' }),
    });
    if (!response.ok) return;
    const identity = await response.json();
    sessionStorage.setItem(storageKey, JSON.stringify(identity));
    config?.setAttribute('identity-token', identity.token);
    show(identity);
  });
  signOut.addEventListener('click', () => {
    sessionStorage.removeItem(storageKey);
    config?.removeAttribute('identity-token');
    config?.forgetVisitor();
    show(null);
    button.focus();
  });
}
