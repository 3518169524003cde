// The home page, the search for a person, and the registration of a new one.

import { get, post } from './api.js';
import { busy, checked, field, h, show, showErrors, showProblem, value } from './dom.js';
import { date, dateProblem, isoDate } from './messages.js';
import { RESOURCE_KINDS, resourcesTyped } from './person.js';
import { birthDateProblem, emailProblem, nirProblem, phoneProblem, postcodeProblem } from './rules.js';
import { agent } from './session.js';


export function home() {
  show('Accueil',
      h('p', {}, 'Bonjour. Recherchez la personne reçue au guichet, ou enregistrez-la si elle n\'est pas encore connue.'),
      h('div', { class: 'actions' },
          h('a', { class: 'bouton', href: '#/recherche' }, 'Rechercher une personne'),
          h('a', { class: 'bouton secondaire', href: '#/enregistrer' }, 'Enregistrer une personne')));
}

/** What a search by name that found nobody looked for, carried into the registration it leads to (issue #36: typed twice). */
let carried = null;

export function searchView() {
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

export function registerView() {
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
    if (!birth || birthDateProblem(birth)) {
      errors.push({ field: 'identity.birthDate', message: birth ? birthDateProblem(birth) : dateProblem(value(form, 'identity.birthDate')) });
    }
    if (!value(form, 'identity.lastName')) {
      errors.push({ field: 'identity.lastName', message: 'à renseigner' });
    }
    if (!value(form, 'identity.firstNames')) {
      errors.push({ field: 'identity.firstNames', message: 'à renseigner' });
    }
    if (!value(form, 'identity.sex')) {
      errors.push({ field: 'identity.sex', message: 'choisissez « Femme » ou « Homme »' });
    }
    const nir = nirProblem(value(form, 'identity.nir'));
    if (nir) {
      errors.push({ field: 'identity.nir', message: nir });
    }
    for (const [name, problem] of [['contact.email', emailProblem], ['contact.phone', phoneProblem]]) {
      if (problem(value(form, name))) {
        errors.push({ field: name, message: problem(value(form, name)) });
      }
    }
    if (!/^([1-9]|1\d|20)$/.test(value(form, 'section'))) {
      errors.push({ field: 'section', message: 'un numéro de section de 1 à 20' });
    }
    const postcode = value(form, 'address.line1') ? postcodeProblem(value(form, 'address.postcode'), value(form, 'address.city')) : null;
    if (postcode) {
      errors.push({ field: postcode.startsWith('Paris') ? 'address.city' : 'address.postcode', message: postcode });
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
