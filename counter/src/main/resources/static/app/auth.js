// Signing an agent in with the OpenID Connect issuer: authorisation code with PKCE (RFC 7636), no secret in the page.
// The tokens stay in this tab's session storage; nothing is kept once the tab is closed.

const SESSION = 'guichet.session';
const PENDING = 'guichet.connexion';

export function base64url(bytes) {
  let text = '';
  for (const byte of bytes) {
    text += String.fromCharCode(byte);
  }
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function random(length) {
  return base64url(crypto.getRandomValues(new Uint8Array(length)));
}

async function challengeOf(verifier) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

function redirectUri() {
  return window.location.origin + '/';
}

/** The issuer and the client id, from the gateway. */
export async function configuration() {
  const answer = await fetch('/counter/config', { headers: { Accept: 'application/json' } });
  if (!answer.ok) {
    throw new Error('configuration');
  }
  return answer.json();
}

/** Sends the agent to the issuer's sign-in page; they come back to / with a code. */
export async function signIn(config) {
  const verifier = random(48);
  const state = random(16);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, hash: window.location.hash }));
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    scope: 'openid profile',
    state,
    code_challenge: await challengeOf(verifier),
    code_challenge_method: 'S256',
  });
  window.location.assign(config.issuer + '/oauth2/authorize?' + query);
}

/** Back from the issuer: exchanges the code for tokens. False when the page was not opened by the issuer. */
export async function completeSignIn(config) {
  const query = new URLSearchParams(window.location.search);
  if (!query.has('code')) {
    return false;
  }
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  if (!pending || pending.state !== query.get('state')) {
    window.history.replaceState(null, '', '/');
    return false;
  }
  const answer = await fetch(config.issuer + '/oauth2/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: query.get('code'),
      redirect_uri: redirectUri(),
      client_id: config.clientId,
      code_verifier: pending.verifier,
    }),
  });
  if (!answer.ok) {
    throw new Error('jeton');
  }
  const tokens = await answer.json();
  sessionStorage.setItem(SESSION, JSON.stringify({
    accessToken: tokens.access_token,
    idToken: tokens.id_token,
    expiresAt: Date.now() + (tokens.expires_in || 300) * 1000,
  }));
  window.history.replaceState(null, '', '/' + (pending.hash || ''));
  return true;
}

/** The signed-in agent's session, or null when there is none or it has expired. */
export function currentSession() {
  const session = JSON.parse(sessionStorage.getItem(SESSION) || 'null');
  if (!session || session.expiresAt < Date.now() + 10_000) {
    return null;
  }
  return session;
}

/** Who the token says the agent is: username, roles and section. */
export function agentOf(session) {
  const payload = session.accessToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const claims = JSON.parse(decodeURIComponent(Array.from(atob(payload), c => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join('')));
  return { username: claims.sub, roles: claims.roles || [], section: claims.section || null };
}

export function signOut(config) {
  const session = currentSession();
  sessionStorage.removeItem(SESSION);
  const query = new URLSearchParams({ post_logout_redirect_uri: redirectUri(), client_id: config.clientId });
  if (session && session.idToken) {
    query.set('id_token_hint', session.idToken);
  }
  window.location.assign(config.issuer + '/connect/logout?' + query);
}
