// The monthly payments: the supervisor runs a month's payments of each benefit paid every month, and sees what the run did.

import { get, post } from './api.js';
import { busy, field, h, show, showErrors, showProblem, value } from './dom.js';
import { dateTime, euros } from './messages.js';
import { parisToday } from './rules.js';
import { config } from './session.js';

const RUNS = { RUNNING: 'en cours', COMPLETED: 'terminé' };

/** What a month's run did (the same report for every monthly benefit). */
function report(r) {
  return h('dl', { class: 'fiche', 'data-rapport': r.month },
      h('dt', {}, 'Mois'), h('dd', {}, r.month.split('-').reverse().join('/')),
      h('dt', {}, 'État'), h('dd', {}, (RUNS[r.status] || r.status) + (r.completedAt ? ' le ' + dateTime(r.completedAt) : '')),
      h('dt', {}, 'Lancé par'), h('dd', {}, String(r.startedBy || '').split(' ')[0] + ' le ' + dateTime(r.startedAt)),
      h('dt', {}, 'Paiements demandés au Trésor'), h('dd', {}, r.ordered + ' pour ' + euros(r.orderedTotal || 0)),
      h('dt', {}, 'Payés'), h('dd', {}, String(r.paid)),
      h('dt', {}, 'En échec'), h('dd', {}, String(r.failed)));
}

/** One form a monthly benefit: the month, the run, its report; stale figures are confirmed knowingly. */
function runForm(benefit) {
  const result = h('div', { 'aria-live': 'polite' });
  const form = h('form', { novalidate: true, class: 'carte' }, h('h2', {}, benefit.name),
      field('month-' + benefit.code, 'Mois à payer (AAAA-MM)', { value: parisToday().slice(0, 7), inputmode: 'numeric' }),
      h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Lancer les paiements du mois'),
          h('button', { type: 'button', class: 'secondaire', onclick: async () => {
            const answer = await get('/api/' + benefit.code + '/payment-runs/' + value(form, 'month-' + benefit.code));
            result.replaceChildren(answer.status === 200 ? report(answer.body)
              : h('p', { class: 'info' }, answer.status === 404 ? 'Aucun paiement lancé pour ce mois.' : 'Le rapport n\'est pas disponible.'));
          } }, 'Voir le rapport')),
      result);
  let confirmStaleFigures = false;
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const month = value(form, 'month-' + benefit.code);
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
      showErrors(form, [{ field: 'month-' + benefit.code, message: 'un mois, par exemple ' + parisToday().slice(0, 7) }]);
      return;
    }
    showErrors(form, []);
    busy(form, true);
    const answer = await post('/api/' + benefit.code + '/payment-runs', { month, confirmStaleFigures: confirmStaleFigures || undefined });
    busy(form, false);
    if (answer.status === 200 || answer.status === 202) {
      result.replaceChildren(report(answer.body));
      return;
    }
    if (answer.status === 409 && answer.body && answer.body.type === 'urn:guichet:problem:stale-figures') {
      confirmStaleFigures = true;
      result.replaceChildren(h('div', { class: 'avertissement', role: 'alert' },
          h('p', {}, 'Des chiffres de ce mois auraient dû être revalorisés et ne l\'ont pas été :'),
          h('ul', {}, (answer.body.staleFigures || []).map(w => h('li', {}, w.message))),
          h('p', {}, 'Enregistrez leurs nouvelles valeurs, ou relancez pour payer avec ces chiffres (la confirmation est tracée).')));
      return;
    }
    showProblem(form, answer);
  });
  return form;
}

export function paymentRunView() {
  const monthly = config.benefits.filter(benefit => benefit.monthly);
  show('Paiements mensuels',
      h('p', {}, 'Chaque mois, les allocations accordées sont payées une fois : un mois relancé ne paie que ce qui ne l\'a pas'
          + ' encore été. Le Trésor confirme chaque virement ; le rapport dit où en est le mois.'),
      monthly.map(runForm));
}
