// Registers the service worker (dist/sw.js, written by scripts/postbuild.mjs)
// and tells the app when a new build is waiting: the app shows
// '新版本可用，刷新' and, only when the user clicks it, sends 'kpi-sw-apply';
// the waiting worker then takes over and the page reloads. An update is never
// forced mid-edit. Without service workers (or when registering fails) the
// app works online as before.
const sw = navigator.serviceWorker;
if (sw && window.isSecureContext) {
  let waiting = null;
  const offer = (w) => {
    waiting = w;
    window.dispatchEvent(new CustomEvent('kpi-sw-update'));
  };
  window.addEventListener('kpi-sw-apply', () => {
    if (!waiting) return;
    let reloaded = false;
    sw.addEventListener('controllerchange', () => {
      if (!reloaded) { reloaded = true; window.location.reload(); }
    });
    waiting.postMessage({ type: 'skip-waiting' });
  });
  sw.register('./sw.js', { scope: './' }).then((reg) => {
    // An update found earlier and still waiting (another tab, a past visit).
    if (reg.waiting && sw.controller) offer(reg.waiting);
    reg.addEventListener('updatefound', () => {
      const w = reg.installing;
      if (!w) return;
      w.addEventListener('statechange', () => {
        // 'installed' with a controller: a new build next to the running one.
        if (w.state === 'installed' && sw.controller) offer(w);
      });
    });
    // Look for a new build when the tab comes back to the front.
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') reg.update().catch(() => {});
    });
  }).catch((e) => {
    console.warn('service worker not registered; the app works online only', e);
  });
}
