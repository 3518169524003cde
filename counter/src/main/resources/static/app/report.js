// The section's exceptional aid report, on screen and as a file for a spreadsheet.

import { download, get } from './api.js';
import { field, h, show, showErrors, value } from './dom.js';
import { CATEGORIES, euros, problemInFrench } from './messages.js';
import { isoMonth, parisToday } from './rules.js';
import { agent } from './session.js';

const OUTCOMES = { GRANTED: 'accordée', REFUSED: 'rejetée', LAPSED: 'caduque', PENDING: 'en cours' };

/**
 * The section's exceptional aid report (RM V.2.1): applications counted and summed by month, category and outcome,
 * shown on screen and downloaded for a spreadsheet (CSV in French: UTF-8 with BOM, semicolons, decimal commas).
 */
export function reportView() {
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
