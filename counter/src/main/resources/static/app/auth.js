// Signing an agent in with the OpenID Connect issuer: authorisation code with PKCE (RFC 7636), no secret in the page.
// The tokens stay in this tab's session storage; nothing is kept once the tab is closed. The access token lives
// minutes and is renewed with a refresh token that works once; sign-out revokes it.

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

/**
 * The issuer's endpoints, from its OpenID Connect discovery document: any provider that publishes one will do. Asked
 * when the agent signs in, then kept in the session.
 */
async function endpoints(config) {
  const answer = await fetch(config.issuer + '/.well-known/openid-configuration', { headers: { Accept: 'application/json' } });
  if (!answer.ok) {
    throw new Error('découverte');
  }
  const document = await answer.json();
  return {
    authorize: document.authorization_endpoint,
    token: document.token_endpoint,
    revoke: document.revocation_endpoint || null,
    logout: document.end_session_endpoint || null,
  };
}

/** Sends the agent to the issuer's sign-in page; they come back to / with a code. */
export async function signIn(config) {
  const verifier = random(48);
  const state = random(16);
  const issuer = await endpoints(config);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, hash: window.location.hash, issuer }));
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: redirectUri(),
    scope: 'openid profile',
    state,
    code_challenge: await challengeOf(verifier),
    code_challenge_method: 'S256',
  });
  window.location.assign(issuer.authorize + '?' + query);
}

function keep(session, tokens) {
  const kept = {
    ...session,
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token || session.refreshToken || null,
    idToken: tokens.id_token || session.idToken || null,
    expiresAt: Date.now() + (tokens.expires_in || 300) * 1000,
  };
  sessionStorage.setItem(SESSION, JSON.stringify(kept));
  return kept;
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
  const answer = await fetch(pending.issuer.token, {
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
  keep({ clientId: config.clientId, issuer: pending.issuer }, await answer.json());
  window.history.replaceState(null, '', '/' + (pending.hash || ''));
  return true;
}

function stored() {
  return JSON.parse(sessionStorage.getItem(SESSION) || 'null');
}

/**
 * The signed-in agent's session, or null when there is none: its access token may be about to expire, as long as it
 * can be renewed ({@link freshSession}).
 */
export function currentSession() {
  const session = stored();
  if (!session || (!session.refreshToken && session.expiresAt < Date.now() + 10_000)) {
    return null;
  }
  return session;
}

// The access token lives minutes; it is renewed a minute before it expires, with the refresh token, which the issuer
// replaces at each use and ends with the working day or at sign-out.
const RENEW_BEFORE = 60_000;
let renewing = null;
let issuerUnreachable = false;

/** True while the token could not be renewed because the sign-in service does not answer, and has expired. */
export function renewalBlocked() {
  const session = stored();
  return issuerUnreachable && session !== null && session.expiresAt < Date.now() + 5_000;
}

/** The session with an access token good for at least a minute, renewed if need be; null when there is none. */
export async function freshSession() {
  const session = currentSession();
  if (!session || session.expiresAt - Date.now() > RENEW_BEFORE || !session.refreshToken) {
    return session && session.expiresAt > Date.now() + 5_000 ? session : null;
  }
  renewing = renewing || renew(session).finally(() => {
    renewing = null;
  });
  return renewing;
}

async function renew(session) {
  let answer;
  try {
    answer = await fetch(session.issuer.token, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: session.refreshToken, client_id: session.clientId }),
    });
  } catch (unreachable) {
    // The sign-in service does not answer: the token serves until it expires, and renewal is tried at the next call.
    issuerUnreachable = true;
    return session.expiresAt > Date.now() + 5_000 ? session : null;
  }
  issuerUnreachable = false;
  if (answer.status === 400 || answer.status === 401) {
    // The sign-in has ended: its day is over, or it was signed out elsewhere. The agent signs in again; what was
    // captured offline stays on the workstation, theirs.
    sessionStorage.removeItem(SESSION);
    window.dispatchEvent(new CustomEvent('guichet:fin-de-session'));
    return null;
  }
  if (!answer.ok) {
    return session.expiresAt > Date.now() + 5_000 ? session : null;
  }
  return keep(session, await answer.json());
}

/** Who the token says the agent is: username, roles and section. */
export function agentOf(session) {
  const payload = session.accessToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const claims = JSON.parse(decodeURIComponent(Array.from(atob(payload), c => '%' + c.charCodeAt(0).toString(16).padStart(2, '0')).join('')));
  return { username: claims.sub, roles: claims.roles || [], section: claims.section || null };
}

/**
 * Ends the sign-in: the refresh token is revoked at the issuer (no new access token is given for it; the last one
 * expires within minutes), the tokens leave the tab, and the issuer's own session is closed.
 */
export async function signOut(config) {
  const session = stored();
  sessionStorage.removeItem(SESSION);
  if (session && session.refreshToken && session.issuer.revoke) {
    try {
      await fetch(session.issuer.revoke, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token: session.refreshToken, token_type_hint: 'refresh_token', client_id: session.clientId }),
      });
    } catch (unreachable) {
      // The sign-in service does not answer: the refresh token, gone from the tab, ends with its day.
    }
  }
  const query = new URLSearchParams({ post_logout_redirect_uri: redirectUri(), client_id: config.clientId });
  if (session && session.idToken) {
    query.set('id_token_hint', session.idToken);
  }
  window.location.assign((session && session.issuer.logout ? session.issuer.logout : config.issuer + '/connect/logout') + '?' + query);
}
