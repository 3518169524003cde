// What was captured on this workstation while the gateway could not be reached: receipts, list, corrections.

import { get } from './api.js';
import { currentSession } from './auth.js';
import { refreshBanner } from './banner.js';
import { h, show } from './dom.js';
import { benefitModule } from './forms.js';
import { dateTime, detailInFrench, problemInFrench, statusInFrench } from './messages.js';
import {
  DONE, REFUSED, SENT, WAITING, capturedOne, forget, hasCaptureKey, mine, numbersLeft, othersWaiting, reserveIfLow, synchronise, useCaptureKey,
} from './offline.js';
import { FIELD_LABELS } from './queues.js';
import { agent, config, leaving } from './session.js';


/** What a correction starts from: the application as captured, and a line that says why it is corrected. */
export function correctionNote(correction) {
  if (!correction) {
    return null;
  }
  return h('div', { class: 'info', role: 'note' },
      h('p', {}, 'Correction de la demande saisie hors ligne le ' + dateTime(correction.receivedAt) + ' (récépissé '
          + correction.receipt + '), refusée : ' + refusalOf(correction).join(' ; ') + '.'),
      h('p', {}, 'Elle est déposée à nouveau avec sa date de réception d\'origine, qui fait foi si elle date de moins de'
          + ' deux mois ; un nouveau récépissé est remis à la personne.'));
}

/** The printed receipt of an application captured on this counter, with its reserved number. */
export function capturedReceiptView(item) {
  show('Demande enregistrée sur ce poste',
      h('div', { class: 'succes', role: 'status' }, 'Le serveur est injoignable : la demande est enregistrée sur ce poste et'
          + ' sera transmise automatiquement dès son retour. Remettez le récépissé à la personne.'),
      h('div', { class: 'recepisse' },
          h('p', {}, 'Centre d\'action sociale de la Ville de Paris'),
          h('h2', {}, 'Récépissé de dépôt de demande'),
          h('p', { class: 'numero' }, item.receipt),
          h('dl', { class: 'fiche' },
              h('dt', {}, 'Prestation'), h('dd', {}, item.benefit),
              item.name ? [h('dt', {}, 'Personne'), h('dd', {}, item.name)] : null,
              h('dt', {}, 'Date de réception faisant foi'), h('dd', {}, dateTime(item.receivedAt) + ' (heure de Paris)'),
              h('dt', {}, 'État'), h('dd', {}, 'Reçue au guichet, transmission au service en attente')),
          h('p', {}, 'Conservez ce récépissé : son numéro permet de suivre la demande auprès de votre section.'
              + ' Vos droits sont ouverts à la date de réception ci-dessus.')),
      h('div', { class: 'actions' },
          h('button', { type: 'button', onclick: () => window.print() }, 'Imprimer le récépissé'),
          h('a', { class: 'bouton secondaire', href: '#/personne/' + (item.beneficiaryId || '') }, 'Retour au dossier'),
          h('a', { class: 'bouton secondaire', href: '#/hors-ligne' }, 'Saisies hors ligne')));
}

/** Why an application captured offline was refused, in French. */
export function refusalOf(item) {
  const problem = item.problem || {};
  const errors = (problem.errors || []).map(e => (CAPTURE_FIELDS[e.field] || FIELD_LABELS[e.field] || 'Un champ') + ' : '
      + detailInFrench(e.detail));
  if (errors.length) {
    return errors;
  }
  return [item.problem || !(item.reasons || []).length ? problemInFrench(problem, 400)
    : 'refusée par le service à sa reprise (voir « Dossiers à traiter »)'];
}

const CAPTURE_FIELDS = {
  series: 'Série de numéros', receipt: 'Numéro de récépissé', receivedAt: 'Date de réception', path: 'Demande',
  body: 'Demande', 'Idempotency-Key': 'Demande',
};

export const CAPTURE_STATES = {
  [WAITING]: 'En attente d\'envoi', [SENT]: 'Transmise, en attente du service', [DONE]: 'Enregistrée par le service',
  [REFUSED]: 'Refusée',
};

export async function refreshCapturedCount() {
  const waiting = (await mine(agent.username)).filter(item => item.state === WAITING || item.state === SENT || item.state === REFUSED);
  const link = document.getElementById('lien-hors-ligne');
  if (link) {
    link.textContent = 'Saisies hors ligne' + (waiting.length ? ' (' + waiting.length + ')' : '');
  }
}

/** The signed-in agent's key for offline captures, once per tab session, as soon as the gateway answers. */
export async function ensureCaptureKey() {
  if (hasCaptureKey()) {
    return;
  }
  const answer = await get('/api/counter/capture-key');
  if (answer.status === 200 && answer.body && answer.body.key) {
    useCaptureKey(answer.body.key);
  }
}

/** Sends what waits and, when anything changed and the agent looks at the list, shows it again. */
export async function synchroniseAndShow() {
  if (!currentSession() || leaving) {
    return;
  }
  await ensureCaptureKey();
  await reserveIfLow(agent.section);
  if (await synchronise(agent.username)) {
    await refreshCapturedCount();
    if ((window.location.hash || '').startsWith('#/hors-ligne')) {
      capturedView();
    }
  }
}

export async function capturedView() {
  const items = await mine(agent.username);
  const others = await othersWaiting(agent.username);
  const left = agent.section ? await numbersLeft(agent.section) : 0;
  const rows = items.map(item => h('tr', {},
      h('td', {}, dateTime(item.receivedAt)),
      h('td', {}, item.benefit),
      h('td', {}, item.name || ''),
      h('td', {}, item.receipt),
      h('td', {}, CAPTURE_STATES[item.state],
          item.state === DONE ? ' : ' + statusInFrench(item.status) + (item.applicationNumber ? ', demande '
              + item.applicationNumber : '') : '',
          item.state === REFUSED ? h('ul', {}, refusalOf(item).map(reason => h('li', {}, reason))) : null),
      h('td', {},
          h('button', { type: 'button', class: 'secondaire', onclick: () => capturedReceiptView(item) }, 'Récépissé'),
          item.state === REFUSED ? h('a', { class: 'bouton', href: '#/corriger/' + item.key }, 'Corriger') : null,
          item.state === DONE || item.state === REFUSED
            ? h('button', { type: 'button', class: 'secondaire', onclick: async () => { await forget(item.key); capturedView(); } },
                'Retirer de la liste')
            : null)));
  show('Saisies hors ligne',
      h('p', {}, 'Les demandes déposées pendant que le serveur était injoignable, sur ce poste. Elles sont transmises'
          + ' automatiquement, dans l\'ordre de leur dépôt, dès que le serveur répond ; chacune une seule fois.'),
      h('p', { class: 'info' }, 'Leur date de réception est celle du dépôt au guichet : elle fait foi si la demande parvient au'
          + ' service dans les deux mois (règlement municipal, titre I). Au-delà, la demande est refusée et doit être déposée'
          + ' à nouveau. ' + (agent.section ? 'Numéros de récépissé encore réservés pour ce poste : ' + left + '.' : '')),
      rows.length
        ? h('table', {}, h('caption', {}, rows.length === 1 ? '1 demande' : rows.length + ' demandes'),
            h('thead', {}, h('tr', {}, ['Reçue le', 'Prestation', 'Personne', 'Récépissé', 'État', 'Actions']
                .map(title => h('th', { scope: 'col' }, title)))), h('tbody', {}, rows))
        : h('p', {}, 'Aucune demande saisie hors ligne sur ce poste.'),
      others ? h('p', { class: 'info' }, (others === 1 ? '1 demande saisie' : others + ' demandes saisies')
          + ' hors ligne sur ce poste par un autre agent attend' + (others === 1 ? '' : 'ent')
          + ' qu\'il se connecte : elle' + (others === 1 ? ' sera transmise' : 's seront transmises')
          + ' en son nom.') : null,
      h('div', { class: 'actions' }, h('button', { type: 'button', onclick: refreshBanner }, 'Transmettre maintenant')));
}

export async function correctView(key) {
  const item = await capturedOne(key);
  if (!item || item.state !== REFUSED) {
    capturedView();
    return;
  }
  // The form of the benefit the capture was filed to (its declared files' address), filled with what was captured.
  const benefit = config.benefits.find(b => b.files === item.path);
  const module = benefit ? await benefitModule(benefit.code) : null;
  if (module) {
    module.form(item.beneficiaryId, item);
  } else {
    capturedView();
  }
}
