// Allocation exceptionnelle at the counter: its filing form (what the registry lets the agent foresee: the household's
// cap over twelve months) and its file's page (aid-application.js). The counter opens a declared benefit's screens from
// the module named after its code (forms.js): form(beneficiaryId, correction, renewal) and fileView(id).

import { applicationView } from './aid-application.js';
import { get } from './api.js';
import { availabilityNotice } from './banner.js';
import { correctionNote } from './capture.js';
import { field, h, show, showErrors, value } from './dom.js';
import { file, paperFields } from './filing.js';
import { CATEGORIES, euros } from './messages.js';
import { amountOf, ibanProblem } from './rules.js';
import { personAnswer } from './session.js';

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

export const form = aidView;
export const fileView = applicationView;
