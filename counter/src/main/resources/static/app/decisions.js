// Paris Solidarité and Navigo: their pages, their examination and their four-eyes decision.

import { get, post, put } from './api.js';
import { staleFiguresNotice } from './banner.js';
import { solidarityFigures } from './benefits.js';
import { busy, field, h, sendsCommand, show, showErrors, showProblem, value } from './dom.js';
import { letterButton, reprintButton } from './filing.js';
import { date, dateTime, euros, productInFrench, statusInFrench } from './messages.js';
import { REASONS, factsOf, monthOf, parisDay, reasonsOf } from './rules.js';
import { agent, hasRole, load, personAnswer } from './session.js';


const PSOL_REFUSALS = [
  ['NOT_ELDERLY_OR_DISABLED', REASONS.NOT_ELDERLY_OR_DISABLED], ['RESIDENCE_TOO_SHORT', REASONS.RESIDENCE_TOO_SHORT],
  ['RESOURCES_ABOVE_CEILING', REASONS.RESOURCES_ABOVE_CEILING], ['BELOW_PAYMENT_THRESHOLD', REASONS.BELOW_PAYMENT_THRESHOLD],
  ['STATUTORY_BENEFITS_NOT_CLAIMED', 'les prestations légales auxquelles la personne peut prétendre n\'ont pas été demandées'],
  ['OTHER', 'autre motif (précisé ci-dessous)'],
];

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

const GRANT_STATUSES = { ACTIVE: 'en cours de versement', SUSPENDED: 'suspendue', ENDED: 'terminée' };

/** Who filed, examined or decided: the four-eyes rule keeps them from deciding. */
export function fourEyesNote() {
  return h('p', { class: 'info' }, 'Règle des quatre yeux : vous avez déposé ou instruit cette demande ; un autre directeur de'
      + ' la section la décide.');
}

export async function solidarityApplicationView(id) {
  const title = 'Demande de Paris Solidarité';
  const a = await load(title, '/api/solidarity/applications/' + id);
  if (!a) {
    return;
  }
  const g = a.grant;
  const parts = [h('div', { class: 'carte' }, h('dl', { class: 'fiche' },
      h('dt', {}, 'Numéro'), h('dd', {}, a.number),
      h('dt', {}, 'État'), h('dd', {}, statusInFrench(a.status)),
      h('dt', {}, 'Reçue le'), h('dd', {}, dateTime(a.receivedAt)),
      h('dt', {}, 'Demande'), h('dd', {}, a.renewal ? 'Renouvellement' : 'Première demande'),
      h('dt', {}, 'Déposée par'), h('dd', {}, a.filedBy),
      a.assessment ? [h('dt', {}, 'Instruction'), h('dd', {}, a.assessment + ' (' + a.examinedBy + ')')] : null,
      a.decidedAt ? [h('dt', {}, 'Décision'), h('dd', {}, (a.status === 'GRANTED' ? 'Accordée' : 'Refusée : '
          + reasonsOf(a.refusalReasons, PSOL_REFUSALS) + (a.refusalText ? ' — ' + a.refusalText : ''))
          + ' le ' + date(a.decidedAt) + ' par ' + a.decidedBy)] : null,
      g ? [h('dt', {}, 'Allocation'), h('dd', {}, euros(g.monthlyAmount) + ' par mois, de ' + monthOf(g.firstMonth) + ' à '
          + monthOf(g.lastMonth) + ', ' + (GRANT_STATUSES[g.status] || 'en cours')
          + (g.statusFrom && g.status !== 'ACTIVE' ? ' depuis le ' + date(g.statusFrom) : ''))] : null,
      h('dt', {}, 'Versée sur'), h('dd', {}, a.payeeIban + (a.payeeAccountHolder ? ' (' + a.payeeAccountHolder + ')' : '')))),
  h('div', { class: 'actions' }, h('a', { class: 'bouton secondaire', href: '#/personne/' + a.beneficiaryId }, 'Dossier de la personne'),
      reprintButton(a.receipt, a.beneficiaryId), a.decidedAt ? letterButton('/api/solidarity/applications/' + a.id + '/letter') : null)];
  const own = a.filedBy === agent.username || a.examinedBy === agent.username;
  if (['RECEIVED', 'UNDER_EXAMINATION'].includes(a.status)) {
    // The grant's amount is computed with the figures of the month of reception.
    const month = parisDay(a.receivedAt).slice(0, 7);
    const [stale, person] = await Promise.all([get('/api/solidarity/parameters/stale?date=' + month + '-01'),
      personAnswer(a.beneficiaryId)]);
    if (person.status === 200) {
      const facts = factsOf(person.body.situation);
      const simulation = await post('/api/solidarity/simulations', {
        month, applicant: { birthDate: facts.birthDate, disabled: facts.disabled, unfitForWork: facts.unfitForWork },
        parisResidenceYearsInLastFive: facts.years, monthlyResources: Number(facts.resources.toFixed(2)),
      });
      parts.push(solidarityFigures(simulation, facts.resources, 'Ce que le registre donne aujourd\'hui, avec les chiffres du mois de '
          + 'réception (personne seule ; le foyer et les pièces examinées peuvent le changer)', null));
    }
    parts.push(stale.status === 200 ? staleFiguresNotice(stale.body) : null);
  }
  if (g && g.status !== 'ENDED') {
    parts.push(h('div', { class: 'carte' }, h('h2', {}, 'Suspendre, reprendre, renouveler'),
        h('p', {}, 'Une absence de plus de trois mois, un déménagement hors de Paris ou un décès suspendent ou arrêtent '
            + 'l\'allocation ; d\'autres ressources la recalculent ; un retour la reprend. Enregistrez-les dans la situation de la '
            + 'personne : l\'allocation suit, à la date du changement.'),
        h('div', { class: 'actions' },
            h('a', { class: 'bouton secondaire', href: '#/situation/' + a.beneficiaryId }, 'Mettre à jour la situation'),
            h('a', { class: 'bouton secondaire', href: '#/solidarite/' + a.beneficiaryId + '/renouvellement' },
                'Déposer le renouvellement (fin en ' + monthOf(g.lastMonth) + ')'))));
  }
  if (a.status === 'RECEIVED' && hasRole('SOCIAL_WORKER', 'SECTION_DIRECTOR')) {
    parts.push(simpleExamination('/api/solidarity/applications/' + a.id + '/examination', () => solidarityApplicationView(a.id)));
  }
  if (a.status === 'UNDER_EXAMINATION' && hasRole('SECTION_DIRECTOR')) {
    parts.push(own ? fourEyesNote() : refusalOrGrantForm('/api/solidarity/applications/' + a.id + '/decision', PSOL_REFUSALS,
        () => solidarityApplicationView(a.id),
        field('months', 'Durée de l\'attribution (mois)', { inputmode: 'numeric',
          help: '12 pour une première attribution et son premier renouvellement ; ensuite jusqu\'à 24 (24 par défaut).' })));
  }
  show('Demande ' + a.number, ...parts);
}

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

function simpleExamination(path, done) {
  const form = h('form', { novalidate: true, class: 'carte' }, h('h2', {}, 'Instruire la demande'),
      field('assessment', 'Évaluation de la situation', { required: true, multiline: true }),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Enregistrer l\'instruction')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    busy(form, true);
    const answer = await post(path, { assessment: value(form, 'assessment') });
    busy(form, false);
    if (answer.status === 200) {
      done();
      return;
    }
    showProblem(form, answer);
  });
  return form;
}

/** Grant, or refuse with the rule's reasons (and a text for "other"). */
export function refusalOrGrantForm(path, refusals, done, ...more) {
  const form = h('form', { novalidate: true, class: 'carte' }, h('h2', {}, 'Décider'),
      h('fieldset', { class: 'choix', 'data-champ': 'outcome' }, h('legend', {}, 'Décision'),
          h('input', { type: 'radio', id: 'decision-accord', name: 'outcome', value: 'GRANTED' }),
          h('label', { for: 'decision-accord' }, 'Accorder'),
          h('input', { type: 'radio', id: 'decision-refus', name: 'outcome', value: 'REFUSED' }),
          h('label', { for: 'decision-refus' }, 'Refuser')),
      ...more,
      h('fieldset', { class: 'motifs', 'data-champ': 'reasonCodes' }, h('legend', {}, 'Motifs du refus'),
          refusals.map(([code, text]) => h('div', {}, h('input', { type: 'checkbox', id: 'motif-' + code, name: 'reasonCodes', value: code }),
              ' ', h('label', { for: 'motif-' + code, class: 'en-ligne' }, text)))),
      field('reasonText', 'Précisions pour la lettre', { multiline: true, help: 'Obligatoire pour « autre motif ».' }),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Enregistrer la décision')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const outcome = form.elements.namedItem('outcome').value;
    if (!outcome) {
      showErrors(form, [{ field: 'outcome', message: 'choisissez Accorder ou Refuser' }]);
      return;
    }
    const months = form.elements.namedItem('months') ? value(form, 'months') : '';
    const reasonCodes = Array.from(form.querySelectorAll('input[name=reasonCodes]:checked')).map(box => box.value);
    busy(form, true);
    const answer = await post(path, outcome === 'GRANTED'
      ? { outcome, months: months ? Number(months) : undefined }
      : { outcome, reasonCodes, reasonText: value(form, 'reasonText') || undefined });
    busy(form, false);
    if (answer.status === 200) {
      done();
      return;
    }
    showProblem(form, answer);
  });
  return form;
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
