// Rapport's pages work without JavaScript; this adds the few live touches. The Content-Security-Policy allows scripts
// from /assets only, so pages carry behaviour as data attributes:
// - data-poll="URL": the element refreshes its HTML from that URL every second while data-poll-while is in the response;
// - data-confirm="question" on a form: submitting asks first.
// Scripts that call the API with the session cookie send the page's antiforgery token (rapport.csrfHeader()).
window.rapport = {
  csrfHeader: () => {
    const meta = document.querySelector('meta[name="rapport-csrf"]');
    return meta ? { 'X-CSRF-TOKEN': meta.content } : {};
  },
};
(() => {
  const poll = (element) => {
    const url = element.getAttribute('data-poll');
    const tick = async () => {
      try {
        const response = await fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } });
        if (response.ok) {
          const html = await response.text();
          element.innerHTML = html;
          if (!html.includes('data-poll-while')) return;
        }
      } catch { /* try again on the next tick */ }
      setTimeout(tick, 1000);
    };
    setTimeout(tick, 1000);
  };
  document.querySelectorAll('[data-poll]').forEach(poll);
  document.querySelectorAll('form[data-confirm]').forEach(form => form.addEventListener('submit', event => {
    if (!window.confirm(form.getAttribute('data-confirm'))) event.preventDefault();
  }));
})();
