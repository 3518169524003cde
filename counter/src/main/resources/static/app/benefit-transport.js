// Navigo at the counter: its filing form, and its pass's page (its four-eyes decision, the card, the participation,
// the cancellation).

import { post, put } from './api.js';
import { availabilityNotice } from './banner.js';
import { correctionNote } from './capture.js';
import { fourEyesNote, refusalOrGrantForm } from './decisions.js';
import { field, h, sendsCommand, show, value } from './dom.js';
import { file, letterButton, paperFields, reprintButton } from './filing.js';
import { date, dateTime, euros, productInFrench, statusInFrench } from './messages.js';
import { REASONS, factsOf, reasonsInFrench, reasonsOf } from './rules.js';
import { agent, hasRole, load, personOr } from './session.js';

export async function navigoView(beneficiaryId, correction) {
  const draft = correction ? correction.body : {};
  const title = 'Demande de Navigo';
  show(title, h('p', {}, 'Chargement…'));
  const person = await personOr(beneficiaryId, title);
  if (!person) {
    return;
  }
  const s = person.situation;
  const name = s.identity.firstNames + ' ' + s.identity.lastName;
  const facts = factsOf(s);
  const estimate = h('div', { 'aria-live': 'polite' });
  const form = h('form', { novalidate: true },
      correctionNote(correction),
      availabilityNotice('transport'),
      estimate,
      field('navigoCardNumber', 'Numéro de la carte Navigo', { required: true, help: '8 à 20 lettres et chiffres, espaces acceptés.',
        value: draft.navigoCardNumber }),
      field('zones', 'Zones', { required: true, value: draft.zones || '1-2', choices: [['1-2', 'Zones 1-2'], ['1-5', 'Zones 1-5']] }),
      h('div', { class: 'champ' }, h('input', { type: 'checkbox', id: 'champ-receivesParisBenefit', name: 'receivesParisBenefit',
        checked: Boolean(draft.receivesParisBenefit) }),
          ' ', h('label', { for: 'champ-receivesParisBenefit', class: 'en-ligne' },
              'La personne a présenté un justificatif de Paris Solidarité ou du Complément Santé Paris')),
      correction ? null : paperFields(),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Déposer la demande'),
          h('a', { class: 'bouton secondaire', href: '#/personne/' + beneficiaryId }, 'Annuler')));
  async function simulate() {
    if (!facts.incomeTax) {
      estimate.replaceChildren(h('p', { class: 'info' }, 'Le registre n\'indique pas d\'impôt sur le revenu : enregistrez le dernier avis'
          + ' d\'imposition (même à zéro) avant la décision.'));
      return;
    }
    const answer = await post('/api/transport/simulations', {
      date: facts.today, birthDate: facts.birthDate, disabled: facts.disabled, unfitForWork: facts.unfitForWork,
      parisResidenceYearsInLastFive: facts.years, noFixedAddress: facts.noFixedAddress, incomeTax: facts.incomeTax.amount,
      renewal: false, receivesQualifyingBenefit: facts.qualifyingBenefit || form.elements.namedItem('receivesParisBenefit').checked,
      warVeteran: facts.warVeteran, zones: value(form, 'zones') || '1-2',
    });
    estimate.replaceChildren(answer.status !== 200
      ? h('p', { class: 'info' }, 'La simulation n\'est pas disponible pour le moment.')
      : answer.body.eligible
        ? h('p', { class: 'info' }, 'Simulation d\'après le registre : ', h('strong', {}, productInFrench(answer.body.product)),
            ', zones ' + answer.body.zones + ', participation annuelle ' + euros(answer.body.annualParticipation)
            + ', valable du ' + date(answer.body.validFrom) + ' au ' + date(answer.body.validUntil) + ' si accordé aujourd\'hui.')
        : h('div', { class: 'info' }, h('p', {}, 'D\'après le registre, la demande risque d\'être refusée :'),
            h('ul', {}, reasonsInFrench(answer.body.reasons).map(reason => h('li', {}, reason)))));
  }
  form.addEventListener('change', simulate);
  form.addEventListener('submit', event => {
    event.preventDefault();
    file(form, '/api/transport/passes', {
      beneficiaryId, navigoCardNumber: value(form, 'navigoCardNumber'), zones: value(form, 'zones') || null,
      receivesParisBenefit: form.elements.namedItem('receivesParisBenefit').checked,
    }, 'Navigo', { name, birthDate: s.identity.birthDate }, undefined, correction);
  });
  show(title + ' — ' + name, form);
  simulate();
}

const NAVIGO_REFUSALS = [
  ['NOT_ELDERLY_OR_DISABLED', REASONS.NOT_ELDERLY_OR_DISABLED], ['RESIDENCE_TOO_SHORT', REASONS.RESIDENCE_TOO_SHORT],
  ['INCOME_TAX_ABOVE_CEILING', REASONS.INCOME_TAX_ABOVE_CEILING], ['NO_FIXED_ADDRESS', REASONS.NO_FIXED_ADDRESS],
  ['OTHER', 'autre motif (précisé ci-dessous)'],
];

const PASS_STEPS = {
  REQUESTED: 'Demande reçue', GRANTED: 'Accord', REFUSED: 'Refus', ORDERED: 'Commandé à l\'opérateur',
  ACTIVATED: 'Chargé sur la carte', ORDER_REJECTED: 'Refusé par l\'opérateur', PARTICIPATION_PAID: 'Participation payée',
  RENEWAL_DUE: 'Renouvellement à prévoir', RENEWED: 'Renouvelé', EXPIRED: 'Expiré', CANCELLED: 'Annulé',
};

export async function passView(id) {
  const title = 'Demande de Navigo';
  const p = await load(title, '/api/transport/passes/' + id);
  if (!p) {
    return;
  }
  const parts = [h('div', { class: 'carte' }, h('dl', { class: 'fiche' },
      h('dt', {}, 'Numéro'), h('dd', {}, p.number),
      h('dt', {}, 'État'), h('dd', {}, statusInFrench(p.status)),
      h('dt', {}, 'Reçue le'), h('dd', {}, dateTime(p.receivedAt)),
      h('dt', {}, 'Carte Navigo'), h('dd', {}, p.navigoCardNumber + ', zones ' + p.zones),
      h('dt', {}, 'Déposée par'), h('dd', {}, p.filedBy),
      p.decidedAt ? [h('dt', {}, 'Décision'), h('dd', {}, (p.product ? 'Accordée : ' + productInFrench(p.product) + ', valable du '
          + date(p.validFrom) + ' au ' + date(p.validUntil) : 'Refusée : ' + reasonsOf(p.refusalReasons, NAVIGO_REFUSALS)
          + (p.refusalText ? ' — ' + p.refusalText : '')) + ' (le ' + date(p.decidedAt) + ' par ' + p.decidedBy + ')')] : null,
      p.participationDue !== null && p.participationDue !== undefined
        ? [h('dt', {}, 'Participation'), h('dd', {}, Number(p.participationDue) === 0 ? 'aucune'
            : euros(p.participationDue) + (p.participationPaidAt ? ', payée le ' + date(p.participationPaidAt) : ', à payer'))]
        : null)),
  h('div', { class: 'actions' }, h('a', { class: 'bouton secondaire', href: '#/personne/' + p.beneficiaryId }, 'Dossier de la personne'),
      reprintButton(p.receipt, p.beneficiaryId), p.decidedAt ? letterButton('/api/transport/passes/' + p.id + '/letter') : null)];
  if (['ORDERED', 'ACTIVE', 'ORDER_REJECTED'].includes(p.status) && hasRole('AGENT', 'SOCIAL_WORKER', 'SECTION_DIRECTOR')) {
    parts.push(cardForm(p));
  }
  if (Number(p.participationDue) > 0 && !p.participationPaidAt && ['ORDERED', 'ACTIVE', 'ORDER_REJECTED'].includes(p.status)
      && hasRole('AGENT', 'SOCIAL_WORKER', 'SECTION_DIRECTOR')) {
    parts.push(passStepForm(p, 'Paiement de la participation', 'participation-payment', 'reference', 'Référence du paiement',
        'La participation annuelle de ' + euros(p.participationDue) + ' est réglée à la régie de la section : notez la référence '
        + 'du reçu.', 'Enregistrer le paiement'));
  }
  if (['REQUESTED', 'ORDERED', 'ACTIVE', 'ORDER_REJECTED'].includes(p.status) && hasRole('AGENT', 'SOCIAL_WORKER', 'SECTION_DIRECTOR')) {
    parts.push(passStepForm(p, 'Annuler le forfait', 'cancellation', 'reason', 'Motif de l\'annulation',
        'À la demande de la personne, ou parce qu\'elle n\'y a plus droit (déménagement hors de Paris…). Un forfait déjà chargé '
        + 'est retiré de la carte par le transporteur.', 'Annuler le forfait'));
  }
  if (p.status === 'REQUESTED' && hasRole('SECTION_DIRECTOR')) {
    parts.push(p.filedBy === agent.username ? fourEyesNote()
      : refusalOrGrantForm('/api/transport/passes/' + p.id + '/decision', NAVIGO_REFUSALS, () => passView(p.id)));
  }
  if ((p.history || []).length) {
    parts.push(h('h2', {}, 'Historique'), h('table', {},
        h('thead', {}, h('tr', {}, ['Date', 'Étape', 'Par'].map(column => h('th', { scope: 'col' }, column)))),
        h('tbody', {}, p.history.map(step => h('tr', {}, h('td', {}, dateTime(step.at)),
            h('td', {}, PASS_STEPS[step.transition] || 'Étape'), h('td', {}, step.agent ? step.agent.split(' ')[0] : 'le service'))))));
  }
  show('Demande ' + p.number, ...parts);
}

/**
 * A lost, stolen or replaced card, or the number of a card the operator did not know (issue #36: no screen): the pass
 * leaves the old card and is loaded on the new one.
 */
function cardForm(p) {
  const rejected = p.status === 'ORDER_REJECTED';
  const form = h('form', { novalidate: true, class: 'carte' },
      h('h2', {}, rejected ? 'Corriger le numéro de la carte' : 'Carte perdue, volée ou remplacée'),
      h('p', {}, rejected ? 'Le transporteur n\'a pas reconnu la carte : vérifiez son numéro sur la carte de la personne.'
        : 'Le forfait est retiré de l\'ancienne carte puis chargé sur la nouvelle, avec les mêmes dates de validité.'),
      field('navigoCardNumber', 'Numéro de la nouvelle carte Navigo', { required: true, inputmode: 'numeric',
        help: 'Les 10 chiffres (ou lettres et chiffres) imprimés au dos de la carte.' }),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, rejected ? 'Corriger et commander' : 'Charger sur la nouvelle carte')));
  return sendsCommand(form, () => put('/api/transport/passes/' + p.id + '/card', { navigoCardNumber: value(form, 'navigoCardNumber') }),
      () => passView(p.id));
}

/** One step of a pass that takes a single text: the participation's payment, a cancellation. */
function passStepForm(p, title, step, name, label, help, button) {
  const form = h('form', { novalidate: true, class: 'carte' }, h('h2', {}, title), h('p', {}, help),
      field(name, label, { required: true }),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: step === 'cancellation' ? 'secondaire' : null }, button)));
  return sendsCommand(form, () => post('/api/transport/passes/' + p.id + '/' + step, { [name]: value(form, name) }),
      () => passView(p.id), () => (value(form, name) ? [] : [{ field: name, message: 'à renseigner' }]));
}

export const form = navigoView;
export const fileView = passView;
