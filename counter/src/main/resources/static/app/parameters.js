// "Paramètres": the dated figures of every benefit resting on them (the declaration's dated-figures: Paris Solidarité's
// ceilings, national floors and rulebook's conditions, Paris Logement's...), each with its history and sources and
// whether its revaluation is overdue. An administrator proposes a new value from a date with its source, and another
// approves it after its impact (four-eyes); the values shipped with a service are marked so. Supervisors read it.

import { get, post } from './api.js';
import { busy, field, h, show, showErrors, showProblem, value } from './dom.js';
import { date, dateTime, euros, isoDate, problemInFrench } from './messages.js';
import { config } from './session.js';

const TITLE = 'Paramètres';

/** Amounts are euros; ages, years, months and rates are not. */
const UNITS = { 'age.elderly': 'ans', 'age.unfit-for-work': 'ans', 'residence.minimum-years': 'ans', 'reception.months': 'mois',
  'residence.years-for-higher-cap': 'ans', 'domicile.minimum-months': 'mois', 'lapse.months': 'mois' };
const RATES = new Set(['effort.minimum']);

function figure(name, amount) {
  if (RATES.has(name)) {
    return (Number(amount) * 100).toLocaleString('fr-FR', { maximumFractionDigits: 2 }) + ' %';
  }
  return UNITS[name] ? Number(amount) + ' ' + UNITS[name] : euros(amount);
}

function typedNumber(typed) {
  const amount = (typed || '').replace(/\s/g, '').replace(',', '.');
  return /^\d+(\.\d{1,2})?$/.test(amount) ? Number(amount) : NaN;
}

/** The screen, for an agent with {@code roles}; {@code username} tells their own proposals (four-eyes). */
export async function parametersView(agent) {
  show(TITLE, h('p', {}, 'Chargement…'));
  const administrator = agent.roles.includes('ADMINISTRATOR');
  const benefits = config.benefits.filter(benefit => benefit.figures === 'ADMINISTERED');
  const sections = await Promise.all(benefits.map(benefit => benefitSection(benefit, agent, administrator)));
  show(TITLE,
      h('p', {}, 'Chaque chiffre s\'applique à partir de sa date, jusqu\'à la valeur suivante ; une valeur n\'est jamais '
          + 'modifiée : une nouvelle valeur s\'ajoute, à partir d\'une date, avec sa source.'),
      sections);
}

/** One benefit's figures: its stale ones, its proposals, its families. */
async function benefitSection(benefit, agent, administrator) {
  const path = '/api/' + benefit.code + '/parameters';
  const [families, proposals] = await Promise.all([get(path + '/families'), get(path + '/proposals?status=PROPOSED')]);
  const title = h('h2', {}, benefit.name);
  if (families.status !== 200) {
    return h('section', { 'data-prestation': benefit.code }, title,
        h('p', { class: 'resume-erreurs', role: 'alert' }, problemInFrench(families.body, families.status)));
  }
  const labels = Object.fromEntries(families.body.flatMap(f => f.figures.map(x => [x.name, x.label])));
  const stale = families.body.flatMap(f => f.figures).filter(x => x.stale);
  return h('section', { 'data-prestation': benefit.code }, title,
      h('p', {}, 'Une nouvelle valeur est proposée par un administrateur et ne s\'applique qu\'une fois approuvée par un second.'),
      stale.length ? h('div', { class: 'avertissement', role: 'note' },
          h('p', {}, h('strong', {}, 'Chiffres à revaloriser')),
          h('ul', {}, stale.map(x => h('li', {}, x.stale.message)))) : null,
      h('h3', {}, 'Propositions en attente d\'approbation'),
      proposalsSection(path, proposals, labels, agent, administrator),
      families.body.map(family => familySection(path, family, administrator, agent)));
}

function proposalsSection(path, proposals, labels, agent, administrator) {
  if (proposals.status !== 200) {
    return h('p', { class: 'info' }, problemInFrench(proposals.body, proposals.status));
  }
  if (proposals.body.length === 0) {
    return h('p', {}, 'Aucune proposition en attente.');
  }
  return proposals.body.map(p => {
    const impact = h('div', { class: 'impact', 'aria-live': 'polite' });
    const own = p.proposedBy === agent.username;
    const card = h('div', { class: 'carte proposition', 'data-proposition': p.id },
        h('h4', {}, (labels[p.name] || p.name) + ' : ' + figure(p.name, p.value) + ' à partir du ' + date(p.effectiveFrom)),
        h('p', {}, 'Source : ', p.source),
        h('p', {}, 'Proposée par ' + p.proposedBy + ' le ' + dateTime(p.proposedAt) + '.'),
        h('div', { class: 'actions' },
            h('button', { type: 'button', class: 'secondaire', onclick: () => showImpact(path, p.id, impact) }, 'Voir l\'impact'),
            administrator && !own ? h('button', { type: 'button', onclick: event => decide(event, path, p.id, 'approval', agent) },
                'Approuver') : null,
            administrator ? h('button', { type: 'button', class: 'secondaire',
              onclick: event => decide(event, path, p.id, 'withdrawal', agent) }, 'Retirer') : null),
        administrator && own ? h('p', { class: 'info', role: 'note' }, 'Règle des quatre yeux : vous avez proposé cette '
            + 'valeur ; un autre administrateur l\'approuve.') : null,
        impact);
    return card;
  });
}

async function showImpact(path, id, container) {
  container.replaceChildren(h('p', {}, 'Calcul de l\'impact…'));
  const answer = await get(path + '/proposals/' + id + '/impact');
  if (answer.status !== 200) {
    container.replaceChildren(h('p', { class: 'resume-erreurs', role: 'alert' }, problemInFrench(answer.body, answer.status)));
    return;
  }
  const i = answer.body;
  if (!i.sections) {
    // A benefit whose decided amounts keep their figures: the value's change, and what it changes.
    container.replaceChildren(h('p', {}, i.label + ' : ' + (i.before === undefined || i.before === null ? 'aucune valeur'
        : figure(i.figure, i.before)) + ' → ' + figure(i.figure, i.after) + ' à partir du ' + date(i.effectiveFrom) + '.'),
    h('p', {}, i.effects));
    return;
  }
  const [year, month] = i.month.split('-');
  const row = (s, name) => h('tr', {},
      h('th', { scope: 'row' }, name),
      h('td', {}, String(s.grants)), h('td', {}, String(s.grantsChanged)),
      h('td', {}, euros(s.monthlyTotalBefore)), h('td', {}, euros(s.monthlyTotalAfter)),
      h('td', {}, s.applicationsChanged + ' sur ' + s.applications),
      h('td', {}, String(s.paidMonthsChanged)), h('td', {}, euros(s.arrears)));
  container.replaceChildren(
      h('table', { class: 'tableau' },
          h('caption', {}, 'Impact pour le mois de ' + month + '/' + year + ' (droits en cours) et depuis la date d\'effet'),
          h('thead', {}, h('tr', {}, ['Section', 'Droits en cours', 'dont montant modifié', 'Total mensuel avant',
            'Total mensuel après', 'Demandes en cours modifiées', 'Mois déjà payés à régulariser',
            'Rappels (+) ou trop-perçus (−)'].map(t => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, i.sections.map(s => row(s, 'Section ' + s.section)), row(i.total, 'Total'))));
}

async function decide(event, path, id, step, agent) {
  const button = event.target;
  button.disabled = true;
  const answer = await post(path + '/proposals/' + id + '/' + step, {});
  if (answer.status !== 200) {
    button.disabled = false;
    button.after(h('span', { class: 'erreur-champ', role: 'alert' }, problemInFrench(answer.body, answer.status)));
    return;
  }
  await parametersView(agent);
  document.querySelector('#contenu h1').after(h('p', { class: 'succes', role: 'status' },
      step === 'approval' ? 'Valeur approuvée : elle s\'applique à partir de sa date.' : 'Proposition retirée.'));
}

function familySection(path, family, administrator, agent) {
  return h('section', { class: 'famille', 'data-famille': family.family },
      h('h3', {}, family.label),
      h('p', {}, 'Revalorisation : ' + family.revaluation + ' (' + family.basis + ').'),
      family.figures.map(x => h('div', { class: 'carte', 'data-chiffre': x.name },
          h('h4', {}, x.label),
          x.stale ? h('p', { class: 'avertissement', role: 'note' }, x.stale.message) : null,
          h('table', { class: 'tableau' },
              h('thead', {}, h('tr', {}, ['À partir du', 'Valeur', 'Source', 'Saisie par'].map(t => h('th', { scope: 'col' }, t)))),
              h('tbody', {}, x.history.map(row => h('tr', {},
                  h('td', {}, date(row.effectiveFrom)), h('td', {}, figure(x.name, row.value)), h('td', {}, row.source),
                  h('td', {}, recorder(row.recordedBy)))))),
          administrator ? proposalForm(path, x, agent) : null)));
}

/** Who recorded a value: an administrator, or the service as it was put in service or shipped. */
function recorder(recordedBy) {
  return { migration: 'mise en service', release: 'livré avec le service' }[recordedBy] || recordedBy;
}

function proposalForm(path, x, agent) {
  // One form per figure on the page: its fields are named after the figure, so that their ids stay unique.
  const name = part => x.name + '.' + part;
  const form = h('form', { novalidate: true, class: 'proposer' },
      field(name('effectiveFrom'), 'À partir du', { required: true,
        help: 'JJ/MM/AAAA ; une date passée donne des rappels ou des trop-perçus.' }),
      field(name('value'), UNITS[x.name] ? 'Valeur (' + UNITS[x.name] + ')' : 'Valeur (€)', { required: true, inputmode: 'decimal' }),
      field(name('source'), 'Source', { required: true,
        help: 'Le texte qui la fixe : décret, circulaire Cnav, délibération du Conseil de Paris.' }),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Proposer')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const errors = [];
    const effectiveFrom = isoDate(value(form, name('effectiveFrom')));
    const amount = typedNumber(value(form, name('value')));
    if (!effectiveFrom) {
      errors.push({ field: name('effectiveFrom'), message: 'une date au format JJ/MM/AAAA' });
    }
    if (Number.isNaN(amount)) {
      errors.push({ field: name('value'), message: 'un nombre, au plus deux décimales' });
    }
    if (!value(form, name('source'))) {
      errors.push({ field: name('source'), message: 'à renseigner' });
    }
    showErrors(form, errors);
    if (errors.length) {
      return;
    }
    busy(form, true);
    const answer = await post(path + '/proposals', { name: x.name, effectiveFrom, value: amount, source: value(form, name('source')) });
    busy(form, false);
    if (answer.status !== 201) {
      showProblem(form, answer, apiField => name(apiField));
      return;
    }
    await parametersView(agent);
    document.querySelector('#contenu h1').after(h('p', { class: 'succes', role: 'status' },
        'Proposition enregistrée : un autre administrateur doit l\'approuver.'));
  });
  return h('details', { class: 'proposer' }, h('summary', {}, 'Proposer une nouvelle valeur'), form);
}
