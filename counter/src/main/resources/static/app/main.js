// The counter: sign in, find or register a person, file an exceptional aid and print its receipt; the status of each
// benefit always in view. Plain DOM, no framework, no build step: what the gateway serves is what runs.

import { agentOf, completeSignIn, configuration, currentSession, renewalBlocked, signIn, signOut } from './auth.js';
import { call, download, get, post, put } from './api.js';
import { busy, checked, field, h, show, showErrors, showLast, showProblem, value } from './dom.js';
import { parametersView } from './parameters.js';
import {
  DONE, REFUSED, SENT, WAITING, capture, capturedOne, forget, forgetFiled, hasCaptureKey, mine, numbersLeft, othersWaiting,
  reserveIfLow, synchronise, useCaptureKey,
} from './offline.js';
import {
  CATEGORIES, ROLES, date, dateProblem, dateTime, detailInFrench, euros, isoDate, problemInFrench, productInFrench, statusInFrench,
} from './messages.js';

let config;
let agent;


// ——— Status banner ———

/** The last status board read: null while the gateway cannot be reached. */
let board = null;

async function refreshBanner() {
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
    const stale = await get('/api/solidarity/parameters/stale');
    if (stale.status === 200 && stale.body.length > 0) {
      lines.push(h('p', { class: 'chiffres-perimes' }, 'Chiffres à revaloriser (Paris Solidarité) : ',
          stale.body.map(w => w.label + ', ' + euros(w.value) + ' depuis le ' + date(w.inForceSince)
              + ' (revalorisation attendue le ' + date(w.dueSince) + ')').join(' ; '),
          '. Les montants calculés avec ces chiffres peuvent être faux.'));
    }
  }
  banner.replaceChildren(...lines);
}

/**
 * The figures an amount rests on whose revaluation is overdue (the answer's {@code warnings}, or the stale figures of
 * a month): each named, with its value and since when. Nothing when there are none.
 */
function staleFiguresNotice(warnings) {
  if (!warnings || warnings.length === 0) {
    return null;
  }
  return h('div', { class: 'avertissement', role: 'note' },
      h('p', {}, h('strong', {}, 'Attention : chiffre non revalorisé.')),
      h('ul', {}, warnings.map(w => h('li', {}, w.message))));
}

/** On a filing form: what happens to the application if its benefit, or the whole server side, is down now. */
function availabilityNotice(service) {
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

// ——— Views ———

function home() {
  show('Accueil',
      h('p', {}, 'Bonjour. Recherchez la personne reçue au guichet, ou enregistrez-la si elle n\'est pas encore connue.'),
      h('div', { class: 'actions' },
          h('a', { class: 'bouton', href: '#/recherche' }, 'Rechercher une personne'),
          h('a', { class: 'bouton secondaire', href: '#/enregistrer' }, 'Enregistrer une personne')));
}

/** What a search by name that found nobody looked for, carried into the registration it leads to (issue #36: typed twice). */
let carried = null;

function searchView() {
  const results = h('div', { 'aria-live': 'polite' });
  const form = h('form', { novalidate: true },
      h('p', { class: 'info' }, 'Renseignez le nom et la date de naissance, ou le numéro de dossier, ou le numéro de sécurité sociale.'),
      field('lastName', 'Nom', { autocomplete: 'off' }),
      field('birthDate', 'Date de naissance', { help: 'Au format JJ/MM/AAAA, par exemple 01/06/1950.', inputmode: 'numeric' }),
      field('fileNumber', 'Numéro de dossier', { help: 'Par exemple B-2026-000042.' }),
      field('nir', 'Numéro de sécurité sociale', { help: '15 caractères, sans espaces.', inputmode: 'numeric' }),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Rechercher')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const query = new URLSearchParams();
    const errors = [];
    if (value(form, 'nir')) {
      query.set('nir', value(form, 'nir').replace(/\s/g, ''));
    } else if (value(form, 'fileNumber')) {
      query.set('fileNumber', value(form, 'fileNumber').toUpperCase());
    } else {
      const birth = isoDate(value(form, 'birthDate'));
      if (!value(form, 'lastName')) {
        errors.push({ field: 'lastName', message: 'à renseigner avec la date de naissance' });
      }
      if (!birth) {
        errors.push({ field: 'birthDate', message: dateProblem(value(form, 'birthDate')) });
      }
      query.set('lastName', value(form, 'lastName'));
      query.set('birthDate', birth || '');
    }
    showErrors(form, errors);
    if (errors.length) {
      return;
    }
    busy(form, true);
    const answer = await get('/api/beneficiaries?' + query);
    busy(form, false);
    if (answer.status !== 200) {
      showProblem(form, answer, name => name === 'birthDate' ? 'birthDate' : name);
      return;
    }
    // Issue #36: the person may be known to another section, whose file this agent does not read: said at once, so
    // that the agent turns to that section rather than registering the person a second time.
    const elsewhere = (answer.headers.get('Guichet-Known-In-Sections') || '').split(',').filter(Boolean);
    const knownElsewhere = elsewhere.length === 0 ? null : h('p', { class: 'avertissement', role: 'status' },
        (elsewhere.length === 1 ? 'Cette personne est connue de la section ' + elsewhere[0]
          : 'Cette personne est connue des sections ' + elsewhere.join(', '))
        + ', qui suit son dossier : adressez-vous à cette section (ou orientez-y la personne). Ne l\'enregistrez pas une seconde fois.');
    const searched = query.has('lastName') ? { lastName: value(form, 'lastName'), birthDate: value(form, 'birthDate') } : null;
    results.replaceChildren(...[knownElsewhere, answer.body.length === 0
      ? (knownElsewhere ? null : h('p', {}, 'Aucune personne trouvée (les accents, les majuscules et les traits d\'union ne comptent pas). '
          + 'Vérifiez l\'orthographe, ou ', h('a', { href: '#/enregistrer', onclick: () => { carried = searched; } }, 'enregistrez-la'),
          searched ? ' (le nom et la date de naissance recherchés seront repris).' : '.'))
      : h('table', {},
          h('caption', {}, answer.body.length === 1 ? '1 personne trouvée' : answer.body.length + ' personnes trouvées'),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Nom'), h('th', { scope: 'col' }, 'Prénoms'),
              h('th', { scope: 'col' }, 'Date de naissance'), h('th', { scope: 'col' }, 'Dossier'),
              h('th', { scope: 'col' }, 'Section'))),
          h('tbody', {}, answer.body.map(person => h('tr', {},
              h('td', {}, h('a', { href: '#/personne/' + person.id }, person.lastName)), h('td', {}, person.firstNames),
              h('td', {}, date(person.birthDate)), h('td', {}, person.fileNumber), h('td', {}, person.section)))))]
        .filter(Boolean));
  });
  show('Rechercher une personne', form, results);
}

async function personView(id) {
  show('Dossier de la personne', h('p', {}, 'Chargement…'));
  const answer = await personAnswer(id);
  if (answer.status !== 200) {
    show('Dossier de la personne', h('p', { class: 'resume-erreurs', role: 'alert' }, problemInFrench(answer.body, answer.status)));
    return;
  }
  const person = answer.body;
  const s = person.situation;
  const [aid, solidarity, passes, history] = await Promise.all([
    get('/api/aid/applications?beneficiaryId=' + id),
    get('/api/solidarity/applications?beneficiaryId=' + id),
    get('/api/transport/passes?beneficiaryId=' + id),
    get('/api/beneficiaries/' + id + '/history')]);
  const rows = [];
  const add = (benefit, list, link) => (list.status === 200 ? list.body : []).forEach(file => rows.push(h('tr', {},
      h('td', {}, benefit), h('td', {}, link ? h('a', { href: link + file.id }, file.number) : file.number),
      h('td', {}, date(file.receivedAt)),
      h('td', {}, statusInFrench(file.status)), h('td', {}, file.receipt ? file.receipt.number : ''))));
  add('Allocation exceptionnelle', aid, '#/demande/');
  add('Paris Solidarité', solidarity, '#/psol/');
  add('Navigo', passes, '#/navigo-demande/');
  // What this counter captured offline for the person and its service has not applied yet.
  (await mine(agent.username)).filter(item => item.beneficiaryId === id && item.state !== DONE).forEach(item => rows.push(h('tr', {},
      h('td', {}, item.benefit), h('td', {}, h('a', { href: '#/hors-ligne' }, 'saisie hors ligne')),
      h('td', {}, date(item.receivedAt)), h('td', {}, CAPTURE_STATES[item.state]), h('td', {}, item.receipt))));
  const unavailable = [[aid, 'l\'allocation exceptionnelle'], [solidarity, 'Paris Solidarité'], [passes, 'Navigo']]
      .filter(([list]) => list.status !== 200).map(([, name]) => name);
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
      h('h2', {}, 'Déposer une demande'),
      h('div', { class: 'actions' },
          h('a', { class: 'bouton', href: '#/aide/' + id }, 'Allocation exceptionnelle'),
          h('a', { class: 'bouton', href: '#/solidarite/' + id }, 'Paris Solidarité'),
          h('a', { class: 'bouton', href: '#/navigo/' + id }, 'Navigo')),
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

const RESOURCE_KINDS = [
  ['PENSION', 'Pensions de retraite'], ['SALARY', 'Salaires'], ['UNEMPLOYMENT_BENEFIT', 'Allocations chômage'],
  ['NATIONAL_MINIMUM_BENEFIT', 'Minima sociaux (RSA, ASPA…)'], ['DISABILITY_BENEFIT', 'Prestations d\'invalidité (AAH…)'],
  ['INVESTMENT_INCOME', 'Revenus de placements'], ['RENTAL_INCOME', 'Revenus fonciers'], ['MAINTENANCE', 'Pensions alimentaires'],
  ['OTHER', 'Autres ressources'],
];
/** The monthly resources typed in a form's fields {@code resource.<KIND>}; a mistyped amount is added to {@code errors}. */
function resourcesTyped(form, errors) {
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

/** Euros typed by an agent (450 or 450,50), as a number; NaN when it is not an amount. */
function amountOf(typed) {
  const amount = (typed || '').replace(/\s/g, '').replace(',', '.');
  return /^\d+(\.\d{1,2})?$/.test(amount) ? Number(amount) : NaN;
}

/**
 * The person's situation as the benefits read it: address and contact, resources, last income tax notice, national
 * benefits, unfitness for work. Everything else of the file is kept as it is; a file changed meanwhile is refused.
 */
async function situationView(id) {
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
    if (unfit && !isoDate(unfit)) {
      errors.push({ field: 'unfitForWorkSince', message: dateProblem(unfit) });
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

function registerView() {
  const searched = carried || {};
  carried = null;
  const form = h('form', { novalidate: true },
      h('fieldset', {}, h('legend', {}, 'Identité'),
          field('identity.lastName', 'Nom', { required: true, value: searched.lastName }),
          field('identity.birthName', 'Nom de naissance', { help: 'S\'il diffère du nom d\'usage.' }),
          field('identity.firstNames', 'Prénoms', { required: true }),
          field('identity.birthDate', 'Date de naissance', { required: true, help: 'Au format JJ/MM/AAAA.', inputmode: 'numeric',
            value: searched.birthDate }),
          field('identity.sex', 'Sexe', { required: true, choices: [['F', 'Femme'], ['M', 'Homme']] }),
          field('identity.nir', 'Numéro de sécurité sociale', { help: '15 caractères, clé comprise. Facultatif.' })),
      h('fieldset', {}, h('legend', {}, 'Adresse'),
          field('address.line1', 'Adresse', { help: 'Numéro et voie. Laisser vide pour une personne sans domicile fixe.' }),
          field('address.postcode', 'Code postal', { inputmode: 'numeric' }),
          field('address.city', 'Ville', { value: 'Paris' }),
          field('parisResidence', 'Habite à Paris depuis le', { help: 'Au format JJ/MM/AAAA.', inputmode: 'numeric' }),
          field('noFixedAddress.psa', 'Sans domicile fixe : permanence sociale d\'accueil (PSA) de domiciliation',
              { help: 'À renseigner seulement pour une personne sans domicile fixe.' })),
      h('fieldset', {}, h('legend', {}, 'Contact'),
          h('p', { class: 'aide' }, 'Pour prévenir la personne de l\'avancement de ses demandes. Facultatif.'),
          field('contact.phone', 'Téléphone', { inputmode: 'tel' }),
          field('contact.email', 'Adresse électronique', { inputmode: 'email', type: 'email' }),
          h('div', {}, h('input', { type: 'checkbox', id: 'champ-contact.acceptsSms', name: 'contact.acceptsSms' }), ' ',
              h('label', { for: 'champ-contact.acceptsSms', class: 'en-ligne' }, 'Accepte de recevoir ces avis par SMS (téléphone mobile)'))),
      h('fieldset', {}, h('legend', {}, 'Ressources mensuelles du foyer (€)'),
          h('p', { class: 'aide' }, 'Ce que les prestations lisent du dossier ; à compléter plus tard si besoin (« Mettre à jour la situation »).'),
          RESOURCE_KINDS.map(([kind, label]) => field('resource.' + kind, label, { inputmode: 'decimal' }))),
      field('section', 'Section qui suit le dossier', { required: true, value: agent.section || '', inputmode: 'numeric',
        help: 'Numéro de l\'arrondissement (1 à 20).' }),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Enregistrer la personne')));
  let confirmedHomonym = false;
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const errors = [];
    const birth = isoDate(value(form, 'identity.birthDate'));
    if (!birth) {
      errors.push({ field: 'identity.birthDate', message: dateProblem(value(form, 'identity.birthDate')) });
    }
    if (!value(form, 'identity.sex')) {
      errors.push({ field: 'identity.sex', message: 'choisissez « Femme » ou « Homme »' });
    }
    if (value(form, 'address.line1') && !/^\d{5}$/.test(value(form, 'address.postcode'))) {
      errors.push({ field: 'address.postcode', message: value(form, 'address.postcode') ? 'cinq chiffres, par exemple 75013'
        : 'à renseigner avec l\'adresse : cinq chiffres, par exemple 75013' });
    }
    const since = value(form, 'parisResidence');
    if (since && !isoDate(since)) {
      errors.push({ field: 'parisResidence', message: dateProblem(since) });
    }
    const monthlyResources = resourcesTyped(form, errors);
    if (errors.length) {
      showErrors(form, errors);
      return;
    }
    const homeless = !value(form, 'address.line1') && value(form, 'noFixedAddress.psa');
    const situation = {
      identity: {
        lastName: value(form, 'identity.lastName'), birthName: value(form, 'identity.birthName') || undefined,
        firstNames: value(form, 'identity.firstNames'), birthDate: birth, sex: value(form, 'identity.sex'),
        nir: value(form, 'identity.nir').replace(/\s/g, '') || undefined,
      },
      address: homeless ? undefined : {
        line1: value(form, 'address.line1'), postcode: value(form, 'address.postcode'), city: value(form, 'address.city'),
      },
      noFixedAddress: homeless ? { psa: value(form, 'noFixedAddress.psa') } : undefined,
      parisResidence: since ? [{ from: isoDate(since) }] : [],
      monthlyResources,
      contact: value(form, 'contact.phone') || value(form, 'contact.email')
        ? { phone: value(form, 'contact.phone') || undefined, email: value(form, 'contact.email') || undefined,
          acceptsSms: checked(form, 'contact.acceptsSms') }
        : undefined,
      section: value(form, 'section'),
    };
    busy(form, true);
    const answer = await post('/api/beneficiaries', { situation, confirmedHomonym });
    busy(form, false);
    if (answer.status === 201) {
      window.location.hash = '#/personne/' + answer.body.id;
      return;
    }
    if (answer.status === 409 && answer.body && answer.body.type === 'urn:guichet:problem:duplicate-beneficiary') {
      const existing = (answer.body.existing || []).filter(file => file.id);
      const elsewhere = (answer.body.existing || []).filter(file => !file.id).map(file => file.section);
      showErrors(form, [], 'Cette personne semble déjà enregistrée');
      const summary = form.querySelector('.resume-erreurs');
      if (existing.length) {
        summary.append(h('p', {}, 'Un dossier porte déjà ces noms et cette date de naissance : ',
            existing.map(file => h('a', { href: '#/personne/' + file.id }, 'dossier ' + file.fileNumber)), '.'));
      }
      if (elsewhere.length) {
        summary.append(h('p', {}, 'Elle est connue de la section ' + elsewhere.join(', ')
            + ' : adressez-vous à cette section, qui suit son dossier.'));
      }
      if (existing.length && !value(form, 'identity.nir')) {
        summary.append(h('p', {}, 'S\'il s\'agit d\'une autre personne (homonyme), vérifiez-le avec elle puis confirmez.'),
            h('button', { type: 'button', class: 'secondaire', onclick: () => { confirmedHomonym = true; form.requestSubmit(); } },
                'C\'est une autre personne : enregistrer quand même'));
      }
      return;
    }
    showProblem(form, answer, name => name.replace(/^situation\./, '').replace(/^parisResidence\[0\]\.from$/, 'parisResidence')
        .replace(/^monthlyResources\[\d+\]\..*$/, 'resource.OTHER'));
  });
  show('Enregistrer une personne', form);
}

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

async function aidView(beneficiaryId, correction) {
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
    const amount = amountOf(value(form, 'requestedAmount'));
    if (Number.isNaN(amount)) {
      showErrors(form, [{ field: 'requestedAmount', message: 'un montant en euros, par exemple 450 ou 450,50' }]);
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

// What the rules' reasons mean, for the agent.
const REASONS = {
  NOT_ELDERLY_OR_DISABLED: 'la personne n\'est ni âgée (65 ans, ou 60 ans et inapte au travail) ni handicapée au sens du règlement',
  RESIDENCE_TOO_SHORT: 'moins de 3 ans de résidence à Paris sur les 5 dernières années',
  RESOURCES_ABOVE_CEILING: 'les ressources du foyer dépassent le plafond',
  BELOW_PAYMENT_THRESHOLD: 'le montant calculé ne dépasse pas 2 € : rien ne serait versé',
  INCOME_TAX_ABOVE_CEILING: 'l\'impôt sur le revenu dépasse le plafond',
  NO_FIXED_ADDRESS: 'une personne sans domicile fixe ne peut pas bénéficier de ce droit',
};

function reasonsInFrench(reasons) {
  return (reasons || []).map(reason => REASONS[reason] || 'une condition n\'est pas remplie');
}

/** Whole years lived in Paris in the 5 years before today, from the registry's periods. */
function yearsInParisInLastFive(periods, today) {
  const start = new Date(today);
  start.setUTCFullYear(start.getUTCFullYear() - 5);
  let days = 0;
  for (const period of periods || []) {
    const from = new Date(Math.max(new Date(period.from + 'T00:00:00Z'), start));
    const to = period.to ? new Date(Math.min(new Date(period.to + 'T00:00:00Z'), today)) : today;
    days += Math.max(0, (to - from) / 86_400_000);
  }
  return Math.min(5, Math.floor(days / 365.25));
}

/** The person's last income tax notice, or null. */
function latestIncomeTax(situation) {
  return (situation.incomeTax || []).reduce((latest, t) => !latest || t.taxYear > latest.taxYear ? t : latest, null);
}

/** Today's date in Paris, AAAA-MM-JJ. */
function parisToday() {
  return new Date().toLocaleDateString('fr-CA', { timeZone: 'Europe/Paris' });
}

/** The Paris day (AAAA-MM-JJ) of an instant. */
function parisDay(instant) {
  return new Date(instant).toLocaleDateString('fr-CA', { timeZone: 'Europe/Paris' });
}

/** What the registry says of a person, as the simulations read it. */
function factsOf(situation) {
  const today = new Date(parisToday() + 'T00:00:00Z');
  const benefits = (situation.nationalBenefits || []).map(b => b.type);
  return {
    today: today.toISOString().slice(0, 10),
    birthDate: situation.identity.birthDate,
    disabled: (situation.disabilityEvidence || []).length > 0 || benefits.includes('AAH'),
    unfitForWork: Boolean(situation.unfitForWorkSince),
    years: yearsInParisInLastFive(situation.parisResidence, today),
    resources: (situation.monthlyResources || []).reduce((sum, r) => sum + Number(r.amount || 0), 0),
    qualifyingBenefit: benefits.some(b => ['ASPA', 'ASI', 'AAH', 'WIDOWHOOD_ALLOWANCE'].includes(b)),
    incomeTax: latestIncomeTax(situation),
    noFixedAddress: Boolean(situation.noFixedAddress),
    warVeteran: Boolean(situation.warVeteran),
  };
}

// The persons seen in this tab, so that their forms still open while the gateway cannot be reached (kept in the tab's
// session storage only: gone when the tab is closed).
const SEEN = 'guichet.personnes';

/** Shows the screen's title while its data loads; its data, or null once the reason it failed is on the screen. */
async function load(title, path) {
  show(title, h('p', {}, 'Chargement…'));
  const answer = await get(path);
  if (answer.status !== 200) {
    show(title, h('p', { class: 'resume-erreurs', role: 'alert' }, problemInFrench(answer.body, answer.status)));
    return null;
  }
  return answer.body;
}

async function personAnswer(beneficiaryId) {
  const answer = await get('/api/beneficiaries/' + beneficiaryId);
  const seen = JSON.parse(sessionStorage.getItem(SEEN) || '{}');
  if (answer.status === 200) {
    seen[beneficiaryId] = answer.body;
    const ids = Object.keys(seen);
    ids.slice(0, Math.max(0, ids.length - 20)).forEach(id => delete seen[id]);
    sessionStorage.setItem(SEEN, JSON.stringify(seen));
  } else if (answer.status === 0 && seen[beneficiaryId]) {
    return { status: 200, body: seen[beneficiaryId], offline: true };
  }
  return answer;
}

async function personOr(beneficiaryId, title) {
  const person = await personAnswer(beneficiaryId);
  if (person.status !== 200) {
    show(title, h('p', { class: 'resume-erreurs', role: 'alert' }, problemInFrench(person.body, person.status)));
    return null;
  }
  return person.body;
}

/**
 * Files an application; shows the receipt, or the refusal on the form. When the gateway cannot be reached (or says that
 * the service and its queue are both down), the application is captured on this counter under a reserved number.
 * A correction is filed again with the reception time of the application it corrects.
 */
async function file(form, path, body, benefit, { name, birthDate }, fieldOf, correction) {
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

/**
 * What a Paris Solidarité amount is made of, from a simulation: the ceiling, the resources declared and those counted
 * (and why they differ: the national floor), the monthly amount; or why it would be refused (issue #36: it was decided
 * blind, and "ressources retenues 906,81 €" for 700 € declared said nothing of the floor).
 */
function solidarityFigures(simulation, declared, heading, ifRefused) {
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

async function solidarityView(beneficiaryId, correction) {
  const draft = correction ? correction.body : {};
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
    file(form, '/api/solidarity/applications', {
      beneficiaryId, renewal: form.elements.namedItem('renewal').value === 'true',
      payee: { accountHolder: value(form, 'payee.accountHolder') || undefined, iban: value(form, 'payee.iban') },
    }, 'Paris Solidarité', { name, birthDate: s.identity.birthDate }, undefined, correction);
  });
  show(title + ' — ' + name, form);
}

async function navigoView(beneficiaryId, correction) {
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

const TRANSITIONS = {
  RECEIVED: 'Demande reçue', DOCUMENTS_UPDATED: 'Pièces mises à jour', EXAMINED: 'Instruction', GRANTED: 'Accord',
  REFUSED: 'Refus', APPEALED: 'Recours', PAYMENT_ORDERED: 'Paiement demandé', PAID: 'Payée',
  PAYMENT_FAILED: 'Paiement en échec', LAPSED: 'Caducité',
};

const REFUSALS = [
  ['DOMICILE_TOO_RECENT', 'Domiciliation à Paris depuis moins d\'un mois'], ['CAP_REACHED', 'Plafond du foyer atteint'],
  ['NOT_TEMPORARY_DIFFICULTY', 'Pas une difficulté financière temporaire'],
  ['STATUTORY_BENEFITS_NOT_CLAIMED', 'Prestations légales non demandées'],
  ['RESOURCES_SUFFICIENT', 'Ressources suffisantes'], ['OTHER', 'Autre motif (à préciser)'],
];

function hasRole(...roles) {
  return agent.roles.some(role => roles.includes(role));
}

/** The files waiting for this agent: to examine (social worker), to decide (director, never their own). */
async function queueView() {
  show('Dossiers à traiter', h('p', {}, 'Chargement…'));
  const examining = hasRole('SOCIAL_WORKER', 'SECTION_DIRECTOR');
  const wanted = hasRole('SECTION_DIRECTOR') ? ['UNDER_EXAMINATION', 'APPEALED'] : ['RECEIVED', 'UNDER_EXAMINATION'];
  const director = hasRole('SECTION_DIRECTOR');
  const [lists, others, open, parameters, rejected] = await Promise.all([
    Promise.all((examining ? wanted : []).map(status => get('/api/aid/applications?status=' + status))),
    Promise.all(!examining ? [] : director
      ? [get('/api/solidarity/applications?status=UNDER_EXAMINATION'), get('/api/transport/passes?status=REQUESTED')]
      : [get('/api/solidarity/applications?status=RECEIVED')]),
    Promise.all(['RECEIVED', 'UNDER_EXAMINATION'].map(status => get('/api/aid/applications?status=' + status))),
    get('/api/aid/parameters'),
    Promise.all(BENEFITS.map(([benefit]) => get('/api/' + benefit + '/intake/rejected')))]);
  // Issue #36: the queues showed application numbers only. Each file's person, by name (one read per person; the first
  // 100 people, well within an agent's burst of requests at the gateway).
  const ids = [...new Set([...lists, ...others].filter(list => list.status === 200).flatMap(list => list.body)
      .map(file => file.beneficiaryId))].slice(0, 100);
  const people = new Map(await Promise.all(ids.map(async id => {
    const person = await get('/api/beneficiaries/' + id);
    return [id, person.status === 200
      ? person.body.situation.identity.firstNames + ' ' + person.body.situation.identity.lastName : 'dossier illisible'];
  })));
  const nameOf = file => people.get(file.beneficiaryId) || '';
  const sections = [];
  if (examining) {
    sections.push(examinationQueue(lists, nameOf));
    sections.push(otherQueue(director ? 'Paris Solidarité à décider' : 'Paris Solidarité à instruire', others[0], '#/psol/', nameOf));
    if (director) {
      sections.push(otherQueue('Navigo à décider', others[1], '#/navigo-demande/', nameOf));
    }
  }
  sections.push(rejectedQueue(rejected));
  sections.push(lapseQueue(open, parameters));
  show('Dossiers à traiter', ...sections.flat());
}

const BENEFITS = [['aid', 'Allocation exceptionnelle'], ['solidarity', 'Paris Solidarité'], ['transport', 'Navigo']];

/** Paris Solidarité or Navigo applications waiting for the agent's role. */
function otherQueue(title, answer, link, nameOf) {
  if (answer.status !== 200) {
    return [h('h2', {}, title), unavailableList(answer)];
  }
  const mine = file => file.filedBy === agent.username || file.examinedBy === agent.username;
  return [h('h2', {}, title), answer.body.length === 0 ? h('p', {}, 'Aucun dossier en attente.') : h('table', {},
      h('thead', {}, h('tr', {}, ['Demande', 'Personne', 'Reçue le', 'État', 'Déposée par']
          .map(column => h('th', { scope: 'col' }, column)))),
      h('tbody', {}, answer.body.map(file => h('tr', {},
          h('td', {}, h('a', { href: link + file.id }, file.number),
              hasRole('SECTION_DIRECTOR') && mine(file) ? h('span', { class: 'aide' }, 'à décider par un autre directeur') : null),
          h('td', {}, nameOf(file)), h('td', {}, date(file.receivedAt)), h('td', {}, statusInFrench(file.status)), h('td', {}, file.filedBy)))))];
}

function unavailableList(answer) {
  return h('p', { class: 'info' }, problemInFrench(answer.body, answer.status));
}

function examinationQueue(lists, nameOf) {
  const title = h('h2', {}, hasRole('SECTION_DIRECTOR') ? 'Allocations exceptionnelles à décider'
    : 'Allocations exceptionnelles à instruire');
  const failed = lists.find(list => list.status !== 200);
  if (failed) {
    return [title, unavailableList(failed)];
  }
  const files = lists.flatMap(list => list.body);
  const mine = file => file.filedBy === agent.username || (file.examination && file.examination.examinedBy === agent.username);
  return [title,
    hasRole('SECTION_DIRECTOR')
      ? h('p', { class: 'info' }, 'Règle des quatre yeux : vous ne décidez pas une demande que vous avez déposée ou instruite ;'
          + ' elle revient à un autre directeur de la section.') : null,
    files.length === 0 ? h('p', {}, 'Aucun dossier en attente.') : h('table', {},
        h('thead', {}, h('tr', {}, ['Demande', 'Personne', 'Reçue le', 'Motif', 'Montant demandé', 'État', 'Pièces manquantes']
            .map(column => h('th', { scope: 'col' }, column)))),
        h('tbody', {}, files.map(file => h('tr', {},
            h('td', {}, h('a', { href: '#/demande/' + file.id }, file.number),
                hasRole('SECTION_DIRECTOR') && mine(file) ? h('span', { class: 'aide' }, 'à décider par un autre directeur') : null),
            h('td', {}, nameOf(file)), h('td', {}, date(file.receivedAt)),
            h('td', {}, (CATEGORIES.find(([code]) => code === file.category) || [null, ''])[1]),
            h('td', {}, euros(file.requestedAmount)), h('td', {}, statusInFrench(file.status)),
            h('td', {}, file.missingDocuments.length ? file.missingDocuments.join(', ') : 'aucune')))))];
}

/** The queued commands of the section that their service refused when it came back: to call the person back. */
function rejectedQueue(answers) {
  const title = h('h2', {}, 'Demandes rejetées à la reprise d\'un service');
  const rows = [];
  const unavailable = [];
  answers.forEach((answer, index) => {
    const [benefit, label] = BENEFITS[index];
    if (answer.status !== 200) {
      unavailable.push(label);
      return;
    }
    answer.body.forEach(command => {
      const problem = command.problem || {};
      const reasons = [problemInFrench(problem, command.status),
        ...(problem.errors || []).map(e => (FIELD_LABELS[e.field] || 'Un champ') + ' : ' + detailInFrench(e.detail))];
      rows.push(h('tr', {},
          h('td', {}, command.receiptNumber), h('td', {}, label), h('td', {}, dateTime(command.receivedAt)),
          h('td', {}, command.agent.split(' ')[0]), h('td', {}, h('ul', {}, reasons.map(reason => h('li', {}, reason)))),
          h('td', {}, h('button', { type: 'button', class: 'secondaire', onclick: async event => {
            event.target.disabled = true;
            const done = await post('/api/' + benefit + '/intake/rejected/' + command.receiptNumber + '/handled');
            if (done.status === 200 || done.status === 204) {
              queueView();
            } else {
              event.target.disabled = false;
              event.target.after(h('span', { class: 'erreur-champ', role: 'alert' }, problemInFrench(done.body, done.status)));
            }
          } }, 'Marquer comme traitée'))));
    });
  });
  return [title,
    h('p', {}, 'Des demandes reçues pendant l\'indisponibilité d\'un service, qu\'il a refusées à son retour. Rappelez la'
        + ' personne, puis déposez à nouveau la demande corrigée depuis son dossier ; marquez-la ensuite comme traitée.'),
    unavailable.length ? h('p', { class: 'info' }, 'Momentanément indisponible : ' + unavailable.join(', ') + '.') : null,
    rows.length ? h('table', {}, h('thead', {}, h('tr', {}, ['Récépissé', 'Prestation', 'Reçue le', 'Déposée par', 'Motif du rejet',
      'Action'].map(column => h('th', { scope: 'col' }, column)))), h('tbody', {}, rows))
      : h('p', {}, 'Aucune demande rejetée à traiter.')];
}

// The fields of the filing forms, as their labels name them.
const FIELD_LABELS = {
  beneficiaryId: 'Personne', category: 'Motif de la demande', requestedAmount: 'Montant demandé (€)',
  reason: 'Situation et besoin', 'payee.kind': 'Le paiement est fait à', 'payee.accountHolder': 'Titulaire du compte',
  'payee.iban': 'IBAN', missingDocuments: 'Pièces manquantes', disasterEvent: 'Référence du sinistre',
  navigoCardNumber: 'Numéro de la carte Navigo', zones: 'Zones', receivedAt: 'Date de réception', section: 'Section',
};

/** The exceptional aid applications still waiting for documents, by the day they lapse (RM I/B art. 3). */
function lapseQueue(lists, parameters) {
  const title = h('h2', {}, 'Allocations exceptionnelles bientôt caduques');
  const failed = lists.find(list => list.status !== 200);
  if (failed || parameters.status !== 200) {
    return [title, unavailableList(failed || parameters)];
  }
  const today = parisToday();
  const months = parameters.body.filter(p => p.name === 'lapse.months' && p.effectiveFrom <= today)
      .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
  const files = lists.flatMap(list => list.body).filter(file => file.missingDocuments.length)
      .map(file => ({ file, lapsesOn: lapseDate(file.receivedAt, Number(months ? months.value : 2)) }))
      .sort((a, b) => a.lapsesOn.localeCompare(b.lapsesOn));
  return [title,
    h('p', {}, 'Une demande dont des pièces manquent devient caduque si elle n\'est pas complète ' + (months ? Number(months.value) : 2)
        + ' mois après sa réception : prévenez la personne avant la date.'),
    files.length ? h('table', {}, h('thead', {}, h('tr', {}, ['Demande', 'Reçue le', 'Pièces attendues au plus tard le',
      'Pièces manquantes']
        .map(column => h('th', { scope: 'col' }, column)))),
    h('tbody', {}, files.map(({ file, lapsesOn }) => h('tr', {},
        h('td', {}, h('a', { href: '#/demande/' + file.id }, file.number)), h('td', {}, date(file.receivedAt)),
        h('td', {}, date(lapsesOn)), h('td', {}, file.missingDocuments.join(', '))))))
      : h('p', {}, 'Aucune demande en attente de pièces.')];
}

/**
 * The last day to complete an application received at {@code receivedAt}: the same day {@code months} later, Paris time
 * (it lapses the day after, as the service's nightly job has it).
 */
function lapseDate(receivedAt, months) {
  const [y, m, d] = new Date(receivedAt).toLocaleDateString('fr-CA', { timeZone: 'Europe/Paris' }).split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** An application for exceptional aid: where it stands, its history, and the step this agent may take. */
async function applicationView(id) {
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
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const amount = value(form, 'proposedAmount') ? amountOf(value(form, 'proposedAmount')) : undefined;
    busy(form, true);
    const answer = await post('/api/aid/applications/' + a.id + '/examination',
        { assessment: value(form, 'assessment'), proposedAmount: amount });
    busy(form, false);
    if (answer.status === 200) {
      applicationView(a.id);
      return;
    }
    showProblem(form, answer);
  });
  return form;
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

// ——— Paris Solidarité and Navigo: examination and decision ———

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

function reasonsOf(codes, list) {
  return (codes || []).map(code => code === 'OTHER' ? 'autre motif'
    : (list.find(([c]) => c === code) || [null, 'une condition n\'est pas remplie'])[1]).join(' ; ');
}

/** Who filed, examined or decided: the four-eyes rule keeps them from deciding. */
function fourEyesNote() {
  return h('p', { class: 'info' }, 'Règle des quatre yeux : vous avez déposé ou instruit cette demande ; un autre directeur de'
      + ' la section la décide.');
}

async function solidarityApplicationView(id) {
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

async function passView(id) {
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

/** Juin 2027, from 2027-06-01. */
function monthOf(iso) {
  return iso ? new Date(iso + 'T12:00:00Z').toLocaleDateString('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' }) : '';
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
function refusalOrGrantForm(path, refusals, done, ...more) {
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

/** The decision letter (PDF), fetched with the agent's token, opened in a new tab to read or print. */
function letterButton(path) {
  return h('button', { type: 'button', class: 'secondaire', onclick: () => openPdf(path,
      'La lettre ne peut pas être ouverte pour le moment.') }, 'Ouvrir la lettre de décision');
}

/** A document of the API (a letter, a receipt), opened in a new tab to print. */
async function openPdf(path, failure) {
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
function reprintButton(receipt, beneficiaryId) {
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

// ——— Offline capture ———

/** The printed receipt of an application captured on this counter, with its reserved number. */
function capturedReceiptView(item) {
  show('Demande enregistrée sur ce poste',
      h('div', { class: 'succes', role: 'status' }, 'Le serveur est injoignable : la demande est enregistrée sur ce poste et'
          + ' sera transmise automatiquement dès son retour. Remettez le récépissé à la personne.'),
      h('div', { class: 'recepisse' },
          h('p', {}, 'Centre d\'action sociale de la Ville de Paris'),
          h('h2', {}, 'Récépissé de dépôt de demande'),
          h('p', { class: 'numero' }, item.receipt),
          h('dl', { class: 'fiche' },
              h('dt', {}, 'Prestation'), h('dd', {}, item.benefit),
              item.name ? [h('dt', {}, 'Personne'), h('dd', {}, item.name)] : null,
              h('dt', {}, 'Date de réception faisant foi'), h('dd', {}, dateTime(item.receivedAt) + ' (heure de Paris)'),
              h('dt', {}, 'État'), h('dd', {}, 'Reçue au guichet, transmission au service en attente')),
          h('p', {}, 'Conservez ce récépissé : son numéro permet de suivre la demande auprès de votre section.'
              + ' Vos droits sont ouverts à la date de réception ci-dessus.')),
      h('div', { class: 'actions' },
          h('button', { type: 'button', onclick: () => window.print() }, 'Imprimer le récépissé'),
          h('a', { class: 'bouton secondaire', href: '#/personne/' + (item.beneficiaryId || '') }, 'Retour au dossier'),
          h('a', { class: 'bouton secondaire', href: '#/hors-ligne' }, 'Saisies hors ligne')));
}

/** Why an application captured offline was refused, in French. */
function refusalOf(item) {
  const problem = item.problem || {};
  const errors = (problem.errors || []).map(e => (CAPTURE_FIELDS[e.field] || FIELD_LABELS[e.field] || 'Un champ') + ' : '
      + detailInFrench(e.detail));
  if (errors.length) {
    return errors;
  }
  return [item.problem || !(item.reasons || []).length ? problemInFrench(problem, 400)
    : 'refusée par le service à sa reprise (voir « Dossiers à traiter »)'];
}

const CAPTURE_FIELDS = {
  series: 'Série de numéros', receipt: 'Numéro de récépissé', receivedAt: 'Date de réception', path: 'Demande',
  body: 'Demande', 'Idempotency-Key': 'Demande',
};

const CAPTURE_STATES = {
  [WAITING]: 'En attente d\'envoi', [SENT]: 'Transmise, en attente du service', [DONE]: 'Enregistrée par le service',
  [REFUSED]: 'Refusée',
};

async function refreshCapturedCount() {
  const waiting = (await mine(agent.username)).filter(item => item.state === WAITING || item.state === SENT || item.state === REFUSED);
  const link = document.getElementById('lien-hors-ligne');
  if (link) {
    link.textContent = 'Saisies hors ligne' + (waiting.length ? ' (' + waiting.length + ')' : '');
  }
}

/** The signed-in agent's key for offline captures, once per tab session, as soon as the gateway answers. */
async function ensureCaptureKey() {
  if (hasCaptureKey()) {
    return;
  }
  const answer = await get('/api/counter/capture-key');
  if (answer.status === 200 && answer.body && answer.body.key) {
    useCaptureKey(answer.body.key);
  }
}

/** Sends what waits and, when anything changed and the agent looks at the list, shows it again. */
async function synchroniseAndShow() {
  if (!currentSession() || leaving) {
    return;
  }
  await ensureCaptureKey();
  await reserveIfLow(agent.section);
  if (await synchronise(agent.username)) {
    await refreshCapturedCount();
    if ((window.location.hash || '').startsWith('#/hors-ligne')) {
      capturedView();
    }
  }
}

async function capturedView() {
  const items = await mine(agent.username);
  const others = await othersWaiting(agent.username);
  const left = agent.section ? await numbersLeft(agent.section) : 0;
  const rows = items.map(item => h('tr', {},
      h('td', {}, dateTime(item.receivedAt)),
      h('td', {}, item.benefit),
      h('td', {}, item.name || ''),
      h('td', {}, item.receipt),
      h('td', {}, CAPTURE_STATES[item.state],
          item.state === DONE ? ' : ' + statusInFrench(item.status) + (item.applicationNumber ? ', demande '
              + item.applicationNumber : '') : '',
          item.state === REFUSED ? h('ul', {}, refusalOf(item).map(reason => h('li', {}, reason))) : null),
      h('td', {},
          h('button', { type: 'button', class: 'secondaire', onclick: () => capturedReceiptView(item) }, 'Récépissé'),
          item.state === REFUSED ? h('a', { class: 'bouton', href: '#/corriger/' + item.key }, 'Corriger') : null,
          item.state === DONE || item.state === REFUSED
            ? h('button', { type: 'button', class: 'secondaire', onclick: async () => { await forget(item.key); capturedView(); } },
                'Retirer de la liste')
            : null)));
  show('Saisies hors ligne',
      h('p', {}, 'Les demandes déposées pendant que le serveur était injoignable, sur ce poste. Elles sont transmises'
          + ' automatiquement, dans l\'ordre de leur dépôt, dès que le serveur répond ; chacune une seule fois.'),
      h('p', { class: 'info' }, 'Leur date de réception est celle du dépôt au guichet : elle fait foi si la demande parvient au'
          + ' service dans les deux mois (règlement municipal, titre I). Au-delà, la demande est refusée et doit être déposée'
          + ' à nouveau. ' + (agent.section ? 'Numéros de récépissé encore réservés pour ce poste : ' + left + '.' : '')),
      rows.length
        ? h('table', {}, h('caption', {}, rows.length === 1 ? '1 demande' : rows.length + ' demandes'),
            h('thead', {}, h('tr', {}, ['Reçue le', 'Prestation', 'Personne', 'Récépissé', 'État', 'Actions']
                .map(title => h('th', { scope: 'col' }, title)))), h('tbody', {}, rows))
        : h('p', {}, 'Aucune demande saisie hors ligne sur ce poste.'),
      others ? h('p', { class: 'info' }, (others === 1 ? '1 demande saisie' : others + ' demandes saisies')
          + ' hors ligne sur ce poste par un autre agent attend' + (others === 1 ? '' : 'ent')
          + ' qu\'il se connecte : elle' + (others === 1 ? ' sera transmise' : 's seront transmises')
          + ' en son nom.') : null,
      h('div', { class: 'actions' }, h('button', { type: 'button', onclick: refreshBanner }, 'Transmettre maintenant')));
}

async function correctView(key) {
  const item = await capturedOne(key);
  if (!item || item.state !== REFUSED) {
    capturedView();
    return;
  }
  if (item.path === '/api/aid/applications') {
    aidView(item.beneficiaryId, item);
  } else if (item.path === '/api/solidarity/applications') {
    solidarityView(item.beneficiaryId, item);
  } else {
    navigoView(item.beneficiaryId, item);
  }
}

/**
 * The paper kit, printed while the counter works, for the day when no computer does: the agents' procedure and, per
 * benefit, forms that each carry a receipt number reserved for the section.
 */
function paperKitView() {
  const status = h('div', { 'aria-live': 'polite' });
  const forms = BENEFITS.map(([benefit, label]) => {
    const form = h('form', { novalidate: true, class: 'kit' },
        field('count-' + benefit, 'Nombre de formulaires « ' + label + ' »', { value: '10', inputmode: 'numeric',
          help: 'De 1 à 50 ; chacun porte son propre numéro de récépissé.' }),
        h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Imprimer les formulaires « ' + label + ' »')));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      const count = Number(value(form, 'count-' + benefit));
      if (!Number.isInteger(count) || count < 1 || count > 50) {
        showErrors(form, [{ field: 'count-' + benefit, message: 'un nombre de 1 à 50' }]);
        return;
      }
      showErrors(form, []);
      busy(form, true);
      const file = await download('/api/counter/paper-forms', 'application/pdf', { benefit, count });
      busy(form, false);
      if (!file.blob) {
        status.replaceChildren(h('p', { class: 'resume-erreurs', role: 'alert' }, problemInFrench(file.problem, file.status)));
        return;
      }
      window.open(URL.createObjectURL(file.blob), '_blank');
      status.replaceChildren(h('p', { class: 'succes', role: 'status' }, count + ' formulaire(s) « ' + label
          + ' » prêts à imprimer, numéros réservés pour la section ' + agent.section + '.'));
    });
    return form;
  });
  show('Kit papier', h('p', {}, 'À imprimer maintenant, pour le jour où aucun ordinateur ne fonctionne : la fiche de '
      + 'procédure et des formulaires qui portent chacun un numéro de récépissé réservé. Saisis plus tard (« Saisie d\'un '
      + 'formulaire papier » sur la demande), ils gardent leur date de réception.'),
  h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => openPdf('/api/counter/paper-kit/procedure',
      'La fiche de procédure n\'est pas disponible pour le moment.') }, 'Fiche de procédure (PDF)')),
  forms, status);
}

/** An instant from a day (AAAA-MM-JJ) and an hour (HH:MM) read on a Paris clock. */
function parisInstant(day, time) {
  const [year, month, date] = day.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const guess = Date.UTC(year, month - 1, date, hour, minute);
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit',
    day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(guess));
  const part = type => Number(parts.find(p => p.type === type).value);
  const shown = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  return new Date(guess - (shown - guess)).toISOString();
}

/** On a filing form: the number printed on a paper form and the reception time written on it, when typing one in. */
function paperFields() {
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

const OUTCOMES = { GRANTED: 'accordée', REFUSED: 'rejetée', LAPSED: 'caduque', PENDING: 'en cours' };

/** "05/2026" typed by an agent, as "2026-05"; null when it is not a month. */
function isoMonth(typed) {
  const match = /^(\d{1,2})\s*\/\s*(\d{4})$/.exec((typed || '').trim());
  return match && Number(match[1]) >= 1 && Number(match[1]) <= 12 ? match[2] + '-' + match[1].padStart(2, '0') : null;
}

/**
 * The section's exceptional aid report (RM V.2.1): applications counted and summed by month, category and outcome,
 * shown on screen and downloaded for a spreadsheet (CSV in French: UTF-8 with BOM, semicolons, decimal commas).
 */
function reportView() {
  const year = parisToday().slice(0, 4);
  const thisMonth = parisToday().slice(5, 7) + '/' + year;
  const result = h('div', { 'aria-live': 'polite' });
  const form = h('form', { novalidate: true },
      field('section', 'Section', { value: agent.section || '', inputmode: 'numeric',
        help: agent.section ? 'Votre section.' : 'Un numéro d\'arrondissement, de 1 à 20.' }),
      field('from', 'Du mois', { value: '01/' + year, inputmode: 'numeric', help: 'Au format MM/AAAA.' }),
      field('to', 'Au mois', { value: thisMonth, inputmode: 'numeric', help: 'Au format MM/AAAA.' }),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Afficher le rapport'),
          h('button', { type: 'button', class: 'secondaire', id: 'telecharger-rapport' }, 'Télécharger pour un tableur (CSV)')));
  const query = () => {
    const errors = [];
    const section = value(form, 'section');
    const from = isoMonth(value(form, 'from'));
    const to = isoMonth(value(form, 'to'));
    if (!/^([1-9]|1[0-9]|20)$/.test(section)) {
      errors.push({ field: 'section', message: 'un numéro de section, de 1 à 20' });
    }
    if (!from) {
      errors.push({ field: 'from', message: 'un mois au format MM/AAAA' });
    }
    if (!to) {
      errors.push({ field: 'to', message: 'un mois au format MM/AAAA' });
    }
    if (errors.length) {
      showErrors(form, errors);
      return null;
    }
    showErrors(form, []);
    return '/api/aid/reports?section=' + section + '&from=' + from + '&to=' + to;
  };
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const path = query();
    if (!path) {
      return;
    }
    const answer = await get(path);
    if (answer.status !== 200) {
      result.replaceChildren(h('p', { class: 'resume-erreurs', role: 'alert' }, problemInFrench(answer.body, answer.status)));
      return;
    }
    const report = answer.body;
    const monthName = month => new Date(month + '-01T12:00:00Z').toLocaleDateString('fr-FR', { month: 'long', year: 'numeric' });
    result.replaceChildren(report.rows.length === 0 ? h('p', {}, 'Aucune demande tranchée sur cette période.')
      : h('table', {}, h('caption', {}, 'Allocations exceptionnelles, section ' + report.section),
          h('thead', {}, h('tr', {}, ['Mois', 'Motif', 'Issue', 'Nombre', 'Demandé', 'Accordé'].map(c => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, report.rows.map(row => h('tr', {},
              h('td', {}, monthName(row.month)),
              h('td', {}, (CATEGORIES.find(([code]) => code === row.category) || [null, row.category])[1]),
              h('td', {}, OUTCOMES[row.outcome] || row.outcome), h('td', {}, String(row.count)),
              h('td', {}, euros(row.requested)), h('td', {}, euros(row.granted))))),
          h('tfoot', {}, h('tr', {}, h('th', { scope: 'row', colspan: 3 }, 'Total'), h('td', {}, String(report.totals.count)),
              h('td', {}, euros(report.totals.requested)), h('td', {}, euros(report.totals.granted))))));
  });
  form.querySelector('#telecharger-rapport').addEventListener('click', async () => {
    const path = query();
    if (!path) {
      return;
    }
    const file = await download(path, 'text/csv');
    if (!file.blob) {
      result.replaceChildren(h('p', { class: 'resume-erreurs', role: 'alert' }, problemInFrench(null, file.status)));
      return;
    }
    const link = h('a', { href: URL.createObjectURL(file.blob), download: file.filename || 'rapport.csv' });
    document.body.append(link);
    link.click();
    link.remove();
    result.replaceChildren(h('p', { role: 'status' }, 'Fichier téléchargé : ' + (file.filename || 'rapport.csv')
        + '. Il s\'ouvre dans un tableur réglé en français (accents, montants et mois compris).'));
  });
  show('Rapport des allocations exceptionnelles', h('p', {}, 'Les demandes tranchées (accordées, rejetées, caduques) par mois, '
      + 'motif et issue : le rapport de la section.'), form, result);
}

function route() {
  if (leaving) {
    return;
  }
  const [, view, id] = (window.location.hash || '#/').split('/');
  // The current page, marked in the navigation (issue #36: it was not).
  document.querySelectorAll('#navigation a').forEach(link => {
    if (link.getAttribute('href') === '#/' + view) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  });
  if (view === 'recherche') {
    searchView();
  } else if (view === 'enregistrer') {
    registerView();
  } else if (view === 'personne' && id) {
    personView(id);
  } else if (view === 'aide' && id) {
    aidView(id);
  } else if (view === 'dossiers') {
    queueView();
  } else if (view === 'rapports') {
    reportView();
  } else if (view === 'parametres') {
    parametersView(agent);
  } else if (view === 'kit-papier') {
    paperKitView();
  } else if (view === 'demande' && id) {
    applicationView(id);
  } else if (view === 'solidarite' && id) {
    solidarityView(id);
  } else if (view === 'navigo' && id) {
    navigoView(id);
  } else if (view === 'situation' && id) {
    situationView(id);
  } else if (view === 'psol' && id) {
    solidarityApplicationView(id);
  } else if (view === 'navigo-demande' && id) {
    passView(id);
  } else if (view === 'hors-ligne') {
    capturedView();
  } else if (view === 'corriger' && id) {
    correctView(id);
  } else {
    home();
  }
}

/**
 * Sign-out on a workstation others use: the persons seen in this tab are forgotten, and so are this agent's offline
 * captures their service has applied (those still to send stay, theirs, until they sign in again).
 */
let leaving = false;

async function leave() {
  leaving = true;
  sessionStorage.removeItem(SEEN);
  useCaptureKey(null);
  try {
    await forgetFiled(agent.username);
  } finally {
    await signOut(config);
  }
}

function showAgent() {
  const roles = agent.roles.map(role => ROLES[role] || role).join(', ');
  document.getElementById('agent').replaceChildren(
      h('span', {}, agent.username + ' — ' + roles + (agent.section ? ', section ' + agent.section : ', toutes sections')),
      h('button', { type: 'button', onclick: leave }, 'Se déconnecter'));
  document.querySelector('#navigation ul').append(h('li', {}, h('a', { href: '#/dossiers' }, 'Dossiers à traiter')));
  if (hasRole('SECTION_DIRECTOR', 'SUPERVISOR')) {
    document.querySelector('#navigation ul').append(h('li', {}, h('a', { href: '#/rapports' }, 'Rapports')));
  }
  if (hasRole('ADMINISTRATOR', 'SUPERVISOR')) {
    document.querySelector('#navigation ul').append(h('li', {}, h('a', { href: '#/parametres' }, 'Paramètres')));
  }
  if (agent.section) {
    document.querySelector('#navigation ul').append(h('li', {}, h('a', { href: '#/kit-papier' }, 'Kit papier')));
  }
  document.querySelector('#navigation ul').append(h('li', {},
      h('a', { href: '#/hors-ligne', id: 'lien-hors-ligne' }, 'Saisies hors ligne')));
  document.getElementById('navigation').hidden = false;
}

function showSignIn(text, page = show) {
  page('Connexion', h('p', {}, text),
      h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => signIn(config) }, 'Se connecter')));
}

async function start() {
  try {
    config = await configuration();
    await completeSignIn(config);
  } catch (failure) {
    show('Connexion impossible', h('p', { class: 'resume-erreurs', role: 'alert' },
        'Le guichet ne parvient pas à joindre le service de connexion. Vérifiez la connexion du poste, puis rechargez la page.'));
    return;
  }
  const session = currentSession();
  if (!session) {
    showSignIn('Connectez-vous avec votre identifiant d\'agent pour utiliser le guichet.');
    return;
  }
  window.addEventListener('guichet:fin-de-session', () => {
    if (!leaving) {
      leaving = true;
      document.getElementById('navigation').hidden = true;
      document.getElementById('agent').replaceChildren();
      showSignIn('Votre session a pris fin (fin de la journée de connexion, ou déconnexion). Reconnectez-vous pour '
          + 'continuer ; les demandes saisies hors ligne restent sur ce poste et seront transmises à votre retour.', showLast);
    }
  });
  agent = agentOf(session);
  showAgent();
  await ensureCaptureKey();
  // The status of each benefit, every 15 s; what was captured offline is sent as soon as the gateway answers again
  // (then, and when the network comes back).
  refreshBanner();
  setInterval(refreshBanner, 15_000);
  window.addEventListener('online', refreshBanner);
  window.addEventListener('hashchange', route);
  route();
}

if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/sw.js').catch(() => {});
}
start();
