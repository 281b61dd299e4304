// Rapport's pages work without JavaScript; this adds the few live touches: elements with data-poll="URL" refresh their
// HTML from that URL every second while data-poll-while is present in the response.
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
})();
