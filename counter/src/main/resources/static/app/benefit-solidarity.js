// Paris Solidarité at the counter: its filing form with the month's simulation, and its application's page (its
// examination and its four-eyes decision).

import { get, post } from './api.js';
import { availabilityNotice, staleFiguresNotice } from './banner.js';
import { correctionNote } from './capture.js';
import { fourEyesNote, refusalOrGrantForm } from './decisions.js';
import { busy, field, h, show, showErrors, showProblem, value } from './dom.js';
import { file, letterButton, paperFields, reprintButton } from './filing.js';
import { date, dateTime, euros, statusInFrench } from './messages.js';
import { REASONS, factsOf, ibanProblem, monthOf, parisDay, reasonsInFrench, reasonsOf } from './rules.js';
import { agent, hasRole, load, personAnswer, personOr } from './session.js';

/**
 * What a Paris Solidarité amount is made of, from a simulation: the ceiling, the resources declared and those counted
 * (and why they differ: the national floor), the monthly amount; or why it would be refused (issue #36: it was decided
 * blind, and "ressources retenues 906,81 €" for 700 € declared said nothing of the floor).
 */
export function solidarityFigures(simulation, declared, heading, ifRefused) {
  if (simulation.status !== 200) {
    return h('p', { class: 'info' }, 'La simulation n\'est pas disponible pour le moment ; le montant sera calculé à la décision.');
  }
  const b = simulation.body;
  if (!(b.eligible && Number(b.monthlyAmount) > 0)) {
    return h('div', { class: 'info' }, h('p', {}, heading + ' : la demande risque d\'être refusée.'),
        h('ul', {}, reasonsInFrench(b.reasons).map(reason => h('li', {}, reason))), ifRefused ? h('p', {}, ifRefused) : null);
  }
  const floored = b.resourceFloor !== null && Number(b.countedResources) > Number(declared) + 0.005;
  return h('div', { class: 'info chiffres-psol' }, h('p', {}, heading + ' :'),
      h('dl', { class: 'fiche' },
          h('dt', {}, 'Plafond de ressources'), h('dd', {}, euros(b.ceiling) + ' par mois'),
          h('dt', {}, 'Ressources déclarées'), h('dd', {}, euros(declared) + ' par mois'),
          h('dt', {}, 'Ressources retenues'), h('dd', {}, euros(b.countedResources) + ' par mois' + (floored
            ? ' : les ressources sont comptées au moins au minimum national (' + euros(b.resourceFloor)
              + ', ASPA pour une personne âgée, AAH pour une personne handicapée), même si la personne déclare moins'
            : '')),
          h('dt', {}, 'Allocation mensuelle'), h('dd', {}, h('strong', {}, euros(b.monthlyAmount)),
            ' (plafond moins ressources retenues)')));
}

export async function solidarityView(beneficiaryId, correction, renewal = false) {
  const draft = correction ? correction.body : { renewal };
  const payee = draft.payee || {};
  const title = 'Demande de Paris Solidarité';
  show(title, h('p', {}, 'Chargement…'));
  const person = await personOr(beneficiaryId, title);
  if (!person) {
    return;
  }
  const s = person.situation;
  const name = s.identity.firstNames + ' ' + s.identity.lastName;
  const facts = factsOf(s);
  const simulation = await post('/api/solidarity/simulations', {
    month: facts.today.slice(0, 7),
    applicant: { birthDate: facts.birthDate, disabled: facts.disabled, unfitForWork: facts.unfitForWork },
    parisResidenceYearsInLastFive: facts.years, monthlyResources: Number(facts.resources.toFixed(2)),
  });
  const estimate = solidarityFigures(simulation, facts.resources, 'Simulation pour ce mois, d\'après le registre (personne seule)',
      'Elle peut être déposée : elle sera examinée, et le registre peut être corrigé d\'ici la décision.');
  const form = h('form', { novalidate: true },
      correctionNote(correction),
      availabilityNotice('solidarity'),
      estimate,
      simulation.status === 200 ? staleFiguresNotice(simulation.body.warnings) : null,
      h('fieldset', { class: 'choix' }, h('legend', {}, 'Première demande ou renouvellement'),
          h('input', { type: 'radio', id: 'renouvellement-non', name: 'renewal', value: 'false', checked: !draft.renewal }),
          h('label', { for: 'renouvellement-non' }, 'Première demande'),
          h('input', { type: 'radio', id: 'renouvellement-oui', name: 'renewal', value: 'true', checked: Boolean(draft.renewal) }),
          h('label', { for: 'renouvellement-oui' }, 'Renouvellement')),
      field('payee.accountHolder', 'Titulaire du compte', { value: payee.accountHolder || name,
        help: 'Le nom de la personne par défaut.' }),
      field('payee.iban', 'IBAN', { required: true, help: 'Espaces acceptés.', value: payee.iban }),
      correction ? null : paperFields(),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Déposer la demande'),
          h('a', { class: 'bouton secondaire', href: '#/personne/' + beneficiaryId }, 'Annuler')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const iban = ibanProblem(value(form, 'payee.iban'));
    if (iban) {
      showErrors(form, [{ field: 'payee.iban', message: iban }]);
      return;
    }
    file(form, '/api/solidarity/applications', {
      beneficiaryId, renewal: form.elements.namedItem('renewal').value === 'true',
      payee: { accountHolder: value(form, 'payee.accountHolder') || undefined, iban: value(form, 'payee.iban') },
    }, 'Paris Solidarité', { name, birthDate: s.identity.birthDate }, undefined, correction);
  });
  show(title + ' — ' + name, form);
}

const PSOL_REFUSALS = [
  ['NOT_ELDERLY_OR_DISABLED', REASONS.NOT_ELDERLY_OR_DISABLED], ['RESIDENCE_TOO_SHORT', REASONS.RESIDENCE_TOO_SHORT],
  ['RESOURCES_ABOVE_CEILING', REASONS.RESOURCES_ABOVE_CEILING], ['BELOW_PAYMENT_THRESHOLD', REASONS.BELOW_PAYMENT_THRESHOLD],
  ['STATUTORY_BENEFITS_NOT_CLAIMED', 'les prestations légales auxquelles la personne peut prétendre n\'ont pas été demandées'],
  ['OTHER', 'autre motif (précisé ci-dessous)'],
];

const GRANT_STATUSES = { ACTIVE: 'en cours de versement', SUSPENDED: 'suspendue', ENDED: 'terminée' };

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

export const form = solidarityView;
export const fileView = solidarityApplicationView;
