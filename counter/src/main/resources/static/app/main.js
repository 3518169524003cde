// The counter: sign in, find or register a person, file the benefits and print their receipts, work the
// queues; the status of each benefit always in view. Plain DOM, no framework, no build step: what the gateway
// serves is what runs. This module routes; each screen is a module of its own.

import { agentOf, completeSignIn, configuration, currentSession, signIn, signOut } from './auth.js';
import { refreshBanner } from './banner.js';
import { capturedView, correctView, ensureCaptureKey } from './capture.js';
import { h, show, showLast } from './dom.js';
import { benefitModule } from './forms.js';
import { householdView } from './household.js';
import { ROLES } from './messages.js';
import { forgetFiled, useCaptureKey } from './offline.js';
import { paperKitView } from './paper-kit.js';
import { parametersView } from './parameters.js';
import { paymentRunView } from './payments.js';
import { personView, situationView } from './person.js';
import { queueView } from './queues.js';
import { reportView } from './report.js';
import { home, registerView, searchView } from './search.js';
import { SEEN, agent, config, hasRole, leaving, setAgent, setConfig, setLeaving } from './session.js';

function route() {
  if (leaving) {
    return;
  }
  const [, view, id, detail] = (window.location.hash || '#/').split('/');
  // The current page, marked in the navigation (issue #36: it was not).
  document.querySelectorAll('#navigation a').forEach(link => {
    if (link.getAttribute('href') === '#/' + view) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  });
  // A benefit's filing form and its file's page, at the screens its declaration names (/counter/config).
  const benefit = id ? config.benefits.find(b => b.form === '#/' + view + '/' || b.file === '#/' + view + '/') : null;
  if (benefit) {
    benefitScreen(benefit, view, id, detail);
    return;
  }
  if (view === 'recherche') {
    searchView();
  } else if (view === 'enregistrer') {
    registerView();
  } else if (view === 'personne' && id) {
    personView(id);
  } else if (view === 'dossiers') {
    queueView();
  } else if (view === 'rapports') {
    reportView();
  } else if (view === 'parametres') {
    parametersView(agent);
  } else if (view === 'paiements') {
    paymentRunView();
  } else if (view === 'kit-papier') {
    paperKitView();
  } else if (view === 'situation' && id) {
    situationView(id);
  } else if (view === 'foyer' && id) {
    householdView(id);
  } else if (view === 'hors-ligne') {
    capturedView();
  } else if (view === 'corriger' && id) {
    correctView(id);
  } else {
    home();
  }
}

/** The declared benefit's form (its renewal: `#/<form>/<person>/renouvellement`) or its file's page, from its module. */
async function benefitScreen(benefit, view, id, detail) {
  const hash = window.location.hash;
  const module = await benefitModule(benefit.code);
  if (window.location.hash !== hash) {
    return;
  }
  if (!module) {
    home();
  } else if (benefit.form === '#/' + view + '/') {
    module.form(id, undefined, detail === 'renouvellement');
  } else {
    module.fileView(id);
  }
}

/**
 * Sign-out on a workstation others use: the persons seen in this tab are forgotten, and so are this agent's offline
 * captures their service has applied (those still to send stay, theirs, until they sign in again).
 */
async function leave() {
  setLeaving(true);
  sessionStorage.removeItem(SEEN);
  useCaptureKey(null);
  try {
    await forgetFiled(agent.username);
  } finally {
    await signOut(config);
  }
}

function showAgent() {
  const roles = agent.roles.map(role => ROLES[role] || role).join(', ');
  document.getElementById('agent').replaceChildren(
      h('span', {}, agent.username + ' — ' + roles + (agent.section ? ', section ' + agent.section : ', toutes sections')),
      h('button', { type: 'button', onclick: leave }, 'Se déconnecter'));
  document.querySelector('#navigation ul').append(h('li', {}, h('a', { href: '#/dossiers' }, 'Dossiers à traiter')));
  if (hasRole('SECTION_DIRECTOR', 'SUPERVISOR')) {
    document.querySelector('#navigation ul').append(h('li', {}, h('a', { href: '#/rapports' }, 'Rapports')));
  }
  if (hasRole('ADMINISTRATOR', 'SUPERVISOR')) {
    document.querySelector('#navigation ul').append(h('li', {}, h('a', { href: '#/parametres' }, 'Paramètres')));
  }
  if (hasRole('SUPERVISOR')) {
    document.querySelector('#navigation ul').append(h('li', {}, h('a', { href: '#/paiements' }, 'Paiements mensuels')));
  }
  if (agent.section) {
    document.querySelector('#navigation ul').append(h('li', {}, h('a', { href: '#/kit-papier' }, 'Kit papier')));
  }
  document.querySelector('#navigation ul').append(h('li', {},
      h('a', { href: '#/hors-ligne', id: 'lien-hors-ligne' }, 'Saisies hors ligne')));
  document.getElementById('navigation').hidden = false;
}

function showSignIn(text, page = show) {
  page('Connexion', h('p', {}, text),
      h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => signIn(config) }, 'Se connecter')));
}

async function start() {
  try {
    setConfig(await configuration());
    await completeSignIn(config);
  } catch (failure) {
    show('Connexion impossible', h('p', { class: 'resume-erreurs', role: 'alert' },
        'Le guichet ne parvient pas à joindre le service de connexion. Vérifiez la connexion du poste, puis rechargez la page.'));
    return;
  }
  const session = currentSession();
  if (!session) {
    showSignIn('Connectez-vous avec votre identifiant d\'agent pour utiliser le guichet.');
    return;
  }
  window.addEventListener('guichet:fin-de-session', () => {
    if (!leaving) {
      setLeaving(true);
      document.getElementById('navigation').hidden = true;
      document.getElementById('agent').replaceChildren();
      showSignIn('Votre session a pris fin (fin de la journée de connexion, ou déconnexion). Reconnectez-vous pour '
          + 'continuer ; les demandes saisies hors ligne restent sur ce poste et seront transmises à votre retour.', showLast);
    }
  });
  setAgent(agentOf(session));
  showAgent();
  await ensureCaptureKey();
  // The status of each benefit, every 15 s; what was captured offline is sent as soon as the gateway answers again
  // (then, and when the network comes back).
  refreshBanner();
  setInterval(refreshBanner, 15_000);
  window.addEventListener('online', refreshBanner);
  window.addEventListener('hashchange', route);
  route();
}

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js').catch(() => {});
}
start();
