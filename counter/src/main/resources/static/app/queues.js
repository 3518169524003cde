// The work queues: what each role has to do, with the names of the persons.

import { get, post } from './api.js';
import { h, show } from './dom.js';
import { CATEGORIES, date, dateTime, detailInFrench, euros, problemInFrench, statusInFrench } from './messages.js';
import { lapseDate, parisDay, parisToday } from './rules.js';
import { agent, config, hasRole } from './session.js';

export const TRANSITIONS = {
  RECEIVED: 'Demande reçue', DOCUMENTS_UPDATED: 'Pièces mises à jour', EXAMINED: 'Instruction', GRANTED: 'Accord',
  REFUSED: 'Refus', APPEALED: 'Recours', PAYMENT_ORDERED: 'Paiement demandé', PAID: 'Payée',
  PAYMENT_FAILED: 'Paiement en échec', LAPSED: 'Caducité',
};

export const REFUSALS = [
  ['DOMICILE_TOO_RECENT', 'Domiciliation à Paris depuis moins d\'un mois'], ['CAP_REACHED', 'Plafond du foyer atteint'],
  ['NOT_TEMPORARY_DIFFICULTY', 'Pas une difficulté financière temporaire'],
  ['STATUTORY_BENEFITS_NOT_CLAIMED', 'Prestations légales non demandées'],
  ['RESOURCES_SUFFICIENT', 'Ressources suffisantes'], ['OTHER', 'Autre motif (à préciser)'],
];

/**
 * The queues this agent works, from the declaration (/counter/config): of each benefit, its files to decide when one of
 * the agent's roles decides it, or else its files to examine when one of them examines it.
 */
function queuesOf() {
  return config.benefits.map(benefit => {
    const deciding = hasRole(...benefit.decide.roles);
    const queue = deciding ? benefit.decide : hasRole(...benefit.examine.roles) ? benefit.examine : null;
    return queue && queue.statuses.length ? { benefit, deciding, statuses: queue.statuses } : null;
  }).filter(Boolean);
}

/** The files waiting for this agent: to examine (social worker), to decide (director, never their own). */
export async function queueView() {
  show('Dossiers à traiter', h('p', {}, 'Chargement…'));
  const queues = queuesOf();
  const [today, waiting, open, parameters, rejected] = await Promise.all([
    Promise.all(config.benefits.map(benefit => get(benefit.files))),
    Promise.all(queues.map(queue => Promise.all(queue.statuses.map(status => get(queue.benefit.files + '?status=' + status))))),
    Promise.all(['RECEIVED', 'UNDER_EXAMINATION'].map(status => get('/api/aid/applications?status=' + status))),
    get('/api/aid/parameters'),
    Promise.all(config.benefits.map(benefit => get('/api/' + benefit.code + '/intake/rejected')))]);
  // Issue #36: the queues showed application numbers only. Each file's person, by name (one read per person; the first
  // 100 people, well within an agent's burst of requests at the gateway).
  const filedToday = today.map(answer => answer.status !== 200 ? answer
    : { ...answer, body: answer.body.filter(file => parisDay(file.receivedAt) === parisToday()) });
  const ids = [...new Set([...filedToday, ...waiting.flat()].filter(list => list.status === 200).flatMap(list => list.body)
      .map(file => file.beneficiaryId))].slice(0, 100);
  const people = new Map(await Promise.all(ids.map(async id => {
    const person = await get('/api/beneficiaries/' + id);
    return [id, person.status === 200
      ? person.body.situation.identity.firstNames + ' ' + person.body.situation.identity.lastName : 'dossier illisible'];
  })));
  const nameOf = file => people.get(file.beneficiaryId) || '';
  const sections = [todaysFilings(filedToday, nameOf)];
  if (queues.some(queue => queue.deciding)) {
    sections.push(h('p', { class: 'info' }, 'Règle des quatre yeux : vous ne décidez pas une demande que vous avez déposée ou'
        + ' instruite ; elle revient à un autre directeur de la section.'));
  }
  queues.forEach((queue, index) => sections.push(benefitQueue(queue, waiting[index], nameOf)));
  sections.push(rejectedQueue(rejected));
  sections.push(lapseQueue(open, parameters));
  show('Dossiers à traiter', ...sections.flat());
}


/** The section's applications received today, every benefit, the latest first (issue #36: the agent had no such list). */
function todaysFilings(answers, nameOf) {
  const title = h('h2', {}, 'Demandes reçues aujourd\'hui');
  const rows = answers.flatMap((answer, index) => answer.status !== 200 ? []
    : answer.body.map(file => ({ file, link: config.benefits[index].file, benefit: config.benefits[index].name })))
    .sort((a, b) => b.file.receivedAt.localeCompare(a.file.receivedAt));
  const unavailable = answers.map((answer, index) => answer.status === 200 ? null : config.benefits[index].name).filter(Boolean);
  return [title,
    unavailable.length ? h('p', { class: 'info' }, 'Non disponible pour le moment : ' + unavailable.join(', ') + '.') : null,
    rows.length === 0 ? h('p', {}, 'Aucune demande reçue aujourd\'hui.') : h('table', {},
        h('thead', {}, h('tr', {}, ['Heure', 'Demande', 'Prestation', 'Personne', 'État', 'Déposée par']
            .map(column => h('th', { scope: 'col' }, column)))),
        h('tbody', {}, rows.map(({ file, link, benefit }) => h('tr', {},
            h('td', {}, dateTime(file.receivedAt).slice(-5)), h('td', {}, h('a', { href: link + file.id }, file.number)),
            h('td', {}, benefit), h('td', {}, nameOf(file)), h('td', {}, statusInFrench(file.status)),
            h('td', {}, file.filedBy)))))];
}

/**
 * One benefit's files waiting for the agent's role, the oldest first. The columns a benefit's files have besides the
 * common ones (the reason and amount asked, the documents missing) are shown when its files carry them.
 */
function benefitQueue({ benefit, deciding }, answers, nameOf) {
  const title = h('h2', {}, benefit.name + (deciding ? ' à décider' : ' à instruire'));
  const failed = answers.find(answer => answer.status !== 200);
  if (failed) {
    return [title, unavailableList(failed)];
  }
  const files = answers.flatMap(answer => answer.body).sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
  const mine = file => file.filedBy === agent.username || file.examinedBy === agent.username
      || (file.examination && file.examination.examinedBy === agent.username);
  const extra = [
    ['Motif', file => file.category !== undefined, file => (CATEGORIES.find(([code]) => code === file.category) || [null, ''])[1]],
    ['Montant demandé', file => file.requestedAmount !== undefined, file => euros(file.requestedAmount)],
    ['Pièces manquantes', file => Array.isArray(file.missingDocuments),
      file => file.missingDocuments.length ? file.missingDocuments.join(', ') : 'aucune'],
  ].filter(([, has]) => files.some(has));
  return [title, files.length === 0 ? h('p', {}, 'Aucun dossier en attente.') : h('table', {},
      h('thead', {}, h('tr', {}, ['Demande', 'Personne', 'Reçue le', ...extra.map(([column]) => column), 'État', 'Déposée par']
          .map(column => h('th', { scope: 'col' }, column)))),
      h('tbody', {}, files.map(file => h('tr', {},
          h('td', {}, h('a', { href: benefit.file + file.id }, file.number),
              deciding && mine(file) ? h('span', { class: 'aide' }, 'à décider par un autre directeur') : null),
          h('td', {}, nameOf(file)), h('td', {}, date(file.receivedAt)), ...extra.map(([, , cell]) => h('td', {}, cell(file))),
          h('td', {}, statusInFrench(file.status)), h('td', {}, file.filedBy)))))];
}

function unavailableList(answer) {
  return h('p', { class: 'info' }, problemInFrench(answer.body, answer.status));
}

/** The queued commands of the section that their service refused when it came back: to call the person back. */
function rejectedQueue(answers) {
  const title = h('h2', {}, 'Demandes rejetées à la reprise d\'un service');
  const rows = [];
  const unavailable = [];
  answers.forEach((answer, index) => {
    const { code: benefit, name: label } = config.benefits[index];
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
export const FIELD_LABELS = {
  beneficiaryId: 'Personne', category: 'Motif de la demande', requestedAmount: 'Montant demandé (€)',
  reason: 'Situation et besoin', 'payee.kind': 'Le paiement est fait à', 'payee.accountHolder': 'Titulaire du compte',
  'payee.iban': 'IBAN', missingDocuments: 'Pièces manquantes', disasterEvent: 'Référence du sinistre',
  navigoCardNumber: 'Numéro de la carte Navigo', zones: 'Zones', receivedAt: 'Date de réception', section: 'Section',
  household: 'Le foyer et son logement', 'household.category': 'Le demandeur relève de', 'household.tenure': 'Logement',
  'household.residence': 'Lieu de vie',
  'household.children': 'Enfants à charge', 'household.disabledChildren': 'Dont enfants handicapés',
  'household.resources': 'Ressources mensuelles du foyer', 'household.rent': 'Loyer principal mensuel',
  'household.rentalCharges': 'Charges locatives', 'household.parking': 'Parking', 'household.housingAid': 'Aide au logement perçue',
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
