// What the benefits' pages share for their decisions: the four-eyes note and the form that grants or refuses with the
// rule's reasons.

import { post } from './api.js';
import { busy, field, h, showErrors, showProblem, value } from './dom.js';

/** Who filed, examined or decided: the four-eyes rule keeps them from deciding. */
export function fourEyesNote() {
  return h('p', { class: 'info' }, 'Règle des quatre yeux : vous avez déposé ou instruit cette demande ; un autre directeur de'
      + ' la section la décide.');
}

/** Grant, or refuse with the rule's reasons (and a text for "other"). */
export function refusalOrGrantForm(path, refusals, done, ...more) {
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
