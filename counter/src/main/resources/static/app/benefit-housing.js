// Paris Logement: the filing form with its live simulation, a file's page, its examination and its four-eyes decision.

import { post } from './api.js';
import { availabilityNotice, staleFiguresNotice } from './banner.js';
import { fourEyesNote, refusalOrGrantForm } from './decisions.js';
import { busy, checked, field, h, show, showErrors, showProblem, value } from './dom.js';
import { file, letterButton, paperFields, reprintButton } from './filing.js';
import { date, dateTime, euros, statusInFrench } from './messages.js';
import { amountOf, ibanProblem, parisToday } from './rules.js';
import { agent, hasRole, load, personOr } from './session.js';

/** The rules' reasons of refusal, as the housing service names them (its {@code Reason}), and "other". */
const REFUSALS = [
  ['HOUSEHOLD_NOT_COVERED', 'le foyer ne relève d\'aucune des aides au logement du règlement'],
  ['NOT_A_TENANT', 'Paris Logement est réservé aux locataires'],
  ['NOT_LEASEHOLDER', 'le demandeur n\'est pas le titulaire du bail'],
  ['RESOURCES_ABOVE_CEILING', 'les ressources mensuelles du foyer dépassent le plafond'],
  ['EFFORT_BELOW_MINIMUM', 'le taux d\'effort est inférieur à 30 %'],
  ['HOUSING_AID_NOT_CLAIMED', 'les droits aux aides au logement n\'ont pas été demandés'],
  ['UNPAID_CHARGES', 'des charges de logement sont impayées'],
  ['NOT_CUMULABLE', 'le foyer reçoit déjà une autre aide au logement du règlement'],
  ['NO_NET_HOUSING_CHARGE', 'les aides au logement couvrent déjà toute la charge de logement'],
  ['CHARGES_NOT_IDENTIFIED', 'hébergé dans un établissement dont les charges de logement ne peuvent être identifiées'],
  ['ACCOMMODATION_PAID_BY_SOCIAL_AID', 'l\'hébergement est pris en charge par l\'aide sociale'],
  ['OTHER', 'autre motif (précisé ci-dessous)'],
];

const CATEGORIES = [['ELDERLY', 'Personne âgée (65 ans, ou 60 ans et inapte au travail)'], ['DISABLED', 'Adulte handicapé'],
  ['FAMILY', 'Famille avec enfant(s) à charge']];
const TENURES = [['TENANT', 'Locataire'], ['BUYER', 'Accédant à la propriété'], ['OWNER', 'Propriétaire']];
const RESIDENCES = [['HOME', 'À son domicile'], ['CASVP_ESTABLISHMENT', 'Dans un établissement du CASVP (à Paris ou en banlieue)'],
  ['INSTITUTION_CHARGES_UNIDENTIFIED', 'À l\'hôpital ou en établissement, charges de logement non identifiables'],
  ['FOYER_LOGEMENT_SOCIAL_AID', 'En foyer-logement, hébergement et restauration pris en charge par l\'aide sociale'],
  ['ACCOMMODATION_PAID_BY_SOCIAL_AID', 'En établissement, hébergement pris en charge par l\'aide sociale ou la Sécurité sociale']];
const STEPS = { RECEIVED: 'Demande reçue', EXAMINED: 'Instruction', GRANTED: 'Accord', REFUSED: 'Refus' };
const PAYMENTS = { ORDERED: 'demandé au Trésor', PAID: 'payé', FAILED: 'en échec' };
const MONEY = [['resources', 'Ressources mensuelles du foyer (€)', 'Toutes les ressources du foyer, hors aides au logement.'],
  ['rent', 'Loyer principal mensuel (€)', 'Sans les charges ; pour un accédant, les mensualités du prêt.'],
  ['rentalCharges', 'Charges locatives mensuelles (€)', 'Facultatif.'], ['parking', 'Parking (€ par mois)', 'Facultatif.'],
  ['housingAid', 'Aide au logement perçue (€ par mois)', 'Allocation logement ou APL ; facultatif.']];

/** A case to tick. */
function box(name, label, on) {
  return h('div', { class: 'champ', 'data-champ': name }, h('input', { type: 'checkbox', id: 'champ-' + name, name, checked: Boolean(on) }),
      ' ', h('label', { for: 'champ-' + name, class: 'en-ligne' }, label));
}

/** The household's fields, filled with {@code draft} (a household as the service answers it), or empty. */
function householdFields(draft = {}) {
  const money = amount => (amount === undefined || amount === null ? undefined : String(amount).replace('.', ','));
  return [
    field('category', 'Le demandeur relève de', { required: true, choices: CATEGORIES, value: draft.category }),
    box('couple', 'Vit en couple', draft.couple),
    field('children', 'Enfants à charge', { inputmode: 'numeric', value: String(draft.children || 0) }),
    field('disabledChildren', 'Dont enfants handicapés', { inputmode: 'numeric', value: String(draft.disabledChildren || 0) }),
    field('residence', 'Lieu de vie', { choices: RESIDENCES, value: draft.residence || 'HOME',
      help: 'Personnes âgées ou handicapées : un établissement ne donne droit à Paris Logement que s\'il est du CASVP.' }),
    field('tenure', 'Logement', { required: true, choices: TENURES, value: draft.tenure || 'TENANT' }),
    box('leaseholder', 'Titulaire du bail', draft.leaseholder !== false),
    box('sharedLease', 'Colocation attestée par le bail', draft.sharedLease),
    ...MONEY.map(([name, label, help]) => field(name, label, { inputmode: 'decimal', help, required: name === 'resources' || name === 'rent',
      value: money(draft[name]) })),
    box('housingAidClaimed', 'Droits aux aides au logement demandés', draft.housingAidClaimed !== false),
    box('decentHome', 'Logement décent et non surpeuplé (sans aide au logement demandée)', draft.decentHome),
    box('unpaidCharges', 'Loyer ou charges impayés', draft.unpaidCharges),
  ];
}

/** The household typed in, and what is wrong with it (all at once). */
function householdOf(form) {
  const errors = [];
  const count = name => {
    const typed = value(form, name) || '0';
    if (!/^\d{1,2}$/.test(typed)) {
      errors.push({ field: name, message: 'un nombre, par exemple 0 ou 2' });
    }
    return Number(typed);
  };
  const amount = (name, required) => {
    const typed = value(form, name);
    if (!typed && !required) {
      return undefined;
    }
    const parsed = amountOf(typed);
    if (Number.isNaN(parsed)) {
      errors.push({ field: name, message: 'un montant en euros, par exemple 650 ou 650,50' });
    }
    return parsed;
  };
  if (!value(form, 'category')) {
    errors.push({ field: 'category', message: 'choisissez la situation du demandeur' });
  }
  const household = {
    category: value(form, 'category') || null, couple: checked(form, 'couple'), children: count('children'),
    disabledChildren: count('disabledChildren'), sharedLease: checked(form, 'sharedLease'), tenure: value(form, 'tenure') || null,
    residence: value(form, 'residence') || 'HOME',
    leaseholder: checked(form, 'leaseholder'), resources: amount('resources', true), rent: amount('rent', true),
    rentalCharges: amount('rentalCharges'), parking: amount('parking'), housingAid: amount('housingAid'),
    housingAidClaimed: checked(form, 'housingAidClaimed'), decentHome: checked(form, 'decentHome'),
    unpaidCharges: checked(form, 'unpaidCharges'),
  };
  return { household, errors };
}

/** What the rules give the household: the allowance and its amount, the figures it is computed with, or why not. */
export function housingFigures(assessment, heading) {
  if (!assessment.eligible) {
    return h('div', { class: 'info' }, h('p', {}, heading + ' : la demande risque d\'être refusée.'),
        h('ul', {}, assessment.reasons.map(reason => h('li', {}, reason.text + ' (' + reason.article + ')'))));
  }
  const percent = rate => (Number(rate) * 100).toLocaleString('fr-FR', { maximumFractionDigits: 2 }) + ' %';
  return h('div', { class: 'info chiffres-logement' }, h('p', {}, heading + ' :'),
      h('dl', { class: 'fiche' },
          h('dt', {}, 'Aide'), h('dd', {}, assessment.variantName + ' (' + assessment.article + ')'),
          h('dt', {}, 'Plafond de ressources'), h('dd', {}, euros(assessment.ceiling) + ' par mois'),
          h('dt', {}, 'Ressources retenues'), h('dd', {}, euros(assessment.resourcesRetained) + ' par mois'),
          assessment.effortRate !== null ? [h('dt', {}, 'Taux d\'effort'), h('dd', {}, percent(assessment.effortRate)
              + ' (charges forfaitaires de ' + euros(assessment.flatCharges) + ' comprises ; 30 % au moins)')] : null,
          h('dt', {}, 'Charge nette de logement'), h('dd', {}, euros(assessment.netHousingCharge) + ' par mois'),
          h('dt', {}, 'Allocation mensuelle'), h('dd', {}, h('strong', {}, euros(assessment.monthlyAmount)),
              Number(assessment.monthlyAmount) < Number(assessment.scheduled)
                ? ' (le barème de ' + euros(assessment.scheduled) + ', limité à la charge nette de logement)' : '')));
}

export async function housingView(beneficiaryId, correction) {
  const draft = correction ? correction.body : {};
  const payee = draft.payee || {};
  const title = 'Demande de Paris Logement';
  show(title, h('p', {}, 'Chargement…'));
  const person = await personOr(beneficiaryId, title);
  if (!person) {
    return;
  }
  const s = person.situation;
  const name = s.identity.firstNames + ' ' + s.identity.lastName;
  const estimate = h('div', { 'aria-live': 'polite' });
  const form = h('form', { novalidate: true },
      availabilityNotice('housing'),
      h('fieldset', {}, h('legend', {}, 'Le foyer et son logement'), householdFields(draft.household)),
      estimate,
      h('fieldset', {}, h('legend', {}, 'Versement'),
          field('payee.accountHolder', 'Titulaire du compte', { value: payee.accountHolder || name, help: 'Le nom de la personne par défaut.' }),
          field('payee.iban', 'IBAN', { required: true, help: 'Espaces acceptés.', value: payee.iban })),
      h('fieldset', { class: 'choix' }, h('legend', {}, 'Première demande ou renouvellement'),
          h('input', { type: 'radio', id: 'renouvellement-non', name: 'renewal', value: 'false', checked: !draft.renewal }),
          h('label', { for: 'renouvellement-non' }, 'Première demande'),
          h('input', { type: 'radio', id: 'renouvellement-oui', name: 'renewal', value: 'true', checked: Boolean(draft.renewal) }),
          h('label', { for: 'renouvellement-oui' }, 'Renouvellement')),
      correction ? null : paperFields(),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Déposer la demande'),
          h('a', { class: 'bouton secondaire', href: '#/personne/' + beneficiaryId }, 'Annuler')));
  async function simulate() {
    const { household, errors } = householdOf(form);
    if (errors.length) {
      estimate.replaceChildren();
      return;
    }
    const answer = await post('/api/housing/simulations', { date: parisToday(), household });
    estimate.replaceChildren(answer.status !== 200
      ? h('p', { class: 'info' }, 'La simulation n\'est pas disponible pour le moment ; le montant sera calculé à l\'instruction.')
      : h('div', {}, housingFigures(answer.body, 'Simulation pour aujourd\'hui, d\'après ce qui est saisi'),
          staleFiguresNotice(answer.body.warnings)));
  }
  form.addEventListener('change', simulate);
  form.addEventListener('submit', event => {
    event.preventDefault();
    const { household, errors } = householdOf(form);
    const iban = ibanProblem(value(form, 'payee.iban'));
    if (iban) {
      errors.push({ field: 'payee.iban', message: iban });
    }
    if (errors.length) {
      showErrors(form, errors);
      return;
    }
    file(form, '/api/housing/files', {
      beneficiaryId, household, renewal: form.elements.namedItem('renewal').value === 'true',
      payee: { accountHolder: value(form, 'payee.accountHolder') || undefined, iban: value(form, 'payee.iban') },
    }, 'Paris Logement', { name, birthDate: s.identity.birthDate }, field => field.replace(/^household\./, ''), correction);
  });
  show(title + ' — ' + name, form);
}

/** The examination: the household as the documents show it (the declared one to start from), and the notes. */
function examinationForm(f, done) {
  const form = h('form', { novalidate: true, class: 'carte' }, h('h2', {}, 'Instruire la demande'),
      h('p', {}, 'Vérifiez sur les pièces (bail, quittance, avis d\'aide au logement, ressources) ce que la personne a déclaré ;'
          + ' corrigez ce qui diffère. Le montant est calculé avec les chiffres du jour.'),
      householdFields((f.examination || {}).household || f.declared),
      field('notes', 'Observations pour le directeur', { multiline: true, value: (f.examination || {}).notes }),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Enregistrer l\'instruction')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const { household, errors } = householdOf(form);
    if (errors.length) {
      showErrors(form, errors);
      return;
    }
    busy(form, true);
    const answer = await post('/api/housing/files/' + f.id + '/examination', { household, notes: value(form, 'notes') || undefined });
    busy(form, false);
    if (answer.status === 200) {
      done();
      return;
    }
    showProblem(form, answer, field => field.replace(/^household\./, ''));
  });
  return form;
}

export async function housingFileView(id) {
  const title = 'Demande de Paris Logement';
  const f = await load(title, '/api/housing/files/' + id);
  if (!f) {
    return;
  }
  const d = f.decision;
  const e = f.examination;
  const parts = [h('div', { class: 'carte' }, h('dl', { class: 'fiche' },
      h('dt', {}, 'Numéro'), h('dd', {}, f.number),
      h('dt', {}, 'État'), h('dd', {}, statusInFrench(f.status)),
      h('dt', {}, 'Reçue le'), h('dd', {}, dateTime(f.receivedAt)),
      h('dt', {}, 'Demande'), h('dd', {}, f.renewal ? 'Renouvellement' : 'Première demande'),
      h('dt', {}, 'Déposée par'), h('dd', {}, f.filedBy),
      e ? [h('dt', {}, 'Instruction'), h('dd', {}, 'le ' + date(e.examinedAt) + ' par ' + e.examinedBy
          + (e.notes ? ' : ' + e.notes : ''))] : null,
      d ? [h('dt', {}, 'Décision'), h('dd', {}, (d.variant ? 'Accordée : ' + d.variantName + ', ' + euros(d.monthlyAmount)
          + ' par mois du ' + date(d.validFrom) + ' au ' + date(d.validUntil)
          : 'Refusée : ' + d.refusalReasons.map(code => (REFUSALS.find(([c]) => c === code) || [code, code])[1]).join(' ; ')
            + (d.refusalText ? ' — ' + d.refusalText : '')) + ' (le ' + date(d.decidedAt) + ' par ' + d.decidedBy + ')')] : null,
      h('dt', {}, 'Versée sur'), h('dd', {}, f.iban + (f.accountHolder ? ' (' + f.accountHolder + ')' : '')))),
  e ? housingFigures(e.assessment, 'Ce que donnent les règles au foyer instruit, le ' + date(e.examinedAt)) : null,
  h('div', { class: 'actions' }, h('a', { class: 'bouton secondaire', href: '#/personne/' + f.beneficiaryId }, 'Dossier de la personne'),
      reprintButton(f.receipt, f.beneficiaryId), d ? letterButton('/api/housing/files/' + f.id + '/letter') : null)];
  if (['RECEIVED', 'UNDER_EXAMINATION'].includes(f.status) && hasRole('SOCIAL_WORKER', 'SECTION_DIRECTOR')) {
    parts.push(examinationForm(f, () => housingFileView(f.id)));
  }
  if (['RECEIVED', 'UNDER_EXAMINATION'].includes(f.status) && hasRole('SECTION_DIRECTOR')) {
    parts.push(f.filedBy === agent.username || (e && e.examinedBy === agent.username) ? fourEyesNote()
      : refusalOrGrantForm('/api/housing/files/' + f.id + '/decision', REFUSALS, () => housingFileView(f.id)));
  }
  if (f.payments.length) {
    parts.push(h('h2', {}, 'Versements'), h('table', {},
        h('thead', {}, h('tr', {}, ['Mois', 'Montant', 'État', 'Référence'].map(column => h('th', { scope: 'col' }, column)))),
        h('tbody', {}, f.payments.map(p => h('tr', {}, h('td', {}, p.month.split('-').reverse().join('/')), h('td', {}, euros(p.amount)),
            h('td', {}, (PAYMENTS[p.status] || p.status) + (p.reason ? ' : ' + p.reason : '')), h('td', {}, p.reference))))));
  }
  if (f.history.length) {
    parts.push(h('h2', {}, 'Historique'), h('table', {},
        h('thead', {}, h('tr', {}, ['Date', 'Étape', 'Par'].map(column => h('th', { scope: 'col' }, column)))),
        h('tbody', {}, f.history.map(step => h('tr', {}, h('td', {}, dateTime(step.at)),
            h('td', {}, STEPS[step.transition] || 'Étape'), h('td', {}, step.agent ? step.agent.split(' ')[0] : 'le service'))))));
  }
  show('Demande ' + f.number, ...parts);
}

export const form = housingView;
export const fileView = housingFileView;
