// What every screen shares: the configuration and the signed-in agent, and how a screen loads its data.

import { get } from './api.js';
import { h, show } from './dom.js';
import { problemInFrench } from './messages.js';

export let config;
export let agent;

export function setConfig(next) {
  config = next;
}

export function setAgent(next) {
  agent = next;
}

/** True once the agent signs out or their session ends: the screens stop reacting. */
export let leaving = false;

export function setLeaving(next) {
  leaving = next;
}

export function hasRole(...roles) {
  return agent.roles.some(role => roles.includes(role));
}

// The persons seen in this tab, so that their forms still open while the gateway cannot be reached (kept in the tab's
// session storage only: gone when the tab is closed).
export const SEEN = 'guichet.personnes';

/** Shows the screen's title while its data loads; its data, or null once the reason it failed is on the screen. */
export async function load(title, path) {
  show(title, h('p', {}, 'Chargement…'));
  const answer = await get(path);
  if (answer.status !== 200) {
    show(title, h('p', { class: 'resume-erreurs', role: 'alert' }, problemInFrench(answer.body, answer.status)));
    return null;
  }
  return answer.body;
}

export async function personAnswer(beneficiaryId) {
  const answer = await get('/api/beneficiaries/' + beneficiaryId);
  const seen = JSON.parse(sessionStorage.getItem(SEEN) || '{}');
  if (answer.status === 200) {
    seen[beneficiaryId] = answer.body;
    const ids = Object.keys(seen);
    ids.slice(0, Math.max(0, ids.length - 20)).forEach(id => delete seen[id]);
    sessionStorage.setItem(SEEN, JSON.stringify(seen));
  } else if (answer.status === 0 && seen[beneficiaryId]) {
    return { status: 200, body: seen[beneficiaryId], offline: true };
  }
  return answer;
}

export async function personOr(beneficiaryId, title) {
  const person = await personAnswer(beneficiaryId);
  if (person.status !== 200) {
    show(title, h('p', { class: 'resume-erreurs', role: 'alert' }, problemInFrench(person.body, person.status)));
    return null;
  }
  return person.body;
}
