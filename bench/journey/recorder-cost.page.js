// Runs inside the benchmark page (loaded as a file, not a serialized function: tsx would
// wrap inner names in a helper the page lacks). Times the page actions that produce journey
// events, one kind per fresh page so that one kind's sending does not burden the next.
// performance.now() is coarse here (100 µs without cross-origin isolation), so each sample
// times a run of `perSample` actions and divides.
window.measurePageAction = async (action, { samples, perSample, navigations }) => {
  const quantiles = (values) => {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (p) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
    return { median: at(0.5), p99: at(0.99), n: sorted.length * perSample };
  };
  let i = 0;
  const time = (action, count = samples) => {
    const perAction = [];
    for (let s = 0; s < count; s++) {
      const start = performance.now();
      for (let k = 0; k < perSample; k++) action(i++);
      perAction.push(((performance.now() - start) * 1000) / perSample);
    }
    return quantiles(perAction);
  };
  const layer = (window.dataLayer ??= []);
  const actions = {
    'dataLayer push': () =>
      time((n) =>
        layer.push({
          event: 'add_to_cart',
          ecommerce: {
            currency: 'EUR',
            items: [{ item_id: `SKU-${n}`, item_name: 'Boots', price: 159, quantity: 1 }],
          },
        }),
      ),
    'error event': () =>
      time((n) => window.dispatchEvent(new ErrorEvent('error', { message: `bench error ${n}` }))),
    // Chromium throttles history changes past ~200 in 10 s: few samples of these.
    'SPA navigation': () => time((n) => history.pushState({}, '', `/bench/page-${n}`), navigations),
  };
  return actions[action]();
};
