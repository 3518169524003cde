// The counter's service worker: the application opens with no network. Its pages, scripts and configuration are
// kept in a cache; each is fetched from the network first (so that a new version is picked up at once) and taken from
// the cache only when the gateway cannot be reached. The API is never cached: what the agent captures offline waits
// in IndexedDB (app/offline.js), not here.

const CACHE = 'guichet-v5';
const SHELL = ['/', '/app/styles.css', '/app/aid-application.js', '/app/api.js', '/app/auth.js', '/app/banner.js',
  '/app/capture.js', '/app/decisions.js', '/app/dom.js', '/app/filing.js', '/app/forms.js', '/app/household.js',
  '/app/main.js', '/app/messages.js', '/app/offline.js', '/app/paper-kit.js', '/app/parameters.js',
  '/app/payments.js', '/app/person.js',
  '/app/queues.js', '/app/report.js', '/app/rules.js', '/app/search.js', '/app/session.js', '/favicon.svg',
  '/counter/config'];

/** A declared benefit's screens (app/forms.js): kept too, each named by the configuration. */
const BENEFIT_MODULE = /^\/app\/benefit-[a-z][a-z0-9-]*\.js$/;

/** The shell, then the screens of each declared benefit, named by the configuration just kept. */
async function keep(cache) {
  await cache.addAll(SHELL);
  const config = await (await cache.match('/counter/config')).json();
  await cache.addAll(config.benefits.map(benefit => '/app/benefit-' + benefit.code + '.js'));
}

self.addEventListener('install', event => {
  event.waitUntil(caches.open(CACHE).then(keep).then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
      .then(names => Promise.all(names.filter(name => name !== CACHE).map(name => caches.delete(name))))
      .then(() => self.clients.claim()));
});

self.addEventListener('fetch', event => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) {
    return;
  }
  const page = url.pathname === '/' || url.pathname === '/index.html';
  const shell = page ? '/' : SHELL.includes(url.pathname) || BENEFIT_MODULE.test(url.pathname) ? url.pathname : null;
  if (!shell) {
    return;
  }
  event.respondWith(fetch(request).then(answer => {
    if (answer.ok) {
      const copy = answer.clone();
      caches.open(CACHE).then(cache => cache.put(shell, copy));
    }
    return answer;
  }).catch(() => caches.match(shell)));
});
