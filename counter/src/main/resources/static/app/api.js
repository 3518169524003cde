// Calls to the gateway with the agent's token. A command carries a new idempotency key: sent again with the same key,
// it is applied once.

import { freshSession, renewalBlocked } from './auth.js';

/** One request with the agent's token, in French; a command (not GET) with its idempotency key. */
async function send(method, path, accept, body, key, extraHeaders = {}) {
  const session = await freshSession();
  const headers = { Accept: accept + ', application/problem+json', 'Accept-Language': 'fr', ...extraHeaders };
  if (session) {
    headers.Authorization = 'Bearer ' + session.accessToken;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (method !== 'GET') {
    headers['Idempotency-Key'] = key || crypto.randomUUID();
  }
  const answer = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (answer.status === 401 && renewalBlocked()) {
    // No token, because the sign-in service does not answer: as for a server out of reach, what is filed is kept on
    // this workstation and sent once a token can be had again.
    throw new Error('jeton non renouvelé');
  }
  return answer;
}

/**
 * @param key the command's idempotency key when it is sent again (an application captured offline); a new one else
 * @param extraHeaders e.g. {@code If-Match} with the version read
 * @returns {Promise<{status: number, body: any, headers: Headers}>} status 0 when the gateway cannot be reached
 */
export async function call(method, path, body, key, extraHeaders = {}) {
  let answer;
  try {
    answer = await send(method, path, 'application/json', body, key, extraHeaders);
  } catch (unreachable) {
    return { status: 0, body: null, headers: new Headers() };
  }
  const text = await answer.text();
  let parsed = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch (notJson) {
    parsed = null;
  }
  return { status: answer.status, body: parsed, headers: answer.headers };
}

export function get(path) {
  return call('GET', path);
}

export function post(path, body) {
  return call('POST', path, body);
}

/** Replaces what was read at {@code version} (If-Match): refused if someone changed it since. */
export function put(path, body, version) {
  return call('PUT', path, body, undefined, version === undefined ? {} : { 'If-Match': '"' + version + '"' });
}

/**
 * A file to save or open (a report as CSV, printed forms as PDF): its bytes and the name the server gives it; with a
 * body, it is asked by POST (what the server reserves for it is reserved once per call).
 * @returns {Promise<{status: number, blob: Blob|null, filename: string|null}>} status 0 when the gateway cannot be reached
 */
export async function download(path, accept, body) {
  let answer;
  try {
    answer = await send(body === undefined ? 'GET' : 'POST', path, accept, body);
  } catch (unreachable) {
    return { status: 0, blob: null, filename: null, problem: null };
  }
  const problem = answer.ok ? null : await answer.json().catch(() => null);
  const disposition = answer.headers.get('Content-Disposition') || '';
  const named = /filename="?([^";]+)"?/.exec(disposition);
  return { status: answer.status, blob: answer.ok ? await answer.blob() : null, filename: named ? named[1] : null, problem };
}
