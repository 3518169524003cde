// What the screens compute without a server: dates in Paris, amounts typed, years in Paris, the reasons in words.

// What the rules' reasons mean, for the agent.
export const REASONS = {
  NOT_ELDERLY_OR_DISABLED: 'la personne n\'est ni âgée (65 ans, ou 60 ans et inapte au travail) ni handicapée au sens du règlement',
  RESIDENCE_TOO_SHORT: 'moins de 3 ans de résidence à Paris sur les 5 dernières années',
  RESOURCES_ABOVE_CEILING: 'les ressources du foyer dépassent le plafond',
  BELOW_PAYMENT_THRESHOLD: 'le montant calculé ne dépasse pas 2 € : rien ne serait versé',
  INCOME_TAX_ABOVE_CEILING: 'l\'impôt sur le revenu dépasse le plafond',
  NO_FIXED_ADDRESS: 'une personne sans domicile fixe ne peut pas bénéficier de ce droit',
};

export function reasonsInFrench(reasons) {
  return (reasons || []).map(reason => REASONS[reason] || 'une condition n\'est pas remplie');
}

export function reasonsOf(codes, list) {
  return (codes || []).map(code => code === 'OTHER' ? 'autre motif'
    : (list.find(([c]) => c === code) || [null, 'une condition n\'est pas remplie'])[1]).join(' ; ');
}

/**
 * Whole years lived in Paris in the 5 years before today, from the registry's periods: the days added up, compared with
 * the calendar length of 1, 2... 5 years before today, as the services count them (RM I/A art. 2). Dividing by 365.25
 * gave 4 years for 5 whole ones, and 2 for 3 whole years without a 29 February.
 */
export function yearsInParisInLastFive(periods, today) {
  const yearsBefore = n => {
    const day = new Date(today);
    day.setUTCFullYear(day.getUTCFullYear() - n);
    if (day.getUTCDate() !== today.getUTCDate()) {
      day.setUTCDate(0); // 29 February minus a year: 28 February, as the services' calendar does
    }
    return day;
  };
  const start = yearsBefore(5);
  let days = 0;
  for (const period of periods || []) {
    const from = new Date(Math.max(new Date(period.from + 'T00:00:00Z'), start));
    const to = period.to ? new Date(Math.min(new Date(period.to + 'T00:00:00Z'), today)) : today;
    days += Math.max(0, Math.round((to - from) / 86_400_000));
  }
  let years = 0;
  while (years < 5 && days >= Math.round((today - yearsBefore(years + 1)) / 86_400_000)) {
    years += 1;
  }
  return years;
}

/** The person's last income tax notice, or null. */
export function latestIncomeTax(situation) {
  return (situation.incomeTax || []).reduce((latest, t) => !latest || t.taxYear > latest.taxYear ? t : latest, null);
}

/** Today's date in Paris, AAAA-MM-JJ. */
export function parisToday() {
  return new Date().toLocaleDateString('fr-CA', { timeZone: 'Europe/Paris' });
}

/** The Paris day (AAAA-MM-JJ) of an instant. */
export function parisDay(instant) {
  return new Date(instant).toLocaleDateString('fr-CA', { timeZone: 'Europe/Paris' });
}

/** What the registry says of a person, as the simulations read it. */
export function factsOf(situation) {
  const today = new Date(parisToday() + 'T00:00:00Z');
  const benefits = (situation.nationalBenefits || []).map(b => b.type);
  return {
    today: today.toISOString().slice(0, 10),
    birthDate: situation.identity.birthDate,
    disabled: (situation.disabilityEvidence || []).length > 0 || benefits.includes('AAH'),
    unfitForWork: Boolean(situation.unfitForWorkSince),
    years: yearsInParisInLastFive(situation.parisResidence, today),
    resources: (situation.monthlyResources || []).reduce((sum, r) => sum + Number(r.amount || 0), 0),
    qualifyingBenefit: benefits.some(b => ['ASPA', 'ASI', 'AAH', 'WIDOWHOOD_ALLOWANCE'].includes(b)),
    incomeTax: latestIncomeTax(situation),
    noFixedAddress: Boolean(situation.noFixedAddress),
    warVeteran: Boolean(situation.warVeteran),
  };
}

/**
 * The last day to complete an application received at {@code receivedAt}: the same day {@code months} later, Paris time
 * (it lapses the day after, as the service's nightly job has it).
 */
export function lapseDate(receivedAt, months) {
  const [y, m, d] = new Date(receivedAt).toLocaleDateString('fr-CA', { timeZone: 'Europe/Paris' }).split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

/** Juin 2027, from 2027-06-01. */
export function monthOf(iso) {
  return iso ? new Date(iso + 'T12:00:00Z').toLocaleDateString('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' }) : '';
}

/** "05/2026" typed by an agent, as "2026-05"; null when it is not a month. */
export function isoMonth(typed) {
  const match = /^(\d{1,2})\s*\/\s*(\d{4})$/.exec((typed || '').trim());
  return match && Number(match[1]) >= 1 && Number(match[1]) <= 12 ? match[2] + '-' + match[1].padStart(2, '0') : null;
}

/** An instant from a day (AAAA-MM-JJ) and an hour (HH:MM) read on a Paris clock. */
export function parisInstant(day, time) {
  const [year, month, date] = day.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const guess = Date.UTC(year, month - 1, date, hour, minute);
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit',
    day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(guess));
  const part = type => Number(parts.find(p => p.type === type).value);
  const shown = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  return new Date(guess - (shown - guess)).toISOString();
}

/** Euros typed by an agent (450 or 450,50), as a number; NaN when it is not an amount. */
export function amountOf(typed) {
  const amount = (typed || '').replace(/\s/g, '').replace(',', '.');
  return /^\d+(\.\d{1,2})?$/.test(amount) ? Number(amount) : NaN;
}

// What the services check of an identity, a contact or an account, checked here too, so that a form's errors come all
// at once rather than in two waves (issue #36: the counter's own checks first, the service's after). The same rules
// as the services' (SituationValidator, Nir, Iban); the service still decides.

/** What is wrong with a NIR as typed (spaces allowed), or null: 13 characters (2A/2B for Corsica) and its key. */
export function nirProblem(typed) {
  const nir = (typed || '').replace(/\s/g, '').toUpperCase();
  if (!nir) {
    return null;
  }
  if (!/^[12378]\d{4}(2A|2B|\d{2})\d{6}\d{2}$/.test(nir)) {
    return '15 caractères : 13 chiffres (2A ou 2B pour la Corse) et une clé de 2 chiffres';
  }
  const body = BigInt(nir.slice(0, 13).replace('2A', '19').replace('2B', '18'));
  return 97n - body % 97n === BigInt(nir.slice(13)) ? null : 'la clé ne correspond pas : vérifiez le numéro';
}

/** What is wrong with an IBAN as typed (spaces allowed), or null: its country, length and control digits. */
export function ibanProblem(typed) {
  const iban = (typed || '').replace(/\s/g, '').toUpperCase();
  if (!iban) {
    return 'à renseigner';
  }
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban) || (iban.startsWith('FR') && iban.length !== 27)) {
    return 'IBAN invalide : vérifiez sa longueur (FR76 suivi de 23 caractères)';
  }
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, letter => String(letter.charCodeAt(0) - 55));
  return BigInt(digits) % 97n === 1n ? null : 'IBAN invalide : vérifiez sa clé (un chiffre mal recopié ?)';
}

/** A Paris postcode's arrondissement (75001-75020, and 75116 for the 16th), or null. */
export function arrondissementOf(postcode) {
  const match = /^75(0(0[1-9]|1\d|20)|116)$/.exec(postcode || '');
  return match ? (postcode === '75116' ? 16 : Number(postcode.slice(3))) : null;
}

/** What is wrong with an e-mail address, or null. */
export function emailProblem(typed) {
  const email = (typed || '').trim();
  const at = email.indexOf('@');
  const dot = email.lastIndexOf('.');
  return !email || (at > 0 && at === email.lastIndexOf('@') && dot > at + 1 && dot < email.length - 1 && email.length <= 254)
    ? null : 'adresse électronique invalide (par exemple prenom.nom@exemple.fr)';
}

/** What is wrong with a phone number, or null: 10 to 20 digits, spaces, dots, a leading +. */
export function phoneProblem(typed) {
  const phone = (typed || '').trim();
  return !phone || /^\+?[0-9 .]{10,20}$/.test(phone) ? null : 'numéro de téléphone invalide (par exemple 06 12 34 56 78)';
}

/**
 * What is wrong with a postcode and its city, or null: a French postcode (in Paris, only an arrondissement's), and a
 * Paris one when the city is Paris.
 */
export function postcodeProblem(postcode, city) {
  const code = (postcode || '').trim();
  if (!/^\d{5}$/.test(code)) {
    return code ? 'cinq chiffres, par exemple 75013' : 'à renseigner avec l\'adresse : cinq chiffres, par exemple 75013';
  }
  const known = code.startsWith('75') ? arrondissementOf(code) !== null
    : /^(0[1-9]|[1-8]\d|9[0-5])\d{3}$/.test(code) || /^(97[1-6]\d{2}|98[046-9]\d{2})$/.test(code);
  if (!known) {
    return 'code postal inconnu (à Paris : 75001 à 75020, ou 75116)';
  }
  return (city || '').trim().toLowerCase() === 'paris' && arrondissementOf(code) === null
    ? 'Paris, mais le code postal n\'est pas celui d\'un arrondissement de Paris : vérifiez la ville ou le code postal' : null;
}

/** What is wrong with a birth date (AAAA-MM-JJ) besides its format, or null: in the past, after 1900. */
export function birthDateProblem(iso, today = parisToday()) {
  if (iso >= today) {
    return 'doit être dans le passé';
  }
  return iso <= '1900-01-01' ? 'doit être postérieure au 01/01/1900' : null;
}
