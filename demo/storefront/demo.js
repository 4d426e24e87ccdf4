// Demo-only glue: a language picker that drives <cx-config locale>.
// Loaded as a file (not inline) so the demo runs under a strict Content-Security-Policy.
const storageKey = 'cx-demo-locale';
const config = document.querySelector('cx-config');
const picker = document.querySelector('[data-demo-locale]');
const saved = localStorage.getItem(storageKey);

if (saved && config) {
  config.setAttribute('locale', saved);
  document.documentElement.lang = saved;
}
if (picker && config) {
  picker.value = config.getAttribute('locale') ?? 'en';
  picker.addEventListener('change', () => {
    config.setAttribute('locale', picker.value);
    document.documentElement.lang = picker.value;
    localStorage.setItem(storageKey, picker.value);
  });
}
