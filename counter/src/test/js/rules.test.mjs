// What the screens compute without a server (app/rules.js): Paris dates, amounts typed, years in Paris, reasons.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { amountOf, factsOf, isoMonth, lapseDate, monthOf, parisDay, parisInstant, reasonsInFrench, reasonsOf,
  yearsInParisInLastFive } from '../../main/resources/static/app/rules.js';

test('an application lapses the same day two months after its Paris day of reception, or the month\'s last', () => {
  assert.equal(lapseDate('2026-10-07T13:00:00Z', 2), '2026-12-07');
  assert.equal(lapseDate('2026-12-31T10:00:00Z', 2), '2027-02-28');
  assert.equal(lapseDate('2027-12-31T23:30:00Z', 2), '2028-03-01', '00:30 on 1 January in Paris');
  assert.equal(lapseDate('2027-12-31T10:00:00Z', 2), '2028-02-29', 'a leap year');
});

test('a time written on a paper form is Paris time, summer and winter', () => {
  assert.equal(parisInstant('2026-12-01', '10:07'), '2026-12-01T09:07:00.000Z');
  assert.equal(parisInstant('2026-07-01', '10:07'), '2026-07-01T08:07:00.000Z');
  assert.equal(parisDay('2026-12-31T23:30:00Z'), '2027-01-01');
});

test('amounts and months as an agent types them', () => {
  assert.equal(amountOf('450,50'), 450.5);
  assert.equal(amountOf(' 1 200 '), 1200);
  assert.ok(Number.isNaN(amountOf('12,345')));
  assert.ok(Number.isNaN(amountOf('')));
  assert.ok(Number.isNaN(amountOf('-5')));
  assert.equal(isoMonth('5/2026'), '2026-05');
  assert.equal(isoMonth(' 12 / 2026 '), '2026-12');
  assert.equal(isoMonth('13/2026'), null);
  assert.equal(monthOf('2027-06-01'), 'juin 2027');
});

test('whole years in Paris within the last five, from the registry\'s periods', () => {
  const today = new Date('2026-12-06T00:00:00Z');
  assert.equal(yearsInParisInLastFive([{ from: '2010-01-01' }], today), 5);
  assert.equal(yearsInParisInLastFive([{ from: '2023-12-01' }], today), 3);
  assert.equal(yearsInParisInLastFive([{ from: '2024-01-01' }], today), 2);
  assert.equal(yearsInParisInLastFive([{ from: '2015-01-01', to: '2019-06-30' }, { from: '2024-12-01' }], today), 2);
  assert.equal(yearsInParisInLastFive([], today), 0);
});

test('the registry\'s facts as the simulations read them', () => {
  const facts = factsOf({
    identity: { birthDate: '1950-06-01' }, parisResidence: [{ from: '2010-01-01' }],
    monthlyResources: [{ kind: 'PENSION', amount: '700.10' }, { kind: 'OTHER', amount: 50 }],
    nationalBenefits: [{ type: 'ASPA' }], disabilityEvidence: [],
    incomeTax: [{ taxYear: 2024, amount: 0 }, { taxYear: 2025, amount: 120 }],
  });
  assert.equal(facts.resources.toFixed(2), '750.10');
  assert.equal(facts.qualifyingBenefit, true);
  assert.equal(facts.disabled, false);
  assert.deepEqual(facts.incomeTax, { taxYear: 2025, amount: 120 });
  assert.equal(facts.years, 5);
  assert.equal(factsOf({ identity: {}, nationalBenefits: [{ type: 'AAH' }] }).disabled, true);
});

test('reasons in words, an unknown one said plainly', () => {
  assert.deepEqual(reasonsInFrench(['RESIDENCE_TOO_SHORT', 'SOMETHING_NEW']),
      ['moins de 3 ans de résidence à Paris sur les 5 dernières années', 'une condition n\'est pas remplie']);
  assert.equal(reasonsOf(['A', 'B'], [['A', 'premier'], ['B', 'second']]), 'premier ; second');
});

test('a NIR, an IBAN, a postcode, an e-mail and a phone checked as the services check them', async () => {
  const { arrondissementOf, emailProblem, ibanProblem, nirProblem, phoneProblem } = await import('../../main/resources/static/app/rules.js');
  assert.equal(nirProblem(''), null);
  assert.equal(nirProblem('2 50 06 75 113 042 43'), null, 'a valid key: 97 - 2500675113042 mod 97');
  assert.equal(nirProblem('2 50 06 75 113 042 44'), 'la clé ne correspond pas : vérifiez le numéro');
  assert.match(nirProblem('2500675'), /^15 caractères/);
  assert.equal(nirProblem('1 85 05 2A 004 005 77'), null, 'Corsica: 2A counts as 19');
  assert.equal(ibanProblem('FR76 3000 6000 0112 3456 7890 189'), null);
  assert.match(ibanProblem('FR76 3000 6000 0112 3456 7890 188'), /clé/);
  assert.match(ibanProblem('FR76 3000 6000 0112 3456 7890'), /longueur/);
  assert.equal(ibanProblem('DE89 3704 0044 0532 0130 00'), null);
  assert.equal(ibanProblem(''), 'à renseigner');
  assert.equal(arrondissementOf('75013'), 13);
  assert.equal(arrondissementOf('75116'), 16);
  assert.equal(arrondissementOf('75021'), null);
  assert.equal(arrondissementOf('92100'), null);
  assert.equal(emailProblem('emilie@example.org'), null);
  assert.match(emailProblem('emilie@example'), /invalide/);
  assert.equal(emailProblem(''), null);
  assert.equal(phoneProblem('06 12 34 56 78'), null);
  assert.equal(phoneProblem('+33 6 12 34 56 78'), null);
  assert.match(phoneProblem('06 12'), /invalide/);
});

test('a postcode and a birth date checked as the registry checks them', async () => {
  const { birthDateProblem, postcodeProblem } = await import('../../main/resources/static/app/rules.js');
  assert.equal(postcodeProblem('75013', 'Paris'), null);
  assert.equal(postcodeProblem('75116', 'PARIS'), null);
  assert.match(postcodeProblem('75099', 'Paris'), /^code postal inconnu/);
  assert.match(postcodeProblem('92100', 'Paris'), /^Paris, mais le code postal/, 'issue #36: 92100 Paris was accepted');
  assert.equal(postcodeProblem('92100', 'Boulogne-Billancourt'), null);
  assert.equal(postcodeProblem('97411', 'Saint-Paul'), null);
  assert.match(postcodeProblem('96000', 'Nulle part'), /^code postal inconnu/);
  assert.match(postcodeProblem('', 'Paris'), /^à renseigner/);
  assert.match(postcodeProblem('7501', 'Paris'), /^cinq chiffres/);
  assert.equal(birthDateProblem('1950-06-01', '2026-12-06'), null);
  assert.equal(birthDateProblem('2999-06-01', '2026-12-06'), 'doit être dans le passé');
  assert.equal(birthDateProblem('1899-12-31', '2026-12-06'), 'doit être postérieure au 01/01/1900');
});
