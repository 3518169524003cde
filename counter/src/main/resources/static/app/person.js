// A person's file: what the registry knows, their applications, and the update of their situation.

import { get, put } from './api.js';
import { CAPTURE_STATES } from './capture.js';
import { busy, checked, field, h, show, showErrors, showProblem, value } from './dom.js';
import { householdSummary } from './household.js';
import { date, dateProblem, dateTime, euros, isoDate, problemInFrench, statusInFrench } from './messages.js';
import { DONE, mine } from './offline.js';
import { amountOf, latestIncomeTax, parisToday } from './rules.js';
import { agent, config, load, personAnswer } from './session.js';

export async function personView(id) {
  show('Dossier de la personne', h('p', {}, 'Chargement…'));
  const answer = await personAnswer(id);
  if (answer.status !== 200) {
    show('Dossier de la personne', h('p', { class: 'resume-erreurs', role: 'alert' }, problemInFrench(answer.body, answer.status)));
    return;
  }
  const person = answer.body;
  const s = person.situation;
  // Every declared benefit's files of the person (the gateway's counter configuration lists them, in their order).
  const [files, history, household] = await Promise.all([
    Promise.all(config.benefits.map(benefit => get(benefit.files + '?beneficiaryId=' + id))),
    get('/api/beneficiaries/' + id + '/history'),
    answer.offline ? [] : householdSummary(person)]);
  const rows = [];
  const add = (benefit, list, link) => (list.status === 200 ? list.body : []).forEach(file => rows.push(h('tr', {},
      h('td', {}, benefit), h('td', {}, link ? h('a', { href: link + file.id }, file.number) : file.number),
      h('td', {}, date(file.receivedAt)),
      h('td', {}, statusInFrench(file.status)), h('td', {}, file.receipt ? file.receipt.number : ''))));
  config.benefits.forEach((benefit, index) => add(benefit.name, files[index], benefit.file));
  // What this counter captured offline for the person and its service has not applied yet.
  (await mine(agent.username)).filter(item => item.beneficiaryId === id && item.state !== DONE).forEach(item => rows.push(h('tr', {},
      h('td', {}, item.benefit), h('td', {}, h('a', { href: '#/hors-ligne' }, 'saisie hors ligne')),
      h('td', {}, date(item.receivedAt)), h('td', {}, CAPTURE_STATES[item.state]), h('td', {}, item.receipt))));
  const unavailable = config.benefits.filter((benefit, index) => files[index].status !== 200).map(benefit => benefit.name);
  show(s.identity.firstNames + ' ' + s.identity.lastName,
      h('div', { class: 'carte' }, h('dl', { class: 'fiche' },
          h('dt', {}, 'Dossier'), h('dd', {}, person.fileNumber),
          h('dt', {}, 'Date de naissance'), h('dd', {}, date(s.identity.birthDate)),
          h('dt', {}, 'Adresse'), h('dd', {}, s.address ? [s.address.line1, s.address.postcode + ' ' + s.address.city].join(', ')
              : 'Sans domicile fixe' + (s.noFixedAddress ? ' (domiciliation : ' + s.noFixedAddress.psa + ')' : '')),
          h('dt', {}, 'À Paris depuis'), h('dd', {}, person.livesInParisSince ? date(person.livesInParisSince) : 'non renseigné'),
          h('dt', {}, 'Contact'), h('dd', {}, contactInFrench(s.contact)),
          h('dt', {}, 'Ressources mensuelles'), h('dd', {}, resourcesInFrench(s.monthlyResources)),
          h('dt', {}, 'Section'), h('dd', {}, s.section))),
      answer.offline ? null : h('div', { class: 'actions' },
          h('a', { class: 'bouton secondaire', href: '#/situation/' + id }, 'Mettre à jour la situation')),
      household,
      h('h2', {}, 'Déposer une demande'),
      h('div', { class: 'actions' }, config.benefits.map(benefit => h('a', { class: 'bouton', href: benefit.form + id }, benefit.name))),
      h('h2', {}, 'Demandes'),
      answer.offline ? h('p', { class: 'info' }, 'Le serveur est injoignable : le dossier est affiché tel qu\'il a été consulté'
          + ' dans cet onglet. Les demandes déposées maintenant sont enregistrées sur ce poste et transmises au retour du serveur.')
        : unavailable.length ? h('p', { class: 'info' }, 'Momentanément indisponible : ' + unavailable.join(', ') + '.') : null,
      rows.length
        ? h('table', {}, h('thead', {}, h('tr', {}, ['Prestation', 'Numéro', 'Reçue le', 'État', 'Récépissé']
            .map(title => h('th', { scope: 'col' }, title)))), h('tbody', {}, rows))
        : h('p', {}, answer.offline ? 'Les demandes déjà transmises s\'afficheront au retour du serveur.'
          : 'Aucune demande pour le moment.'),
      history.status === 200 && history.body.length ? [h('h2', {}, 'Historique du dossier'), h('table', {},
          h('thead', {}, h('tr', {}, ['Date', 'Par', 'Opération', 'Rubriques modifiées'].map(column => h('th', { scope: 'col' }, column)))),
          h('tbody', {}, history.body.slice().reverse().map(entry => h('tr', {}, h('td', {}, dateTime(entry.changedAt)),
              h('td', {}, (entry.changedBy || '').split(' ')[0]), h('td', {}, OPERATIONS[entry.operation] || 'Modification'),
              h('td', {}, rubricsOf(entry.changes).join(', '))))))] : null);
}

const OPERATIONS = { REGISTERED: 'Inscription', UPDATED: 'Mise à jour de la situation', HOUSEHOLD_CHANGED: 'Foyer modifié' };

const RUBRICS = {
  identity: 'identité', address: 'adresse', contact: 'contact', parisResidence: 'résidence à Paris',
  noFixedAddress: 'domiciliation', disabilityEvidence: 'handicap', unfitForWorkSince: 'inaptitude au travail',
  nationalBenefits: 'prestations nationales', monthlyResources: 'ressources', incomeTax: 'impôt sur le revenu',
  warVeteran: 'ancien combattant', section: 'section', deceasedOn: 'décès', awayFromHomeSince: 'absence du domicile',
  household: 'foyer',
};

/** The parts of a file a change touched, in French, each once. */
function rubricsOf(changes) {
  const rubrics = (changes || []).map(change => RUBRICS[change.field.split(/[.[]/)[0]] || 'autre');
  return [...new Set(rubrics)];
}

export const RESOURCE_KINDS = [
  ['PENSION', 'Pensions de retraite'], ['SALARY', 'Salaires'], ['UNEMPLOYMENT_BENEFIT', 'Allocations chômage'],
  ['NATIONAL_MINIMUM_BENEFIT', 'Minima sociaux (RSA, ASPA…)'], ['DISABILITY_BENEFIT', 'Prestations d\'invalidité (AAH…)'],
  ['INVESTMENT_INCOME', 'Revenus de placements'], ['RENTAL_INCOME', 'Revenus fonciers'], ['MAINTENANCE', 'Pensions alimentaires'],
  ['OTHER', 'Autres ressources'],
];

/** The monthly resources typed in a form's fields {@code resource.<KIND>}; a mistyped amount is added to {@code errors}. */
export function resourcesTyped(form, errors) {
  const monthlyResources = [];
  for (const [kind] of RESOURCE_KINDS) {
    const typed = value(form, 'resource.' + kind);
    if (typed && Number.isNaN(amountOf(typed))) {
      errors.push({ field: 'resource.' + kind, message: 'un montant en euros, par exemple 450 ou 450,50' });
    } else if (typed && amountOf(typed) > 0) {
      monthlyResources.push({ kind, amount: amountOf(typed) });
    }
  }
  return monthlyResources;
}

/** The person's contact as the file shows it (issue #36: the file did not show it). */
function contactInFrench(contact) {
  if (!contact || (!contact.phone && !contact.email)) {
    return 'non renseigné';
  }
  const parts = [contact.phone, contact.email].filter(Boolean);
  const channels = [contact.email ? 'par courriel' : null, contact.phone && contact.acceptsSms ? 'par SMS' : null].filter(Boolean);
  const notices = contact.declinesNotices ? 'ne souhaite recevoir aucun avis'
    : channels.length ? 'avis ' + channels.join(' et ') : 'pas d\'avis : ni courriel, ni SMS accepté';
  return parts.join(', ') + ' (' + notices + ')';
}

/** The monthly resources by kind, and their total (issue #36: the file did not show them). */
function resourcesInFrench(resources) {
  const list = (resources || []).filter(r => Number(r.amount) > 0);
  if (list.length === 0) {
    return 'aucune déclarée';
  }
  const label = kind => (RESOURCE_KINDS.find(([k]) => k === kind) || [kind, kind])[1];
  const total = list.reduce((sum, r) => sum + Number(r.amount), 0);
  return list.map(r => label(r.kind) + ' ' + euros(r.amount)).join(', ') + (list.length > 1 ? ' ; total ' + euros(total) : '');
}

const NATIONAL_BENEFITS = [
  ['ASPA', 'Allocation de solidarité aux personnes âgées (ASPA)'], ['ASI', 'Allocation supplémentaire d\'invalidité (ASI)'],
  ['AAH', 'Allocation aux adultes handicapés (AAH)'], ['WIDOWHOOD_ALLOWANCE', 'Allocation de veuvage'], ['RSA', 'RSA'],
  ['OTHER', 'Autre prestation nationale'],
];

/**
 * The person's situation as the benefits read it: address and contact, resources, last income tax notice, national
 * benefits, unfitness for work. Everything else of the file is kept as it is; a file changed meanwhile is refused.
 */
export async function situationView(id) {
  const title = 'Mettre à jour la situation';
  const person = await load(title, '/api/beneficiaries/' + id);
  if (!person) {
    return;
  }
  const s = person.situation;
  const resources = kind => (s.monthlyResources || []).filter(r => r.kind === kind).reduce((sum, r) => sum + Number(r.amount), 0);
  const tax = latestIncomeTax(s);
  const received = new Map((s.nationalBenefits || []).map(b => [b.type, b.since]));
  const form = h('form', { novalidate: true },
      h('fieldset', {}, h('legend', {}, 'Adresse et contact'),
          field('address.line1', 'Adresse', { value: s.address ? s.address.line1 : '', help: 'Numéro et voie.' }),
          field('address.postcode', 'Code postal', { value: s.address ? s.address.postcode : '', inputmode: 'numeric' }),
          field('address.city', 'Ville', { value: s.address ? s.address.city : 'Paris' }),
          field('contact.phone', 'Téléphone', { value: s.contact ? s.contact.phone : '', inputmode: 'tel' }),
          field('contact.email', 'Adresse électronique', { value: s.contact ? s.contact.email : '', inputmode: 'email',
            help: 'La personne y reçoit un avis quand sa demande est reçue, décidée, payée.' }),
          h('div', {}, h('input', { type: 'checkbox', id: 'champ-contact.acceptsSms', name: 'contact.acceptsSms',
            checked: Boolean(s.contact && s.contact.acceptsSms) }), ' ',
          h('label', { for: 'champ-contact.acceptsSms', class: 'en-ligne' }, 'Accepte de recevoir ces avis par SMS (téléphone mobile)')),
          h('div', {}, h('input', { type: 'checkbox', id: 'champ-contact.declinesNotices', name: 'contact.declinesNotices',
            checked: Boolean(s.contact && s.contact.declinesNotices) }), ' ',
          h('label', { for: 'champ-contact.declinesNotices', class: 'en-ligne' }, 'Ne souhaite recevoir aucun avis (ni courriel, ni SMS)'))),
      h('fieldset', {}, h('legend', {}, 'Ressources mensuelles du foyer (€)'),
          RESOURCE_KINDS.map(([kind, label]) => field('resource.' + kind, label, { inputmode: 'decimal',
            value: resources(kind) ? String(resources(kind)).replace('.', ',') : '' }))),
      h('fieldset', {}, h('legend', {}, 'Dernier avis d\'impôt sur le revenu'),
          field('incomeTax.taxYear', 'Année des revenus', { inputmode: 'numeric', value: tax ? String(tax.taxYear) : '',
            help: 'Par exemple 2025 pour l\'avis reçu en 2026.' }),
          field('incomeTax.amount', 'Impôt dû (€)', { inputmode: 'decimal', value: tax ? String(tax.amount).replace('.', ',') : '',
            help: '0 pour un avis de non-imposition.' })),
      h('fieldset', { class: 'motifs' }, h('legend', {}, 'Prestations nationales perçues'),
          NATIONAL_BENEFITS.map(([type, label]) => h('div', {}, h('input', { type: 'checkbox', id: 'prestation-' + type,
            name: 'nationalBenefits', value: type, checked: received.has(type) }), ' ',
          h('label', { for: 'prestation-' + type, class: 'en-ligne' }, label))),
          h('p', { class: 'aide' }, 'Une prestation cochée maintenant est enregistrée à la date du jour (justificatif présenté).')),
      field('unfitForWorkSince', 'Reconnue inapte au travail depuis le', { inputmode: 'numeric',
        value: s.unfitForWorkSince ? date(s.unfitForWorkSince) : '', help: 'Au format JJ/MM/AAAA ; vide sinon.' }),
      h('fieldset', {}, h('legend', {}, 'Absence, décès'),
          h('p', { class: 'aide' }, 'Une absence du domicile de plus de trois mois suspend Paris Solidarité, un retour la reprend ;'
              + ' un décès l\'arrête. Vide si rien de tel.'),
          field('awayFromHomeSince', 'Absence du domicile depuis le', { inputmode: 'numeric',
            value: s.awayFromHomeSince ? date(s.awayFromHomeSince) : '',
            help: 'Au format JJ/MM/AAAA. Effacez la date au retour de la personne.' }),
          field('deceasedOn', 'Date du décès', { inputmode: 'numeric', value: s.deceasedOn ? date(s.deceasedOn) : '',
            help: 'Au format JJ/MM/AAAA.' })),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Enregistrer la situation'),
          h('a', { class: 'bouton secondaire', href: '#/personne/' + id }, 'Annuler')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const errors = [];
    const monthlyResources = resourcesTyped(form, errors);
    const year = value(form, 'incomeTax.taxYear');
    const due = value(form, 'incomeTax.amount');
    if ((year || due) && !/^\d{4}$/.test(year)) {
      errors.push({ field: 'incomeTax.taxYear', message: 'une année sur quatre chiffres' });
    }
    if ((year || due) && Number.isNaN(amountOf(due))) {
      errors.push({ field: 'incomeTax.amount', message: 'un montant en euros, 0 pour un avis de non-imposition' });
    }
    const unfit = value(form, 'unfitForWorkSince');
    const away = value(form, 'awayFromHomeSince');
    const deceased = value(form, 'deceasedOn');
    for (const [name, typed] of [['unfitForWorkSince', unfit], ['awayFromHomeSince', away], ['deceasedOn', deceased]]) {
      if (typed && !isoDate(typed)) {
        errors.push({ field: name, message: dateProblem(typed) });
      }
    }
    if (errors.length) {
      showErrors(form, errors);
      return;
    }
    const today = parisToday();
    const otherYears = (s.incomeTax || []).filter(t => String(t.taxYear) !== year);
    const situation = {
      ...s,
      address: value(form, 'address.line1') ? { ...(s.address || {}), line1: value(form, 'address.line1'),
        postcode: value(form, 'address.postcode'), city: value(form, 'address.city'), arrondissement: undefined } : s.address,
      contact: value(form, 'contact.phone') || value(form, 'contact.email') || checked(form, 'contact.declinesNotices')
        ? { ...(s.contact || {}), phone: value(form, 'contact.phone') || undefined, email: value(form, 'contact.email') || undefined,
          acceptsSms: checked(form, 'contact.acceptsSms'), declinesNotices: checked(form, 'contact.declinesNotices') }
        : undefined,
      monthlyResources,
      incomeTax: year ? [...otherYears, { taxYear: Number(year), amount: amountOf(due) }] : otherYears,
      nationalBenefits: Array.from(form.querySelectorAll('input[name=nationalBenefits]:checked'))
          .map(box => ({ type: box.value, since: received.get(box.value) || today })),
      unfitForWorkSince: unfit ? isoDate(unfit) : undefined,
      awayFromHomeSince: away ? isoDate(away) : undefined,
      deceasedOn: deceased ? isoDate(deceased) : undefined,
    };
    busy(form, true);
    const saved = await put('/api/beneficiaries/' + id, situation, person.version);
    busy(form, false);
    if (saved.status === 200) {
      window.location.hash = '#/personne/' + id;
      return;
    }
    showProblem(form, saved, name => name.replace(/^situation\./, '').replace(/^monthlyResources\[\d+\]\..*$/, 'resource.OTHER')
        .replace(/^incomeTax\[\d+\]\.(.*)$/, 'incomeTax.$1'));
  });
  show(title + ' — ' + s.identity.firstNames + ' ' + s.identity.lastName, form);
}
