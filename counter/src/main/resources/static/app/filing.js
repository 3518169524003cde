// Filing an application and what the person takes away: the receipt, its PDF, a letter; a paper form typed in.

import { call, download } from './api.js';
import { refreshBanner } from './banner.js';
import { capturedReceiptView } from './capture.js';
import { busy, field, h, show, showErrors, showProblem, value } from './dom.js';
import { date, dateTime, isoDate, statusInFrench } from './messages.js';
import { capture, forget, hasCaptureKey } from './offline.js';
import { lapseDate, parisInstant } from './rules.js';
import { agent } from './session.js';

/**
 * Files an application; shows the receipt, or the refusal on the form. When the gateway cannot be reached (or says that
 * the service and its queue are both down), the application is captured on this counter under a reserved number.
 * A correction is filed again with the reception time of the application it corrects.
 */
export async function file(form, path, body, benefit, { name, birthDate }, fieldOf, correction) {
  if (!correction && value(form, 'paper.receipt')) {
    await filePaper(form, path, body, benefit, { name, birthDate }, fieldOf);
    return;
  }
  busy(form, true);
  const command = correction ? { ...body, receivedAt: correction.receivedAt } : body;
  // One key for the application, online and, if it cannot be sent, captured: had it reached its service before the
  // connection dropped, it is still applied once. The birth date lets the person follow a queued application on the
  // public page before its service applies it.
  const key = crypto.randomUUID();
  const answer = await call('POST', path, command, key, birthDate ? { 'Guichet-Birth-Date': birthDate } : {});
  busy(form, false);
  if (answer.status === 201 || answer.status === 202) {
    if (correction) {
      await forget(correction.key);
    }
    receiptView(benefit, name, { beneficiaryId: body.beneficiaryId, ...answer.body }, answer.status === 202);
    return;
  }
  const unreachable = answer.status === 0 || answer.status === 502 || answer.status === 504
      || (answer.body && answer.body.type === 'urn:guichet:problem:capture-offline');
  if (unreachable && correction) {
    showErrors(form, [], 'Le serveur est injoignable : la correction pourra être déposée à son retour.');
    return;
  }
  if (unreachable) {
    const item = await capture({ key, path, body, benefit, name, birthDate, beneficiaryId: body.beneficiaryId,
      section: agent.section, agent: agent.username });
    if (!item) {
      showErrors(form, [], hasCaptureKey()
        ? 'Le serveur est injoignable et ce poste n\'a plus de numéro de récépissé réservé : remplissez le'
          + ' formulaire papier de la prestation, qui porte son propre numéro.'
        : 'Le serveur est injoignable et cette session n\'a pas pu préparer la saisie hors ligne (connexion ouverte sans'
          + ' le serveur) : remplissez le formulaire papier de la prestation, qui porte son propre numéro.');
      return;
    }
    refreshBanner();
    capturedReceiptView(item);
    return;
  }
  if (answer.status === 409 && answer.body && answer.body.type === 'urn:guichet:problem:repeat-filing' && answer.body.confirmable) {
    // An aid may be asked again: the agent confirms that this one is not the same request typed twice.
    showErrors(form, [], 'La personne a déjà déposé une demande de ce type (n° ' + answer.body.existing + ', '
        + statusInFrench(answer.body.existingStatus).toLowerCase() + ') il y a moins de 30 jours.');
    form.querySelector('.resume-erreurs').append(h('p', {}, 'S\'il s\'agit d\'un nouveau besoin, déposez-la quand même ; '
        + 'sinon, ouvrez la demande existante depuis le dossier de la personne.'),
    h('button', { type: 'button', onclick: () => file(form, path, { ...body, repeatConfirmed: true }, benefit, { name, birthDate },
        fieldOf, correction) }, 'Déposer quand même'));
    return;
  }
  showProblem(form, answer, fieldOf);
}

/** The decision letter (PDF), fetched with the agent's token, opened in a new tab to read or print. */
export function letterButton(path) {
  return h('button', { type: 'button', class: 'secondaire', onclick: () => openPdf(path,
      'La lettre ne peut pas être ouverte pour le moment.') }, 'Ouvrir la lettre de décision');
}

/** A document of the API (a letter, a receipt), opened in a new tab to print. */
export async function openPdf(path, failure) {
  const file = await download(path, 'application/pdf');
  if (!file.blob) {
    window.alert(failure);
    return;
  }
  window.open(URL.createObjectURL(file.blob), '_blank');
}

/** Where a receipt's PDF is: named after its person (the gateway asks the registry with the agent's token). */
function receiptPdf(number, beneficiaryId, ticket) {
  const query = [ticket ? 'format=ticket' : null, beneficiaryId ? 'beneficiaryId=' + beneficiaryId : null].filter(Boolean);
  return '/api/receipts/' + number + '/pdf' + (query.length ? '?' + query.join('&') : '');
}

/** The receipt of an application, printed again from its page (issue #36: a reload lost it, and no page offered it again). */
export function reprintButton(receipt, beneficiaryId) {
  return receipt && receipt.number ? h('button', { type: 'button', class: 'secondaire', onclick: () => openPdf(
      receiptPdf(receipt.number, beneficiaryId),
      'Le récépissé n\'est pas disponible pour le moment : réessayez dans quelques instants.') },
  'Réimprimer le récépissé') : null;
}

/** The récépissé: what the person takes away, printable. */
function receiptView(benefit, name, filed, queued, note) {
  const receipt = filed.receipt || filed;
  show('Demande reçue',
      h('div', { class: 'succes', role: 'status' }, note || (queued
        ? 'Le service est momentanément indisponible : la demande est reçue et sera instruite dès son retour.'
        : 'La demande est enregistrée.')),
      h('div', { class: 'recepisse' },
          h('p', {}, 'Centre d\'action sociale de la Ville de Paris'),
          h('h2', {}, 'Récépissé de dépôt de demande'),
          h('p', { class: 'numero' }, receipt.number),
          h('dl', { class: 'fiche' },
              h('dt', {}, 'Prestation'), h('dd', {}, benefit),
              name ? [h('dt', {}, 'Personne'), h('dd', {}, name)] : null,
              filed.number ? [h('dt', {}, 'Numéro de demande'), h('dd', {}, filed.number)] : null,
              h('dt', {}, 'Date de réception faisant foi'), h('dd', {}, dateTime(receipt.receivedAt) + ' (heure de Paris)'),
              h('dt', {}, 'État'), h('dd', {}, statusInFrench(receipt.status)),
              (filed.missingDocuments || []).length ? [h('dt', {}, 'Pièces à apporter'),
                h('dd', {}, filed.missingDocuments.join(', ') + ' — à apporter à la section au plus tard le '
                    + date(lapseDate(receipt.receivedAt, 2)) + ', sans quoi la demande devient caduque')] : null),
          h('p', {}, 'Conservez ce récépissé : son numéro permet de suivre la demande auprès de votre section.'
              + ' Vos droits sont ouverts à la date de réception ci-dessus.')),
      h('div', { class: 'actions' },
          h('button', { type: 'button', onclick: () => window.print() }, 'Imprimer le récépissé'),
          h('button', { type: 'button', class: 'secondaire', onclick: () => openPdf(receiptPdf(receipt.number, filed.beneficiaryId),
              'Le récépissé en PDF n\'est pas disponible pour le moment : imprimez-le depuis cet écran.') }, 'Récépissé en PDF'),
          h('button', { type: 'button', class: 'secondaire', onclick: () => openPdf(receiptPdf(receipt.number, filed.beneficiaryId, true),
              'Le récépissé n\'est pas disponible pour le moment : imprimez-le depuis cet écran.') },
          'Ticket (imprimante de caisse)'),
          h('a', { class: 'bouton secondaire', href: '#/personne/' + (filed.beneficiaryId || '') }, 'Retour au dossier')));
}

/** On a filing form: the number printed on a paper form and the reception time written on it, when typing one in. */
export function paperFields() {
  return h('details', { class: 'papier' }, h('summary', {}, 'Saisie d\'un formulaire papier (panne totale)'),
      h('p', { class: 'aide' }, 'Seulement pour recopier un formulaire papier du kit : la demande garde son numéro et sa date '
          + 'de réception.'),
      field('paper.receipt', 'Numéro imprimé sur le formulaire', { help: 'Par exemple K7QD-2M90-000C.' }),
      field('paper.date', 'Reçue le', { inputmode: 'numeric', help: 'La date notée sur le formulaire, au format JJ/MM/AAAA.' }),
      field('paper.time', 'À', { inputmode: 'numeric', help: 'L\'heure notée sur le formulaire, au format HH:MM.' }));
}

/** A paper form typed in: sent with its printed number and written reception time, queued to its service. */
async function filePaper(form, path, body, benefit, { name, birthDate }, fieldOf) {
  form.querySelector('details.papier').open = true;
  const errors = [];
  const day = isoDate(value(form, 'paper.date'));
  const time = value(form, 'paper.time').replace(/\s*h\s*/i, ':');
  if (!day) {
    errors.push({ field: 'paper.date', message: 'la date notée sur le formulaire, au format JJ/MM/AAAA' });
  }
  if (!/^([01]?\d|2[0-3]):[0-5]\d$/.test(time)) {
    errors.push({ field: 'paper.time', message: 'l\'heure notée sur le formulaire, au format HH:MM' });
  }
  if (errors.length) {
    showErrors(form, errors);
    return;
  }
  busy(form, true);
  const answer = await call('POST', '/api/counter/captured', { receipt: value(form, 'paper.receipt'),
    receivedAt: parisInstant(day, time.padStart(5, '0')), path, body, birthDate: birthDate || undefined });
  busy(form, false);
  if (answer.status === 202 || answer.status === 200) {
    receiptView(benefit, name, { beneficiaryId: body.beneficiaryId, ...answer.body }, true,
        answer.body.alreadyReceived ? 'Ce formulaire avait déjà été saisi : rien n\'est déposé une seconde fois.'
          : 'Le formulaire papier est saisi : la demande garde son numéro et sa date de réception.');
    return;
  }
  showProblem(form, answer, field => ({ receipt: 'paper.receipt', receivedAt: 'paper.date' })[field] || fieldOf(field));
}
