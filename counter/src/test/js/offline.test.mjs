// The offline queue (app/offline.js): numbers reserved ahead, applications captured under them in order, nothing about
// the person in clear, everything sent in order with its own idempotency key, and what was filed forgotten at sign-out.
import assert from 'node:assert/strict';
import { beforeEach, test } from 'node:test';
import { install } from './browser.mjs';

const APP = '../../main/resources/static/app/';
const NUMBERS = Array.from({ length: 20 }, (_, i) => 'K7QD-2M9X-' + String(i).padStart(4, '0'));
let gateway;
let calls;
let offline;
let fresh = 0;

beforeEach(async () => {
  gateway = {};
  calls = install(async (method, path, body) => {
    const answer = gateway[method + ' ' + path];
    return typeof answer === 'function' ? answer(body) : answer;
  });
  gateway['POST /api/counter/receipt-series'] = { status: 201, body: { series: 'S-13-1', prefix: 'K7QD-2M9X', section: '13',
    reservedAt: new Date().toISOString(), numbers: NUMBERS } };
  // A module of its own for each test: its database connection is not shared with the previous test's browser.
  offline = await import(APP + 'offline.js?test=' + (fresh += 1));
  const key = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
  offline.useCaptureKey(key);
  await offline.reserveIfLow('13');
});

function application(name, iban) {
  return { path: '/api/aid/applications', benefit: 'Allocation exceptionnelle', name, birthDate: '1950-06-01',
    beneficiaryId: 'b-' + name, section: '13', agent: 'agent13',
    body: { beneficiaryId: 'b-' + name, category: 'FOOD', requestedAmount: 80, payee: { kind: 'BENEFICIARY', iban } } };
}

test('each capture takes the next reserved number, once, in the order captured', async () => {
  assert.equal(await offline.numbersLeft('13'), 20);
  const first = await offline.capture(application('Martin', 'FR7630006000011234567890189'));
  const second = await offline.capture(application('Nguyen', 'FR7630006000011234567890189'));
  assert.deepEqual([first.receipt, second.receipt], [NUMBERS[0], NUMBERS[1]]);
  assert.equal(await offline.numbersLeft('13'), 18);
  assert.deepEqual((await offline.captured()).map(item => item.receipt), [NUMBERS[0], NUMBERS[1]]);
  assert.equal(await offline.numbersLeft('18'), 0, 'another section has no number of these');
});

test('captures of the same millisecond keep the order they were captured in', async () => {
  const now = Date.now;
  const instant = now();
  Date.now = () => instant;
  try {
    for (const name of ['Un', 'Deux', 'Trois', 'Quatre', 'Cinq']) {
      await offline.capture(application(name, 'FR7630006000011234567890189'));
    }
  } finally {
    Date.now = now;
  }
  assert.deepEqual((await offline.captured()).map(item => item.receipt), NUMBERS.slice(0, 5));
});

test('what is kept on the workstation names nobody, and only the agent who captured it opens it', async () => {
  await offline.capture(application('Ørsted-Nguyễn', 'FR7630006000011234567890189'));
  const stored = JSON.stringify(await offline.captured());
  assert.ok(!stored.includes('Ørsted') && !stored.includes('FR7630006000011234567890189') && !stored.includes('1950'), stored);
  assert.equal((await offline.mine('agent13'))[0].name, 'Ørsted-Nguyễn');
  assert.deepEqual(await offline.mine('agent18'), []);
  assert.equal(await offline.othersWaiting('agent18'), 1, 'another agent sees a number only');

  offline.useCaptureKey(Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url'));
  assert.equal((await offline.mine('agent13'))[0].name, undefined, 'another session\'s key opens nothing');
  offline.useCaptureKey(null);
  assert.equal(await offline.capture(application('Martin', 'FR7630006000011234567890189')), null,
      'without a key nothing is captured: the paper form then');
});

test('what waits is sent in order with its own key, stops at the first that cannot go, and is followed to its end', async () => {
  const items = [];
  for (const name of ['Un', 'Deux', 'Trois']) {
    items.push(await offline.capture(application(name, 'FR7630006000011234567890189')));
  }
  let reachable = 1;
  gateway['POST /api/counter/captured'] = body => (reachable-- > 0
    ? { status: 202, body: { receipt: { number: body.receipt, status: 'QUEUED' } } } : null);

  assert.equal(await offline.synchronise('agent13'), true);
  const sent = calls.filter(call => call.path === '/api/counter/captured');
  assert.deepEqual(sent.map(call => call.body.receipt), [NUMBERS[0], NUMBERS[1]], 'stopped at the second, unreachable');
  assert.deepEqual(sent.map(call => call.headers['Idempotency-Key']), [items[0].key, items[1].key]);
  assert.deepEqual((await offline.mine('agent13')).map(item => item.state), ['SENT', 'WAITING', 'WAITING']);

  gateway['POST /api/counter/captured'] = body => body.receipt === NUMBERS[1]
    ? { status: 409, body: { type: 'urn:guichet:problem:receipt-already-used' } }
    : { status: 202, body: { receipt: { number: body.receipt, status: 'QUEUED' } } };
  gateway['GET /api/receipts/' + NUMBERS[0]] = { status: 200, body: { status: 'RECEIVED', applicationId: 'a1',
    applicationNumber: 'AE-2026-000001' } };
  gateway['GET /api/receipts/' + NUMBERS[2]] = { status: 200, body: { status: 'QUEUED' } };
  await offline.synchronise('agent13');
  const after = await offline.mine('agent13');
  assert.deepEqual(after.map(item => item.state), ['DONE', 'REFUSED', 'SENT']);
  assert.equal(after[0].applicationNumber, 'AE-2026-000001');
  assert.equal(after[1].problem.type, 'urn:guichet:problem:receipt-already-used');
  assert.equal(calls.filter(call => call.path === '/api/counter/captured' && call.body.receipt === NUMBERS[1]).length, 2,
      'the same application, sent again with the same key');

  await offline.forgetFiled('agent13');
  assert.deepEqual((await offline.mine('agent13')).map(item => item.receipt), [NUMBERS[1], NUMBERS[2]],
      'at sign-out, only what its service applied is forgotten');
});
