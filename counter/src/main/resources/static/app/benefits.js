// The filing forms of the three benefits, with what the registry lets the agent foresee.

import { get, post } from './api.js';
import { availabilityNotice, staleFiguresNotice } from './banner.js';
import { refusalOf } from './capture.js';
import { field, h, show, showErrors, value } from './dom.js';
import { file, paperFields } from './filing.js';
import { CATEGORIES, date, dateTime, euros, productInFrench } from './messages.js';
import { amountOf, factsOf, ibanProblem, reasonsInFrench } from './rules.js';
import { personAnswer, personOr } from './session.js';

/** What a correction starts from: the application as captured, and a line that says why it is corrected. */
function correctionNote(correction) {
  if (!correction) {
    return null;
  }
  return h('div', { class: 'info', role: 'note' },
      h('p', {}, 'Correction de la demande saisie hors ligne le ' + dateTime(correction.receivedAt) + ' (récépissé '
          + correction.receipt + '), refusée : ' + refusalOf(correction).join(' ; ') + '.'),
      h('p', {}, 'Elle est déposée à nouveau avec sa date de réception d\'origine, qui fait foi si elle date de moins de'
          + ' deux mois ; un nouveau récépissé est remis à la personne.'));
}

export async function aidView(beneficiaryId, correction) {
  const draft = correction ? correction.body : {};
  const payee = draft.payee || {};
  show('Demande d\'allocation exceptionnelle', h('p', {}, 'Chargement…'));
  const [person, cap] = await Promise.all([personAnswer(beneficiaryId),
    get('/api/aid/beneficiaries/' + beneficiaryId + '/cap')]);
  const name = person.status === 200
    ? person.body.situation.identity.firstNames + ' ' + person.body.situation.identity.lastName : '';
  const capText = cap.status === 200
    ? h('p', { class: 'info' }, 'Plafond du foyer sur douze mois : ' + euros(cap.body.cap) + ' ; déjà accordé : '
        + euros(cap.body.used) + ' ; reste : ', h('strong', {}, euros(cap.body.remaining)), '.')
    : h('p', { class: 'info' }, 'Le plafond du foyer ne peut pas être affiché pour le moment ; il sera vérifié à la décision.');
  const form = h('form', { novalidate: true },
      correctionNote(correction),
      availabilityNotice('aid'),
      capText,
      field('category', 'Motif de la demande', { required: true, choices: CATEGORIES, value: draft.category }),
      field('disasterEvent', 'Référence du sinistre', { help: 'Seulement pour un sinistre, par exemple INCENDIE-2026-17.',
        value: draft.disasterEvent }),
      field('requestedAmount', 'Montant demandé (€)', { required: true, inputmode: 'decimal', help: 'Par exemple 450 ou 450,50.',
        value: draft.requestedAmount === undefined ? undefined : String(draft.requestedAmount).replace('.', ',') }),
      field('reason', 'Situation et besoin', { required: true, multiline: true, value: draft.reason }),
      field('payee.kind', 'Le paiement est fait à', { required: true, value: payee.kind,
        choices: [['BENEFICIARY', 'la personne elle-même'], ['CREDITOR', 'un créancier (bailleur, fournisseur)']] }),
      field('payee.accountHolder', 'Titulaire du compte', { help: 'Obligatoire pour un créancier ; pour la personne, son nom par défaut.',
        value: payee.accountHolder }),
      field('payee.iban', 'IBAN', { required: true, help: 'Espaces acceptés, par exemple FR76 3000 6000 0112 3456 7890 189.',
        value: payee.iban }),
      field('missingDocuments', 'Pièces manquantes', { multiline: true, value: (draft.missingDocuments || []).join('\n'),
        help: 'Une par ligne. Sans elles, la demande devient caduque deux mois après sa réception.' }),
      correction ? null : paperFields(),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Déposer la demande'),
          h('a', { class: 'bouton secondaire', href: '#/personne/' + beneficiaryId }, 'Annuler')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    // Everything the service would refuse, said at once (issue #36: the counter's errors first, the service's after).
    const amount = amountOf(value(form, 'requestedAmount'));
    const errors = [];
    if (!value(form, 'category')) {
      errors.push({ field: 'category', message: 'choisissez le motif de la demande' });
    }
    if (Number.isNaN(amount) || amount <= 0) {
      errors.push({ field: 'requestedAmount', message: 'un montant en euros, par exemple 450 ou 450,50' });
    }
    if (!value(form, 'reason')) {
      errors.push({ field: 'reason', message: 'à renseigner : la situation qui motive la demande' });
    }
    if (value(form, 'category') === 'DISASTER' && !value(form, 'disasterEvent')) {
      errors.push({ field: 'disasterEvent', message: 'à renseigner pour un sinistre (référence de l\'événement)' });
    }
    if (!value(form, 'payee.kind')) {
      errors.push({ field: 'payee.kind', message: 'choisissez à qui le paiement est fait' });
    } else if (value(form, 'payee.kind') === 'CREDITOR' && !value(form, 'payee.accountHolder')) {
      errors.push({ field: 'payee.accountHolder', message: 'à renseigner pour un créancier (nom du titulaire du compte)' });
    }
    const iban = ibanProblem(value(form, 'payee.iban'));
    if (iban) {
      errors.push({ field: 'payee.iban', message: iban });
    }
    if (errors.length) {
      showErrors(form, errors);
      return;
    }
    const body = {
      beneficiaryId, category: value(form, 'category') || null, disasterEvent: value(form, 'disasterEvent') || undefined,
      requestedAmount: amount, reason: value(form, 'reason'),
      payee: { kind: value(form, 'payee.kind') || null, accountHolder: value(form, 'payee.accountHolder') || undefined,
        iban: value(form, 'payee.iban') },
      missingDocuments: value(form, 'missingDocuments').split('\n').map(line => line.trim()).filter(Boolean),
    };
    await file(form, '/api/aid/applications', body, 'Allocation exceptionnelle',
        { name, birthDate: person.status === 200 ? person.body.situation.identity.birthDate : null },
        field => field.replace(/^missingDocuments\[\d+\]$/, 'missingDocuments'), correction);
  });
  show('Demande d\'allocation exceptionnelle' + (name ? ' — ' + name : ''), form);
}

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
