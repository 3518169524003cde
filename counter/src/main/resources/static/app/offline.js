// Offline capture: what the counter keeps filing while it cannot reach the gateway.
//
// While the gateway answers, the counter reserves series of receipt numbers (POST /api/counter/receipt-series) and keeps
// them in this browser's IndexedDB. When an application cannot be sent (the gateway is unreachable, or answers that
// the service and its queue are both down), it is stored here with its idempotency key, the time it was received and
// the next reserved number, which is printed on the receipt at once. Everything stored is sent, in the order captured
// and always with the same key, as soon as the gateway answers again (POST /api/counter/captured); then its receipt
// is followed until its service has applied or rejected it. IndexedDB survives a reload, a closed tab and a browser
// restart; nothing is deleted without the agent, but what was filed is removed at sign-out.
//
// A workstation may be shared (issue #33): each capture belongs to the agent who captured it (capturedBy). Only they
// see it in the list, and it is sent only while they are signed in, so that it is filed in their name; what another
// agent captured is only counted. At sign-out, the agent's captures their service has applied are removed.
//
// What a capture says about the person (the application's body, name, birth date) is stored encrypted (AES-GCM) under
// the agent's capture key, which the gateway gives the signed-in agent (GET /api/counter/capture-key) and the tab
// keeps in its session storage only: the browser's files on the workstation hold no name, birth date or IBAN in clear,
// and another agent's session cannot read them. Without the key (the tab was opened while the gateway was away), no
// application is captured: the paper form then.

import { call, get } from './api.js';
import { base64url } from './auth.js';

const DATABASE = 'guichet';
const SERIES = 'series';
const CAPTURED = 'captured';
/** A new series is reserved when fewer numbers than this are left. */
const LOW_WATER = 15;
/** A new series is reserved every day; the gateway takes a series' numbers for 3 days after it was reserved. */
const RENEW_AFTER_MS = 24 * 3600 * 1000;
const VALID_FOR_MS = 3 * 24 * 3600 * 1000 - 3600 * 1000;

export const WAITING = 'WAITING';
export const SENT = 'SENT';
export const DONE = 'DONE';
export const REFUSED = 'REFUSED';

let opened;
/** The order of the last capture of this page: the next one's is greater, even within the same millisecond. */
let lastOrder = 0;

const CAPTURE_KEY = 'guichet.cle-saisie';

function bytesOf(text) {
  const plain = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(plain, c => c.charCodeAt(0));
}

/** Keeps the signed-in agent's capture key for this tab's session (null: forgets it, at sign-out). */
export function useCaptureKey(key) {
  if (key) {
    sessionStorage.setItem(CAPTURE_KEY, key);
  } else {
    sessionStorage.removeItem(CAPTURE_KEY);
  }
}

export function hasCaptureKey() {
  return Boolean(sessionStorage.getItem(CAPTURE_KEY));
}

async function captureKey() {
  const raw = sessionStorage.getItem(CAPTURE_KEY);
  return raw ? crypto.subtle.importKey('raw', bytesOf(raw), 'AES-GCM', false, ['encrypt', 'decrypt']) : null;
}

/** What a capture says about the person, encrypted under the agent's key; null without a key. */
async function seal(secret) {
  const key = await captureKey();
  if (!key) {
    return null;
  }
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(JSON.stringify(secret)));
  return { iv: base64url(iv), data: base64url(new Uint8Array(data)) };
}

/** The capture with what it says about the person, when this session's key opens it; without it otherwise. */
async function unseal(item) {
  if (!item || !item.sealed) {
    return item;
  }
  const key = await captureKey();
  if (!key) {
    return item;
  }
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytesOf(item.sealed.iv) }, key, bytesOf(item.sealed.data));
    return { ...item, ...JSON.parse(new TextDecoder().decode(plain)) };
  } catch (e) {
    return item;
  }
}

/** What is stored: the capture without what it says about the person (kept in {@code sealed}). */
function stored(item) {
  const { body, name, birthDate, beneficiaryId, ...rest } = item;
  return rest;
}

function database() {
  if (!opened) {
    opened = new Promise((resolve, reject) => {
      const request = indexedDB.open(DATABASE, 1);
      request.onupgradeneeded = () => {
        request.result.createObjectStore(SERIES, { keyPath: 'prefix' });
        request.result.createObjectStore(CAPTURED, { keyPath: 'key' });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }
  return opened;
}

function done(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function finished(transaction) {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error);
    transaction.onabort = () => reject(transaction.error);
  });
}

/** The gateway's time now, as this counter reckons it from the offset it saw when it reserved the series. */
function gatewayNow(series) {
  return Date.now() + (series.offset || 0);
}

/** The series of this counter's section that still have numbers and may still be used, the oldest first. */
async function seriesOf(store, section) {
  const all = await done(store.getAll());
  return all.filter(s => s.section === section && s.next < s.numbers.length
      && gatewayNow(s) - Date.parse(s.reservedAt) < VALID_FOR_MS)
      .sort((a, b) => a.reservedAt.localeCompare(b.reservedAt));
}

/** How many reserved numbers this counter has left for the section. */
export async function numbersLeft(section) {
  const db = await database();
  const series = await seriesOf(db.transaction(SERIES).objectStore(SERIES), section);
  return series.reduce((left, s) => left + s.numbers.length - s.next, 0);
}

/**
 * Reserves a new series when few numbers are left, or when the newest is a day old (a counter's numbers serve 3 days);
 * quiet when the gateway cannot be reached (tried again later).
 */
export async function reserveIfLow(section) {
  if (!section) {
    return;
  }
  const db = await database();
  const usable = await seriesOf(db.transaction(SERIES).objectStore(SERIES), section);
  const left = usable.reduce((n, s) => n + s.numbers.length - s.next, 0);
  const newest = usable[usable.length - 1];
  if (left >= LOW_WATER && newest && gatewayNow(newest) - Date.parse(newest.reservedAt) < RENEW_AFTER_MS) {
    return;
  }
  const asked = Date.now();
  const answer = await call('POST', '/api/counter/receipt-series');
  if (answer.status !== 201) {
    return;
  }
  // The gateway's clock, not this computer's, dates what is captured: the offset seen now (half the round trip).
  const offset = Date.parse(answer.body.reservedAt) - (asked + Date.now()) / 2;
  const transaction = (await database()).transaction(SERIES, 'readwrite');
  transaction.objectStore(SERIES).put({ ...answer.body, next: 0, offset });
  await finished(transaction);
}

/**
 * Stores an application that could not be sent and gives it the next reserved number, in one transaction: two tabs
 * never print the same number. {@code key} is the idempotency key it was tried with, kept for every later attempt.
 * Null when no number is left (the paper form then).
 */
export async function capture({ key, path, body, benefit, name, birthDate, beneficiaryId, section, agent }) {
  // Encrypted before the transaction opens: an IndexedDB transaction does not wait for the Web Crypto API.
  const sealed = await seal({ body, name, birthDate, beneficiaryId });
  if (!sealed) {
    return null;
  }
  const db = await database();
  const transaction = db.transaction([SERIES, CAPTURED], 'readwrite');
  const series = await seriesOf(transaction.objectStore(SERIES), section);
  if (!series.length) {
    transaction.abort();
    return null;
  }
  const used = series[0];
  // The time in microseconds, with a random part keeping two tabs' captures apart, and never below this page's last.
  lastOrder = Math.max(Date.now() * 1000 + Math.floor(Math.random() * 1000), lastOrder + 1000);
  const item = {
    key: key || crypto.randomUUID(),
    order: lastOrder,
    series: used.series,
    receipt: used.numbers[used.next],
    receivedAt: new Date(gatewayNow(used)).toISOString(),
    path, benefit, capturedBy: agent, sealed,
    state: WAITING,
  };
  used.next += 1;
  transaction.objectStore(SERIES).put(used);
  transaction.objectStore(CAPTURED).put(item);
  await finished(transaction);
  return { ...item, body, name, birthDate, beneficiaryId };
}

/** Everything captured on this counter, in the order captured: every agent's (for tests; the screens use mine()). */
export async function captured() {
  const db = await database();
  const all = await done(db.transaction(CAPTURED).objectStore(CAPTURED).getAll());
  return all.sort((a, b) => a.order - b.order);
}

/** What this agent captured on this counter, in the order captured, opened with this session's key. */
export async function mine(username) {
  return Promise.all((await captured()).filter(item => item.capturedBy === username).map(unseal));
}

/** How many applications other agents captured on this counter and have not sent yet (shown as a number only). */
export async function othersWaiting(username) {
  return (await captured()).filter(item => item.capturedBy !== username && item.state === WAITING).length;
}

/** At sign-out: the agent's captures that their service applied are removed from this workstation. */
export async function forgetFiled(username) {
  const db = await database();
  const transaction = db.transaction(CAPTURED, 'readwrite');
  const store = transaction.objectStore(CAPTURED);
  for (const item of await done(store.getAll())) {
    if (item.capturedBy === username && item.state === DONE) {
      store.delete(item.key);
    }
  }
  await finished(transaction);
}

export async function capturedOne(key) {
  const db = await database();
  return unseal(await done(db.transaction(CAPTURED).objectStore(CAPTURED).get(key)));
}

async function save(item) {
  const db = await database();
  const transaction = db.transaction(CAPTURED, 'readwrite');
  transaction.objectStore(CAPTURED).put(item.sealed ? stored(item) : item);
  await finished(transaction);
}

/** Removes what the agent has dealt with (applied, or refused and filed again). */
export async function forget(key) {
  const db = await database();
  const transaction = db.transaction(CAPTURED, 'readwrite');
  transaction.objectStore(CAPTURED).delete(key);
  await finished(transaction);
}

let syncing = null;

/**
 * Sends what waits, in order, each with its own key; stops at the first that cannot be sent (the gateway is still
 * away, or the session expired), so that the order is kept. Then follows the receipts of what was sent.
 * @returns {Promise<boolean>} whether anything changed
 */
export function synchronise(username) {
  if (!syncing) {
    syncing = send(username).finally(() => { syncing = null; });
  }
  return syncing;
}

/** The signed-in agent's captures only: each is filed in the name of the agent who captured it. */
async function send(username) {
  let changed = false;
  for (const item of await mine(username)) {
    if (item.state !== WAITING) {
      continue;
    }
    if (item.body === undefined) {
      // Not opened: this session has no capture key yet. Sent once it has, in order.
      break;
    }
    const answer = await call('POST', '/api/counter/captured', {
      series: item.series, receipt: item.receipt, receivedAt: item.receivedAt, path: item.path, body: item.body,
      birthDate: item.birthDate, capturedBy: item.capturedBy,
    }, item.key);
    if (answer.status === 202 || answer.status === 200) {
      item.state = SENT;
      item.status = answer.body.receipt.status;
      item.sentAt = new Date().toISOString();
    } else if (answer.status === 400 || answer.status === 403 || answer.status === 409) {
      item.state = REFUSED;
      item.problem = answer.body;
    } else {
      break;
    }
    await save(item);
    changed = true;
  }
  for (const item of await mine(username)) {
    if (item.state !== SENT) {
      continue;
    }
    const answer = await get('/api/receipts/' + item.receipt);
    if (answer.status !== 200 || answer.body.status === 'QUEUED') {
      continue;
    }
    item.status = answer.body.status;
    item.applicationId = answer.body.applicationId;
    item.applicationNumber = answer.body.applicationNumber;
    if (answer.body.status === 'REJECTED') {
      item.state = REFUSED;
      item.reasons = answer.body.reasons || [];
      // The service's problem itself (its type and fields), which the counter can put in French.
      const rejected = await get('/api/' + item.path.split('/')[2] + '/intake/rejected?includeHandled=true');
      const command = rejected.status === 200 ? rejected.body.find(c => c.receiptNumber === item.receipt) : null;
      if (command) {
        item.problem = command.problem;
      }
    } else {
      item.state = DONE;
    }
    await save(item);
    changed = true;
  }
  return changed;
}
