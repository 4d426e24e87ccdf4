// Runs inside the benchmark page (a file, not a serialized function; see recorder-cost.page.js).
// Connects a <cx-customer-card> for the visitor and times the first frame with timeline rows.
window.measureCardRender = async (visitorId) => {
  const card = document.createElement('cx-customer-card');
  const rows = () => card.shadowRoot?.querySelectorAll('[part~="event"]').length ?? 0;
  const started = performance.now();
  card.setAttribute('visitor-id', visitorId);
  document.querySelector('main').append(card);
  await new Promise((resolve) => {
    const check = () => (rows() > 0 ? resolve() : requestAnimationFrame(check));
    check();
  });
  return { renderMs: performance.now() - started, rows: rows() };
};
