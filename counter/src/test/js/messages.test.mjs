// The words an agent reads (app/messages.js): every error in French a person understands, dates and amounts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { date, dateProblem, dateTime, detailInFrench, euros, isoDate, problemInFrench, productInFrench, statusInFrench }
  from '../../main/resources/static/app/messages.js';

test('a date is judged as an agent typed it: empty, badly written, or a day that does not exist', () => {
  assert.equal(dateProblem(''), 'à renseigner, au format JJ/MM/AAAA');
  assert.equal(dateProblem('', false), null);
  assert.equal(dateProblem('1er juin'), 'une date au format JJ/MM/AAAA, par exemple 01/06/1950');
  assert.equal(dateProblem('31/02/1948'), 'cette date n\'existe pas (31/02/1948) : vérifiez le jour et le mois');
  assert.equal(dateProblem('29/02/2028'), null);
  assert.equal(isoDate(' 1/6/1950 '), '1950-06-01');
  assert.equal(isoDate('29/02/2027'), null);
});

test('the services\' field errors read as French sentences, never as code', () => {
  assert.equal(detailInFrench('must be F or M'), 'choisissez « Femme » ou « Homme »');
  assert.equal(detailInFrench('is not a valid IBAN (FR76...)'), 'IBAN invalide : vérifiez sa longueur et sa clé');
  assert.equal(detailInFrench('is required'), 'à renseigner');
  assert.match(detailInFrench('an establishment is for the elderly or the disabled only (RM II 2.1 d, III 2.1 d): HOME for a family'),
      /^un établissement ne concerne que les personnes âgées/);
  assert.equal(detailInFrench('must be at most 120 characters'), 'au plus 120 caractères');
  assert.equal(detailInFrench('the beneficiary\'s file is followed by section 18: the application is filed there'),
      'le dossier de la personne est suivi par la section 18');
  assert.equal(detailInFrench('something no one translated'), 'valeur refusée par le service : vérifiez-la');
});

test('problems, statuses and products in words', () => {
  assert.match(problemInFrench({ type: 'urn:guichet:problem:repeat-filing' }, 409), /déjà une demande/);
  assert.match(problemInFrench(null, 0), /ne joint pas le serveur/);
  assert.match(problemInFrench({ type: 'urn:unknown' }, 500), /Réessayez/);
  assert.equal(statusInFrench('UNDER_EXAMINATION'), 'En cours d\'instruction');
  assert.equal(statusInFrench('NEW_STATUS'), 'En cours');
  assert.equal(productInFrench('PASS_PARIS_SENIORS'), 'Pass Paris Seniors');
});

test('dates in Paris time, amounts in euros', () => {
  assert.equal(date('2026-12-01'), '01/12/2026');
  assert.equal(date('2026-12-31T23:30:00Z'), '01/01/2027');
  assert.equal(dateTime('2026-07-01T08:07:00Z'), '01/07/2026 à 10:07');
  assert.equal(euros(1234.5).replace(/\s/g, ' '), '1 234,50 €');
  assert.equal(euros('85.40').replace(/\s/g, ' '), '85,40 €');
});
