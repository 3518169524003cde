// An exceptional aid's page: where it stands, its documents, its examination and its decision.

import { post, put } from './api.js';
import { fourEyesNote } from './decisions.js';
import { busy, field, h, sendsCommand, show, showErrors, showProblem, value } from './dom.js';
import { letterButton, reprintButton } from './filing.js';
import { CATEGORIES, date, dateTime, euros, statusInFrench } from './messages.js';
import { REFUSALS, TRANSITIONS } from './queues.js';
import { amountOf, ibanProblem } from './rules.js';
import { agent, hasRole, load } from './session.js';

/** An application for exceptional aid: where it stands, its history, and the step this agent may take. */
export async function applicationView(id) {
  const a = await load('Demande d\'allocation exceptionnelle', '/api/aid/applications/' + id);
  if (!a) {
    return;
  }
  const decision = a.decisions.length ? a.decisions[a.decisions.length - 1] : null;
  const parts = [
    h('div', { class: 'carte' }, h('dl', { class: 'fiche' },
        h('dt', {}, 'Numéro'), h('dd', {}, a.number),
        h('dt', {}, 'État'), h('dd', {}, statusInFrench(a.status)),
        h('dt', {}, 'Reçue le'), h('dd', {}, dateTime(a.receivedAt)),
        h('dt', {}, 'Motif'), h('dd', {}, (CATEGORIES.find(([code]) => code === a.category) || [null, ''])[1]),
        h('dt', {}, 'Montant demandé'), h('dd', {}, euros(a.requestedAmount)),
        h('dt', {}, 'Situation'), h('dd', {}, a.reason),
        h('dt', {}, 'Pièces manquantes'), h('dd', {}, a.missingDocuments.length ? a.missingDocuments.join(', ') : 'aucune'),
        a.examination ? [h('dt', {}, 'Instruction'), h('dd', {}, a.examination.assessment
            + (a.examination.proposedAmount ? ' (montant proposé : ' + euros(a.examination.proposedAmount) + ')' : ''))] : null,
        decision ? [h('dt', {}, 'Décision'), h('dd', {}, decision.outcome === 'GRANTED'
            ? 'Accordée : ' + euros(decision.amount) + ' le ' + date(decision.decisionDate)
            : 'Refusée le ' + date(decision.decisionDate) + ' (' + ((REFUSALS.find(([code]) => code === decision.reasonCode) || [null, ''])[1]) + ')')] : null)),
    h('div', { class: 'actions' },
        h('a', { class: 'bouton secondaire', href: '#/personne/' + a.beneficiaryId }, 'Dossier de la personne'),
        reprintButton(a.receipt, a.beneficiaryId),
        decision ? letterButton('/api/aid/applications/' + a.id + '/letter') : null),
  ];
  if (a.missingDocuments.length && ['RECEIVED', 'UNDER_EXAMINATION', 'APPEALED'].includes(a.status)
      && hasRole('AGENT', 'SOCIAL_WORKER', 'SECTION_DIRECTOR')) {
    parts.push(documentsForm(a));
  }
  if (['RECEIVED', 'UNDER_EXAMINATION'].includes(a.status) && hasRole('SOCIAL_WORKER', 'SECTION_DIRECTOR')
      && !(hasRole('SECTION_DIRECTOR') && a.status === 'UNDER_EXAMINATION')) {
    parts.push(examinationForm(a));
  }
  if (['UNDER_EXAMINATION', 'APPEALED'].includes(a.status) && hasRole('SECTION_DIRECTOR')) {
    const ownFile = a.filedBy === agent.username || (a.examination && a.examination.examinedBy === agent.username);
    parts.push(ownFile
      ? fourEyesNote()
      : decisionForm(a));
  }
  if (a.status === 'REFUSED' && hasRole('AGENT', 'SOCIAL_WORKER', 'SECTION_DIRECTOR')) {
    parts.push(appealForm(a));
  }
  if (a.status === 'PAYMENT_FAILED' && hasRole('AGENT', 'SOCIAL_WORKER', 'SECTION_DIRECTOR')) {
    parts.push(a.pendingPayee ? payeeConfirmation(a) : payeeForm(a));
  }
  parts.push(h('h2', {}, 'Historique'), h('table', {},
      h('thead', {}, h('tr', {}, ['Date', 'Étape', 'Par', 'Détail'].map(title => h('th', { scope: 'col' }, title)))),
      h('tbody', {}, a.history.map(step => h('tr', {}, h('td', {}, dateTime(step.at)),
          h('td', {}, TRANSITIONS[step.transition] || 'Étape'), h('td', {}, step.agent ? step.agent.split(' ')[0] : 'le service'),
          h('td', {}, step.transition === 'PAYMENT_ORDERED' ? 'ordre de paiement ' + (step.detail || '') : (step.detail || '')))))));
  show('Demande ' + a.number, ...parts);
}

/**
 * The documents brought since the filing, ticked as received (issue #36: nobody could record them, and the aid lapsed
 * after two months though the person had brought them); what stays unticked is still missing.
 */
function documentsForm(a) {
  const form = h('form', { novalidate: true, class: 'carte' }, h('h2', {}, 'Pièces reçues'),
      h('p', {}, 'Cochez les pièces que la personne a apportées. Tant qu\'une pièce manque, la demande ne peut pas être décidée ; '
          + 'elle devient caduque si elle n\'est pas complète deux mois après sa réception.'),
      h('fieldset', { class: 'motifs', 'data-champ': 'missingDocuments' }, h('legend', {}, 'Pièces manquantes à la réception'),
          a.missingDocuments.map((document, i) => h('div', {},
              h('input', { type: 'checkbox', id: 'piece-' + i, name: 'received', value: document }), ' ',
              h('label', { for: 'piece-' + i, class: 'en-ligne' }, document)))),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Enregistrer les pièces reçues')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const received = Array.from(form.querySelectorAll('input[name=received]:checked')).map(box => box.value);
    if (received.length === 0) {
      showErrors(form, [{ field: 'missingDocuments', message: 'cochez au moins une pièce reçue' }]);
      return;
    }
    const stillMissing = a.missingDocuments.filter(document => !received.includes(document));
    busy(form, true);
    const answer = await put('/api/aid/applications/' + a.id + '/missing-documents', { missingDocuments: stillMissing });
    busy(form, false);
    if (answer.status === 200) {
      await applicationView(a.id);
      document.querySelector('#contenu h1').after(h('p', { class: 'info', role: 'status' }, stillMissing.length
        ? 'Pièces enregistrées. Il manque encore : ' + stillMissing.join(', ') + '.'
        : 'Pièces enregistrées : le dossier est complet.'));
      return;
    }
    showProblem(form, answer);
  });
  return form;
}

function examinationForm(a) {
  const form = h('form', { novalidate: true, class: 'carte' }, h('h2', {}, 'Instruire la demande'),
      field('assessment', 'Évaluation de la situation', { required: true, multiline: true }),
      field('proposedAmount', 'Montant proposé (€)', { inputmode: 'decimal', help: 'Facultatif.' }),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Enregistrer l\'instruction')));
  return sendsCommand(form, () => post('/api/aid/applications/' + a.id + '/examination', { assessment: value(form, 'assessment'),
    proposedAmount: value(form, 'proposedAmount') ? amountOf(value(form, 'proposedAmount')) : undefined }),
  () => applicationView(a.id));
}

function decisionForm(a) {
  const form = h('form', { novalidate: true, class: 'carte' }, h('h2', {}, 'Décider'),
      h('fieldset', { class: 'choix', 'data-champ': 'outcome' }, h('legend', {}, 'Décision'),
          h('input', { type: 'radio', id: 'decision-accord', name: 'outcome', value: 'GRANTED' }),
          h('label', { for: 'decision-accord' }, 'Accorder'),
          h('input', { type: 'radio', id: 'decision-refus', name: 'outcome', value: 'REFUSED' }),
          h('label', { for: 'decision-refus' }, 'Refuser')),
      field('amount', 'Montant accordé (€)', { inputmode: 'decimal', help: 'Pour un accord.',
        value: a.examination && a.examination.proposedAmount ? String(a.examination.proposedAmount).replace('.', ',') : '' }),
      field('reasonCode', 'Motif du refus', { choices: REFUSALS, help: 'Pour un refus.' }),
      field('reasonText', 'Précisions pour la lettre', { multiline: true, help: 'Obligatoire pour « Autre motif ».' }),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Enregistrer la décision')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const outcome = form.elements.namedItem('outcome').value;
    if (!outcome) {
      showErrors(form, [{ field: 'outcome', message: 'choisissez Accorder ou Refuser' }]);
      return;
    }
    const amount = value(form, 'amount') ? amountOf(value(form, 'amount')) : null;
    busy(form, true);
    const answer = await post('/api/aid/applications/' + a.id + '/decision', outcome === 'GRANTED'
      ? { outcome, amount, reasonText: value(form, 'reasonText') || undefined }
      : { outcome, reasonCode: value(form, 'reasonCode') || null, reasonText: value(form, 'reasonText') || undefined });
    busy(form, false);
    if (answer.status === 200) {
      applicationView(a.id);
      return;
    }
    showProblem(form, answer);
    if (answer.body && answer.body.type === 'urn:guichet:problem:cap-exceeded') {
      form.querySelector('.resume-erreurs').append(h('p', {}, 'Il reste ' + euros(answer.body.remaining)
          + ' sur le plafond de ' + euros(answer.body.cap) + ' (déjà accordé : ' + euros(answer.body.used) + ').'));
    }
  });
  return form;
}

/**
 * A recours gracieux against a refusal (issue #36: the API had it, no screen did): the person's reasons, recorded by an
 * agent; the application goes back to a director, never the one who refused it (four-eyes).
 */
function appealForm(a) {
  const form = h('form', { novalidate: true, class: 'carte' }, h('h2', {}, 'Recours gracieux'),
      h('p', {}, 'La personne conteste le refus dans les deux mois : notez ses raisons. La demande revient à un directeur de la '
          + 'section, autre que celui qui a refusé.'),
      field('reason', 'Raisons du recours', { required: true, multiline: true }),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Enregistrer le recours')));
  return sendsCommand(form, () => post('/api/aid/applications/' + a.id + '/appeal', { reason: value(form, 'reason') }),
      () => applicationView(a.id), () => (value(form, 'reason') ? [] : [{ field: 'reason', message: 'à renseigner' }]));
}

/** After a failed payment: the corrected payee, proposed by one agent (issue #36: no screen for it). */
function payeeForm(a) {
  const form = h('form', { novalidate: true, class: 'carte' }, h('h2', {}, 'Corriger le compte du paiement'),
      h('p', {}, 'Le virement a échoué (compte clos, IBAN erroné). Saisissez le bon compte : un autre agent de la section le '
          + 'confirmera, puis le paiement sera demandé à nouveau.'),
      field('kind', 'Payé à', { choices: [['BENEFICIARY', 'la personne elle-même'], ['CREDITOR', 'un créancier (bailleur, fournisseur)']],
        value: a.payee.kind }),
      field('accountHolder', 'Titulaire du compte', { help: 'Pour un créancier.',
        value: a.payee.kind === 'CREDITOR' ? a.payee.accountHolder : '' }),
      field('iban', 'IBAN', { required: true, help: 'Espaces acceptés.' }),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Proposer ce compte')));
  return sendsCommand(form, () => put('/api/aid/applications/' + a.id + '/payee', { kind: value(form, 'kind'),
    accountHolder: value(form, 'accountHolder') || undefined, iban: value(form, 'iban') }), () => applicationView(a.id),
  () => (ibanProblem(value(form, 'iban')) ? [{ field: 'iban', message: ibanProblem(value(form, 'iban')) }] : []));
}

/** The corrected payee waits for another agent's confirmation (four-eyes: the proposer cannot confirm it). */
function payeeConfirmation(a) {
  const p = a.pendingPayee;
  const own = p.proposedBy === agent.username;
  const form = h('form', { novalidate: true, class: 'carte' }, h('h2', {}, 'Nouveau compte à confirmer'),
      h('p', {}, 'Proposé par ' + p.proposedBy + ' le ' + dateTime(p.proposedAt) + ' : ' + p.iban
          + (p.accountHolder ? ' (' + p.accountHolder + ')' : '') + '.'),
      own ? h('p', { class: 'info' }, 'Règle des quatre yeux : un autre agent de la section confirme le compte que vous avez saisi.')
        : h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Confirmer et payer à nouveau')));
  return sendsCommand(form, () => post('/api/aid/applications/' + a.id + '/payee/confirmation', {}), () => applicationView(a.id));
}
