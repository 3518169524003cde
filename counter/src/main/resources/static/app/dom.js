// The building blocks of every screen: elements (text always as text), labelled fields, the errors of a form.

import { detailInFrench, problemInFrench } from './messages.js';

/** An element with attributes and children (text is always text: nothing typed by anyone becomes markup). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) {
      continue;
    }
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2), value);
    } else {
      element.setAttribute(name, value === true ? '' : value);
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined && child !== false) {
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return element;
}

let last = false;

export function show(title, ...content) {
  if (last) {
    return;
  }
  const main = document.getElementById('contenu');
  document.title = title + ' — Guichet';
  main.replaceChildren(h('h1', {}, title), ...content.flat().filter(part => part !== null && part !== undefined && part !== false));
  main.focus();
}

/** Shows a page that stays: what a view still loading would show afterwards is dropped (the sign-in has ended). */
export function showLast(title, ...content) {
  show(title, ...content);
  last = true;
}

/** A labelled input, its help and its error (read by screen readers with the field). */
export function field(name, label, options = {}) {
  const id = 'champ-' + name.replace(/[^a-zA-Z0-9]/g, '-');
  const help = options.help ? h('span', { class: 'aide', id: id + '-aide' }, options.help) : null;
  const multilineValue = options.multiline && options.value ? options.value : null;
  const input = options.choices
    ? h('select', { id, name, required: options.required },
        h('option', { value: '' }, '— choisir —'),
        options.choices.map(([value, text]) => h('option', { value, selected: options.value === value }, text)))
    : h(options.multiline ? 'textarea' : 'input', {
        id, name, type: options.type || 'text', required: options.required, value: options.value,
        inputmode: options.inputmode, autocomplete: options.autocomplete || 'off',
        'aria-describedby': help ? id + '-aide' : null, rows: options.multiline ? 3 : null,
      }, multilineValue);
  return h('div', { class: 'champ', 'data-champ': name },
      h('label', { for: id }, label, options.required ? ' (obligatoire)' : ''), help, input);
}

export function value(form, name) {
  const input = form.elements.namedItem(name);
  return input ? input.value.trim() : '';
}

export function checked(form, name) {
  const input = form.elements.namedItem(name);
  return Boolean(input && input.checked);
}

/** Every error at once: a summary that takes the focus, and each field marked with its own message. */
export function showErrors(form, errors, summaryText) {
  form.querySelectorAll('.erreur-champ').forEach(e => e.remove());
  form.querySelectorAll('.invalide').forEach(e => { e.classList.remove('invalide'); e.removeAttribute('aria-invalid'); });
  // The previous messages leave the descriptions too: a screen reader reads each error once, not once per attempt.
  form.querySelectorAll('[aria-describedby]').forEach(e => {
    const kept = e.getAttribute('aria-describedby').split(/\s+/).filter(id => id && !id.endsWith('-erreur'));
    if (kept.length) {
      e.setAttribute('aria-describedby', kept.join(' '));
    } else {
      e.removeAttribute('aria-describedby');
    }
  });
  const old = form.querySelector('.resume-erreurs');
  if (old) {
    old.remove();
  }
  if (!errors.length && !summaryText) {
    return;
  }
  const items = errors.map(error => {
    const container = form.querySelector(`[data-champ="${error.field}"]`);
    const label = container ? container.querySelector('label').firstChild.textContent : 'Demande';
    if (container) {
      const input = container.querySelector('input, select, textarea');
      input.classList.add('invalide');
      input.setAttribute('aria-invalid', 'true');
      const message = h('span', { class: 'erreur-champ', id: input.id + '-erreur' }, error.message);
      container.append(message);
      input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), message.id].filter(Boolean).join(' '));
      return h('li', {}, h('a', { href: '#' + input.id, onclick: event => { event.preventDefault(); input.focus(); } },
          label + ' : ' + error.message));
    }
    return h('li', {}, error.message);
  });
  const summary = h('div', { class: 'resume-erreurs', role: 'alert', tabindex: '-1' },
      h('h2', {}, summaryText || (errors.length === 1 ? '1 champ est à corriger' : errors.length + ' champs sont à corriger')),
      items.length ? h('ul', {}, items) : null);
  form.prepend(summary);
  summary.focus();
}

/** The API's refusal, shown on the form: its field errors where they belong, its reason in the summary. */
export function showProblem(form, answer, fieldOf = name => name) {
  const problem = answer.body || {};
  const errors = (problem.errors || []).map(e => ({ field: fieldOf(e.field), message: detailInFrench(e.detail) }));
  showErrors(form, errors, problemInFrench(problem, answer.status));
}

export function busy(form, on) {
  form.querySelectorAll('button').forEach(button => { button.disabled = on; });
}

/**
 * A form that sends one command: the errors {@code check} finds first, all at once; then the command, the form's
 * buttons disabled while it runs; {@code done} with the answer when it is applied (200 or 201), the refusal on the
 * form otherwise.
 */
export function sendsCommand(form, send, done, check = () => []) {
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const errors = check();
    showErrors(form, errors);
    if (errors.length) {
      return;
    }
    busy(form, true);
    const answer = await send();
    busy(form, false);
    if (answer.status === 200 || answer.status === 201) {
      done(answer);
      return;
    }
    showProblem(form, answer);
  });
  return form;
}
