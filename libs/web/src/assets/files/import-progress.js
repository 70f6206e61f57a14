/* global document, window -- a browser module, not Node */
// The import page while its job runs: asks where the job stands every two seconds, updates the
// text and the bar (the region is aria-live), and reloads the page once the job is done. Without
// JavaScript the page has a Refresh button instead.
const region = document.getElementById('import-progress');
const statusUrl = region?.dataset.statusUrl;
const text = document.getElementById('import-progress-text');
const bar = region?.querySelector('progress');
const INTERVAL_MS = 2000;

async function poll() {
  try {
    const response = await fetch(statusUrl, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (!response.ok) return;
    const status = await response.json();
    if (status.done) {
      window.location.reload();
      return;
    }
    if (text && text.textContent !== status.text) text.textContent = status.text;
    if (bar) {
      bar.value = status.progress;
      bar.textContent = `${status.progress}%`;
    }
  } catch {
    // Offline for a moment: the next poll tries again, and the Refresh button still works.
  }
  window.setTimeout(poll, INTERVAL_MS);
}

if (statusUrl) window.setTimeout(poll, INTERVAL_MS);
