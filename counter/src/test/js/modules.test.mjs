// The counter as modules (issue #36: one 1,675-line main.js): none over 400 lines, every import found, every module
// kept by the service worker for the days the gateway cannot be reached.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
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

test('the service worker keeps every module, so that the counter opens without the gateway', () => {
  const worker = readFileSync(new URL('sw.js', STATIC), 'utf8');
  const shell = JSON.parse(/const SHELL = (\[[^\]]*\]);/.exec(worker)[1].replace(/'/g, '"'));
  assert.deepEqual(modules.map(name => '/app/' + name).filter(path => !shell.includes(path)), []);
  assert.deepEqual(shell.filter(path => path.startsWith('/app/') && path.endsWith('.js')
    && !modules.includes(path.slice('/app/'.length))), [], 'nothing kept that is gone');
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
