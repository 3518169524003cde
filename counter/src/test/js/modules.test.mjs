// The counter as modules (issue #36: one 1,675-line main.js): none over 400 lines, every import found, every module
// kept by the service worker for the days the gateway cannot be reached.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import vm from 'node:vm';
import { install } from './browser.mjs';

const STATIC = new URL('../../main/resources/static/', import.meta.url);
const APP = new URL('app/', STATIC);
const modules = readdirSync(APP).filter(name => name.endsWith('.js')).sort();

test('no module is over 400 lines', () => {
  const long = modules.map(name => [name, readFileSync(new URL(name, APP), 'utf8').split('\n').length])
    .filter(([, lines]) => lines > 400);
  assert.deepEqual(long, []);
  assert.ok(modules.length >= 15, modules.join(', '));
});

// The benefits declared once, for the whole suite (platform/contracts): their codes, in their order.
const DECLARATION = new URL('../../../../platform/contracts/src/main/resources/benefits/benefits.properties', import.meta.url);
const declared = /^benefits=(.*)$/m.exec(readFileSync(DECLARATION, 'utf8'))[1].split(',');

/** The service worker installed, the gateway answering with the given benefits' configuration; then the gateway away. */
async function installedServiceWorker(benefits) {
  const kept = [];
  const listeners = {};
  const cache = {
    addAll: async paths => kept.push(...paths),
    match: async path => (!kept.includes(path) ? undefined
      : { path, json: async () => (path === '/counter/config' ? { benefits } : undefined) }),
    put: async () => undefined,
  };
  const worker = {
    addEventListener: (type, listener) => { listeners[type] = listener; },
    skipWaiting: async () => undefined,
    location: new URL('https://guichet.example/'),
  };
  const unreachable = async () => { throw new TypeError('Failed to fetch'); };
  vm.runInNewContext(readFileSync(new URL('sw.js', STATIC), 'utf8'),
    { self: worker, caches: { open: async () => cache, match: cache.match }, fetch: unreachable, URL });
  let installed;
  listeners.install({ waitUntil: promise => { installed = promise; } });
  await installed;
  /** What a GET of the path is answered with, the gateway away: what the cache kept, or nothing (the browser's error). */
  const offline = async path => {
    let answer;
    listeners.fetch({ request: { method: 'GET', url: 'https://guichet.example' + path }, respondWith: promise => { answer = promise; } });
    return answer ? (await answer)?.path : undefined;
  };
  return { kept, offline };
}

async function keptByTheServiceWorker(benefits) {
  return (await installedServiceWorker(benefits)).kept;
}

test('every declared benefit has its screens, in the module named after its code, and no other benefit has one', async () => {
  install(() => null);
  globalThis.document = { getElementById: () => null, querySelector: () => null, querySelectorAll: () => [] };
  const screens = modules.filter(name => name.startsWith('benefit-')).map(name => name.slice('benefit-'.length, -'.js'.length));
  assert.deepEqual(screens.sort(), [...declared].sort());
  for (const code of declared) {
    const module = await import(new URL('benefit-' + code + '.js', APP));
    assert.equal(typeof module.form, 'function', code + ': form(beneficiaryId, correction, renewal)');
    assert.equal(typeof module.fileView, 'function', code + ': fileView(id)');
  }
});

test('the service worker keeps every module, so that the counter opens without the gateway', async () => {
  const worker = readFileSync(new URL('sw.js', STATIC), 'utf8');
  const shell = JSON.parse(/const SHELL = (\[[^\]]*\]);/.exec(worker)[1].replace(/'/g, '"'));
  const kept = await keptByTheServiceWorker(declared.map(code => ({ code })));
  assert.deepEqual(modules.map(name => '/app/' + name).filter(path => !kept.includes(path)), []);
  assert.deepEqual(kept.filter(path => !shell.includes(path)), declared.map(code => '/app/benefit-' + code + '.js'),
    'the benefits\' screens kept from the configuration, not listed');
  assert.deepEqual(await keptByTheServiceWorker([{ code: 'aid' }]), [...shell, '/app/benefit-aid.js'], 'as the gateway declares them');
  assert.deepEqual(shell.filter(path => path.startsWith('/app/') && path.endsWith('.js')
    && !modules.includes(path.slice('/app/'.length))), [], 'nothing kept that is gone');
});

test('with the gateway away, every module and each declared benefit\'s screens are answered from what was kept', async () => {
  const worker = await installedServiceWorker(declared.map(code => ({ code })));
  for (const name of modules) {
    assert.equal(await worker.offline('/app/' + name), '/app/' + name);
  }
  assert.equal(await worker.offline('/#/hors-ligne'), '/');
  assert.equal(await worker.offline('/app/benefit-undeclared.js'), undefined, 'what was never kept is not made up');
});

test('every name a module imports is exported by the module it names', () => {
  const exported = new Map(modules.map(name => [name, new Set([...readFileSync(new URL(name, APP), 'utf8')
    .matchAll(/^export\s+(?:async\s+)?(?:function|const|let|class)\s+([\w$]+)/gm)].map(match => match[1]))]));
  const missing = [];
  for (const name of modules) {
    for (const [, names, from] of readFileSync(new URL(name, APP), 'utf8').matchAll(/import\s*\{([^}]*)\}\s*from\s*'\.\/([\w.-]+)'/g)) {
      for (const imported of names.split(',').map(n => n.trim()).filter(Boolean)) {
        if (!exported.get(from)?.has(imported)) {
          missing.push(name + ' imports ' + imported + ' from ' + from);
        }
      }
    }
  }
  assert.deepEqual(missing, []);
});

test('every module but the one that starts the counter loads without a page', async () => {
  install(() => null);
  globalThis.document = { getElementById: () => null, querySelector: () => null, querySelectorAll: () => [] };
  for (const name of modules.filter(module => module !== 'main.js')) {
    await import(new URL(name, APP));
  }
});
