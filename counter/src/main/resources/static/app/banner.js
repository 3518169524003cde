// The status banner: each benefit's availability, always in view, and the notices a form shows of it.

import { get } from './api.js';
import { renewalBlocked } from './auth.js';
import { refreshCapturedCount, synchroniseAndShow } from './capture.js';
import { h } from './dom.js';
import { date, euros } from './messages.js';
import { agent, config, hasRole } from './session.js';


/** The last status board read: null while the gateway cannot be reached. */
let board = null;

export async function refreshBanner() {
  const banner = document.getElementById('bandeau');
  const answer = await get('/api/status');
  board = answer.status === 200 ? answer.body : null;
  await refreshCapturedCount();
  if (answer.status !== 200) {
    banner.replaceChildren(h('p', {}, 'Le guichet ne joint pas le serveur. Continuez à déposer les demandes : elles sont '
        + 'enregistrées sur ce poste, le récépissé porte un numéro réservé à ce guichet, et elles seront transmises dès le '
        + 'retour du serveur (', h('a', { href: '#/hors-ligne' }, 'saisies hors ligne'), ').'));
    return;
  }
  synchroniseAndShow();
  const lines = [];
  if (renewalBlocked()) {
    lines.push(h('p', {}, 'Le service de connexion ne répond pas et votre session n\'a pas pu être prolongée. Continuez à '
        + 'déposer les demandes : elles sont enregistrées sur ce poste et seront transmises dès son retour ('
        , h('a', { href: '#/hors-ligne' }, 'saisies hors ligne'), ').'));
  }
  if (board.message) {
    lines.push(h('p', {}, 'Message du superviseur : ', board.message));
  }
  for (const service of board.services) {
    if (service.availability === 'DEGRADED') {
      lines.push(h('p', {}, service.label + ' : service momentanément indisponible. Les demandes sont reçues maintenant'
          + ' et seront instruites dès son retour (récépissé remis).'));
    } else if (service.availability === 'UNAVAILABLE') {
      lines.push(h('p', {}, service.label + ' : indisponible, et la file d\'attente aussi. Notez la demande sur papier.'));
    }
    if (service.message) {
      lines.push(h('p', {}, service.label + ' : ', service.message));
    }
  }
  if (agent && hasRole('SECTION_DIRECTOR', 'SUPERVISOR')) {
    // Every benefit whose amounts rest on dated figures (the declaration's dated-figures) says which are overdue.
    const dated = (config?.benefits ?? []).filter(benefit => benefit.figures && benefit.figures !== 'NONE');
    const answers = await Promise.all(dated.map(benefit => get('/api/' + benefit.code + '/parameters/stale')));
    dated.forEach((benefit, i) => {
      const stale = answers[i];
      if (stale.status === 200 && stale.body.length > 0) {
        lines.push(h('p', { class: 'chiffres-perimes' }, 'Chiffres à revaloriser (' + benefit.name + ') : ',
            stale.body.map(w => w.label + ', ' + euros(w.value) + ' depuis le ' + date(w.inForceSince)
                + ' (revalorisation attendue le ' + date(w.dueSince) + ')').join(' ; '),
            '. Les montants calculés avec ces chiffres peuvent être faux.'));
      }
    });
  }
  banner.replaceChildren(...lines);
}

/**
 * The figures an amount rests on whose revaluation is overdue (the answer's {@code warnings}, or the stale figures of
 * a month): each named, with its value and since when. Nothing when there are none.
 */
export function staleFiguresNotice(warnings) {
  if (!warnings || warnings.length === 0) {
    return null;
  }
  return h('div', { class: 'avertissement', role: 'note' },
      h('p', {}, h('strong', {}, 'Attention : chiffre non revalorisé.')),
      h('ul', {}, warnings.map(w => h('li', {}, w.message))));
}

/** On a filing form: what happens to the application if its benefit, or the whole server side, is down now. */
export function availabilityNotice(service) {
  if (!board) {
    return h('p', { class: 'info', role: 'note' }, 'Le serveur est injoignable : la demande sera enregistrée sur ce poste,'
        + ' son récépissé imprimé avec un numéro réservé à ce guichet, et elle sera transmise dès son retour.');
  }
  const state = board.services.find(s => s.name === service);
  if (state && state.availability !== 'AVAILABLE') {
    return h('p', { class: 'info', role: 'note' }, state.label + ' : service momentanément indisponible. La demande sera'
        + ' reçue maintenant, avec un récépissé, et instruite dès son retour.');
  }
  return null;
}
