// The paper kit: the degraded procedure and the forms printed on numbers reserved for the section.

import { download } from './api.js';
import { busy, field, h, show, showErrors, value } from './dom.js';
import { openPdf } from './filing.js';
import { problemInFrench } from './messages.js';
import { agent, config } from './session.js';

/**
 * The paper kit, printed while the counter works, for the day when no computer does: the agents' procedure and, per
 * benefit, forms that each carry a receipt number reserved for the section.
 */
export function paperKitView() {
  const status = h('div', { 'aria-live': 'polite' });
  const forms = config.benefits.map(({ code: benefit, name: label }) => {
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
