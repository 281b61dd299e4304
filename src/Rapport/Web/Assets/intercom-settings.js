// Settings → Integrations → Intercom: the options that need Import users and companies follow its box, and the
// qualification rules show how many companies qualify as they are typed.
(() => {
  const importBox = document.getElementById('opt-import');
  if (!importBox) return;
  const sync = () => document.querySelectorAll('[data-needs-import]').forEach(box => {
    box.disabled = !importBox.checked;
    if (!importBox.checked) box.checked = false;
  });
  importBox.addEventListener('change', sync);

  const rules = document.getElementById('rules'), days = document.getElementById('last-seen');
  const count = document.getElementById('preview-count'), text = document.getElementById('preview-text'), error = document.getElementById('rules-error');
  let timer;
  const preview = async () => {
    const response = await fetch('/api/v1/integrations/intercom/preview', {
      method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json', ...rapport.csrfHeader() },
      body: JSON.stringify({ qualification: rules.value, lastSeenDays: parseInt(days.value, 10) || null }),
    });
    const body = await response.json();
    if (response.ok) {
      error.hidden = true;
      count.textContent = body.qualified.toLocaleString();
      text.textContent = `of ${body.companiesRead.toLocaleString()} companies qualify (companies read ${body.censusReadAt.slice(0, 16).replace('T', ' ')} UTC)`;
    } else {
      error.hidden = false;
      error.textContent = body.detail;
      count.textContent = '–';
      text.textContent = 'companies qualify — fix the rules to count them';
    }
  };
  const later = () => { clearTimeout(timer); timer = setTimeout(preview, 400); };
  rules.addEventListener('input', later);
  days.addEventListener('input', later);
})();
