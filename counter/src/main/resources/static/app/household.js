// A person's household (issue #36: the API had it, no screen did): the spouse and the dependants the benefits count
// with the person, found in the registry and saved as one composition.

import { call, get } from './api.js';
import { field, h, sendsCommand, show, showErrors, value } from './dom.js';
import { date, dateProblem, isoDate, problemInFrench } from './messages.js';
import { personOr } from './session.js';

const ROLES = { APPLICANT: 'Demandeur', SPOUSE: 'Conjoint', DEPENDANT: 'Personne à charge' };

/** The household's members, each with their name read from the registry (a member of another section: unnamed). */
async function named(members) {
  return Promise.all(members.map(async member => {
    const person = await get('/api/beneficiaries/' + member.beneficiaryId);
    const identity = person.status === 200 ? person.body.situation.identity : null;
    return { ...member, name: identity ? identity.firstNames + ' ' + identity.lastName : 'dossier d\'une autre section',
      birthDate: identity ? identity.birthDate : null };
  }));
}

/** What the person page says of the household: its members by name, and where to change it. */
export async function householdSummary(person) {
  if (!person.household) {
    return [h('h2', {}, 'Foyer'), h('p', {}, 'Personne seule : aucun conjoint ni personne à charge enregistré.'),
      h('div', { class: 'actions' }, h('a', { class: 'bouton secondaire', href: '#/foyer/' + person.id }, 'Composer le foyer'))];
  }
  const members = await named(person.household.members.filter(member => member.beneficiaryId !== person.id));
  return [h('h2', {}, 'Foyer'), h('ul', {}, members.map(member => h('li', {},
      h('a', { href: '#/personne/' + member.beneficiaryId }, member.name), ' — ' + ROLES[member.role].toLowerCase()))),
    h('div', { class: 'actions' }, h('a', { class: 'bouton secondaire', href: '#/foyer/' + person.id }, 'Modifier le foyer'))];
}

/** The household screen: the members as they will be saved, a search to add one, a button to save. */
export async function householdView(personId) {
  const title = 'Foyer';
  const person = await personOr(personId, title);
  if (!person) {
    return;
  }
  const name = person.situation.identity.firstNames + ' ' + person.situation.identity.lastName;
  const household = person.household;
  let members = household ? await named(household.members)
    : [{ beneficiaryId: personId, role: 'APPLICANT', name, birthDate: person.situation.identity.birthDate }];
  const list = h('div', {});
  const saveForm = h('form', { novalidate: true });
  const draw = () => list.replaceChildren(h('table', {},
      h('caption', {}, 'Le foyer tel qu\'il sera enregistré'),
      h('thead', {}, h('tr', {}, ['Personne', 'Date de naissance', 'Place dans le foyer', ''].map(c => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, members.map(member => h('tr', {}, h('td', {}, member.name), h('td', {}, date(member.birthDate)),
          h('td', {}, ROLES[member.role]),
          h('td', {}, member.role === 'APPLICANT' ? '' : h('button', { type: 'button', class: 'secondaire', onclick: () => {
            members = members.filter(other => other !== member);
            draw();
          } }, 'Retirer ' + member.name)))))));
  draw();

  const search = h('form', { novalidate: true },
      h('fieldset', {}, h('legend', {}, 'Ajouter une personne déjà enregistrée'),
          field('lastName', 'Nom', { required: true }),
          field('birthDate', 'Date de naissance', { required: true, help: 'Au format JJ/MM/AAAA.', inputmode: 'numeric' })),
      h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'secondaire' }, 'Chercher')));
  const found = h('div', { 'aria-live': 'polite' });
  search.addEventListener('submit', async event => {
    event.preventDefault();
    const birth = isoDate(value(search, 'birthDate'));
    const errors = [];
    if (!value(search, 'lastName')) {
      errors.push({ field: 'lastName', message: 'à renseigner' });
    }
    if (!birth) {
      errors.push({ field: 'birthDate', message: dateProblem(value(search, 'birthDate')) });
    }
    showErrors(search, errors);
    if (errors.length) {
      return;
    }
    const answer = await get('/api/beneficiaries?' + new URLSearchParams({ lastName: value(search, 'lastName'), birthDate: birth }));
    if (answer.status !== 200) {
      found.replaceChildren(h('p', { class: 'resume-erreurs', role: 'alert' }, problemInFrench(answer.body, answer.status)));
      return;
    }
    const candidates = answer.body.filter(candidate => !members.some(member => member.beneficiaryId === candidate.id));
    const add = (candidate, role) => () => {
      members = members.filter(member => role !== 'SPOUSE' || member.role !== 'SPOUSE')
        .concat({ beneficiaryId: candidate.id, role, name: candidate.firstNames + ' ' + candidate.lastName,
          birthDate: candidate.birthDate });
      found.replaceChildren();
      draw();
    };
    found.replaceChildren(candidates.length === 0
      ? h('p', {}, 'Aucune autre personne trouvée. Une personne qui n\'a pas de dossier est d\'abord enregistrée.')
      : h('ul', {}, candidates.map(candidate => h('li', {}, candidate.firstNames + ' ' + candidate.lastName + ' ('
          + date(candidate.birthDate) + ') ',
      h('button', { type: 'button', class: 'secondaire', onclick: add(candidate, 'SPOUSE') }, 'Ajouter comme conjoint'), ' ',
      h('button', { type: 'button', class: 'secondaire', onclick: add(candidate, 'DEPENDANT') }, 'Ajouter comme personne à charge')))));
  });

  saveForm.append(h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Enregistrer le foyer'),
      h('a', { class: 'bouton secondaire', href: '#/personne/' + personId }, 'Annuler')));
  sendsCommand(saveForm, () => {
    const applicant = members.find(member => member.role === 'APPLICANT');
    const spouse = members.find(member => member.role === 'SPOUSE');
    const composition = { applicantId: applicant.beneficiaryId, spouseId: spouse ? spouse.beneficiaryId : null,
      dependantIds: members.filter(member => member.role === 'DEPENDANT').map(member => member.beneficiaryId) };
    return household ? call('PUT', '/api/beneficiaries/households/' + household.id, composition)
      : call('POST', '/api/beneficiaries/households', composition);
  }, () => { window.location.hash = '#/personne/' + personId; });
  show(title + ' — ' + name, h('p', {}, 'Le conjoint (marié, pacsé ou concubin) et les personnes à charge comptent avec la '
      + 'personne pour le plafond de l\'allocation exceptionnelle et les ressources de Paris Solidarité.'), list, search, found,
  saveForm);
}
