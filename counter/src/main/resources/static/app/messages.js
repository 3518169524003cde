// What an agent reads, in French: the API's problems (RFC 9457) by their stable type, its field errors, the statuses.

const PROBLEMS = {
  'urn:guichet:problem:validation': 'Certains champs sont à corriger.',
  'urn:guichet:problem:malformed-request': 'Une valeur n\'a pas le format attendu.',
  'urn:guichet:problem:unauthenticated': 'Votre session a expiré : reconnectez-vous.',
  'urn:guichet:problem:forbidden': 'Votre rôle ou votre section ne permet pas cette action.',
  'urn:guichet:problem:four-eyes': 'Règle des quatre yeux : la personne qui a déposé ou instruit une demande ne peut pas la décider.',
  'urn:guichet:problem:stale-figures': 'Des chiffres datés (plafonds, ASPA, AAH) n\'ont pas été revalorisés à leur date : saisissez leurs nouvelles valeurs, ou confirmez explicitement.',
  'urn:guichet:problem:not-found': 'Ce dossier est introuvable.',
  'urn:guichet:problem:invalid-transition': 'Cette étape n\'est pas possible dans l\'état actuel du dossier.',
  'urn:guichet:problem:beneficiary-unknown': 'Ce service ne connaît pas encore la personne : une inscription récente lui parvient en quelques secondes. Réessayez.',
  'urn:guichet:problem:duplicate-beneficiary': 'Cette personne semble déjà enregistrée.',
  'urn:guichet:problem:stale-version': 'Le dossier a été modifié entre-temps : rechargez-le avant de le modifier.',
  'urn:guichet:problem:already-in-a-household': 'Une des personnes fait déjà partie d\'un autre foyer.',
  'urn:guichet:problem:cap-exceeded': 'Le plafond du foyer serait dépassé.',
  'urn:guichet:problem:incomplete-file': 'Des pièces manquent encore au dossier.',
  'urn:guichet:problem:domicile-too-recent': 'La personne n\'est pas domiciliée à Paris depuis assez longtemps (un mois au moins, RM V.2.1 b/1).',
  'urn:guichet:problem:not-eligible': 'D\'après les données du registre, le droit ne peut pas être accordé.',
  'urn:guichet:problem:request-refused': 'La demande ne peut pas être acceptée.',
  'urn:guichet:problem:too-many-requests': 'Trop de demandes en peu de temps : patientez une minute.',
  'urn:guichet:problem:request-too-large': 'La demande est trop volumineuse.',
  'urn:guichet:problem:service-unavailable': 'Le service ne répond pas pour le moment. Réessayez dans quelques minutes.',
  'urn:guichet:problem:service-busy': 'Le service est très sollicité en ce moment : réessayez dans quelques secondes.',
  'urn:guichet:problem:capture-offline': 'Le service et la file d\'attente sont indisponibles : la demande n\'a pas pu être reçue.',
  'urn:guichet:problem:repeat-filing': 'La personne a déjà une demande de cette prestation en cours d\'examen, ou un droit qui court encore : voyez son dossier (un renouvellement se dépose comme tel, à l\'approche de la fin du droit).',
  'urn:guichet:problem:internal': 'Une erreur interne s\'est produite ; elle a été enregistrée. Réessayez ou signalez-la avec l\'heure.',
};

// The services' field errors, word for word, in French.
const DETAILS = [
  [/^is required$/, 'à renseigner'],
  [/^must be on one line$/, 'sur une seule ligne'],
  [/^contains an invisible character$/, 'contient un caractère invisible (copié d\'un autre document ?) : saisissez-le à nouveau'],
  [/^mixes the letters of several alphabets.*$/,
    'mêle des lettres de plusieurs alphabets (une lettre cyrillique ou grecque qui ressemble à une lettre latine ?) : saisissez-le à nouveau au clavier'],
  [/^a value of this figure from this day exists.*$/, 'une valeur de ce chiffre existe déjà à cette date ; une valeur n\'est jamais modifiée : proposez-la à partir d\'une autre date'],
  [/^is required: a day from (\S+) on$/, 'à renseigner : une date à partir du 01/01/2012'],
  [/^is required: zero or more, below 1 000 000, with at most 2 decimals$/, 'un nombre positif, au plus deux décimales'],
  [/^is required: (.*)$/, 'à renseigner'],
  [/^must be at most (\d+) characters$/, 'au plus $1 caractères'],
  [/^must be positive$/, 'doit être supérieur à zéro'],
  [/^must have at most 2 decimals \(cents\)$/, 'au plus deux décimales (centimes)'],
  [/^must be at most ([\d.]+) €$/, 'au plus $1 €'],
  [/^is not a valid IBAN.*$/, 'IBAN invalide : vérifiez sa longueur et sa clé'],
  [/^is required and must be a valid IBAN.*$/, 'IBAN à renseigner, ou invalide : vérifiez sa longueur et sa clé (FR76 suivi de 23 caractères)'],
  [/^wrong type or format$/, 'format incorrect'],
  [/^header required$/, 'manquant'],
  [/^must be a section number from 1 to 20$/, 'un numéro de section de 1 à 20'],
  [/^the beneficiary's file is followed by section (\d+).*$/, 'le dossier de la personne est suivi par la section $1'],
  [/^is only for the DISASTER category$/, 'seulement pour un sinistre'],
  [/^is required for a disaster.*$/, 'à renseigner pour un sinistre (référence de l\'événement)'],
  [/^is required for a creditor.*$/, 'à renseigner pour un créancier (nom du titulaire du compte)'],
  [/^must not be in the future.*$/, 'ne peut pas être dans le futur'],
  [/^required$/, 'à renseigner'],
  [/^required[,:].*$/, 'à renseigner'],
  [/^at most (\d+) characters$/, 'au plus $1 caractères'],
  [/^may hold letters, digits, spaces and .* only$/, 'lettres, chiffres, espaces et / - ? : ( ) . , \' + seulement (ce nom part au Trésor public)'],
  [/^must be in the past$/, 'doit être dans le passé'],
  [/^must be after 1900-01-01$/, 'doit être postérieure au 01/01/1900'],
  [/^must be F or M$/, 'choisissez « Femme » ou « Homme »'],
  [/^must be 15 characters.*$/, '15 caractères : 13 chiffres (2A ou 2B pour la Corse) et une clé de 2 chiffres'],
  [/^the control key does not match.*$/, 'la clé ne correspond pas : vérifiez le numéro'],
  [/^is Paris, but the postcode is not a Paris one$/, 'Paris, mais le code postal n\'est pas celui d\'un arrondissement de Paris : vérifiez la ville ou le code postal'],
  [/^unknown postcode.*$/, 'code postal inconnu (à Paris : 75001 à 75020, ou 75116)'],
  [/^must be the number of a section, 1 to 20$/, 'un numéro de section de 1 à 20'],
  [/^the address is in Paris: give the date since when.*$/, 'adresse à Paris : indiquez depuis quand la personne y habite'],
  [/^is in the future$/, 'ne peut pas être dans le futur'],
  [/^is more than (\d+) months ago.*$/, 'date de réception de plus de $1 mois : la demande doit être déposée à nouveau'],
  [/^is not an e-mail address$/, 'adresse électronique invalide'],
  [/^is not a phone number$/, 'numéro de téléphone invalide'],
  [/^is not a series of receipt numbers reserved at this gateway$/, 'série de numéros inconnue du serveur'],
  [/^is not a number reserved at this gateway$/, 'ce numéro n\'a été réservé pour aucun formulaire : vérifiez la saisie'],
  [/^was reserved for the counter of section (\d+)$/, 'réservée pour un guichet de la section $1'],
  [/^is not a receipt number$/, 'numéro de récépissé invalide'],
  [/^is not a number of this series$/, 'ce numéro n\'appartient pas à la série du poste'],
  [/^is before its number's series was reserved$/, 'antérieure à la réservation du numéro : vérifiez la date et l\'heure'],
  [/^is not a command that files an application$/, 'ce n\'est pas le dépôt d\'une demande'],
  [/^was already received with another application$/,
    'ce numéro a déjà été reçu pour une autre demande (ou une autre saisie de ce formulaire) : si c\'est la même, rien à faire ; sinon, déposez-la à nouveau sous un autre numéro'],
  [/^was used for receipt (\S+)$/, 'demande déjà transmise sous le récépissé $1'],
  [/^is a number of a counter's series, not of a paper form$/, 'ce numéro est celui d\'un poste, pas d\'un formulaire papier : vérifiez la saisie'],
  [/^is a series of paper forms, typed in without a series$/, 'série de formulaires papier : à saisir comme formulaire papier'],
  [/^an establishment is for the elderly or the disabled only.*$/, 'un établissement ne concerne que les personnes âgées ou'
      + ' handicapées : « À son domicile » pour une famille'],
  [/^is more than (\d+) days after its series was reserved$/, 'plus de $1 jours après la réservation des numéros du poste : déposez la demande à nouveau'],
];

/** A field error's detail in French; the original when no translation is known. */
export function detailInFrench(detail) {
  for (const [pattern, french] of DETAILS) {
    if (pattern.test(detail)) {
      return detail.replace(pattern, french);
    }
  }
  return 'valeur refusée par le service : vérifiez-la';
}

/**
 * What is wrong with a date as typed (JJ/MM/AAAA), in words an agent understands (issue #36: 31/02/1948 was "une date au
 * format JJ/MM/AAAA", though it had that format); null when it is a date.
 */
export function dateProblem(typed, required = true) {
  const text = (typed || '').trim();
  if (!text) {
    return required ? 'à renseigner, au format JJ/MM/AAAA' : null;
  }
  if (!/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(text)) {
    return 'une date au format JJ/MM/AAAA, par exemple 01/06/1950';
  }
  return isoDate(text) ? null : 'cette date n\'existe pas (' + text + ') : vérifiez le jour et le mois';
}

/** The sentence that explains a problem to the agent. */
export function problemInFrench(problem, status) {
  if (problem && PROBLEMS[problem.type]) {
    return PROBLEMS[problem.type];
  }
  if (status === 0) {
    return 'Le guichet ne joint pas le serveur : vérifiez la connexion du poste.';
  }
  return 'La demande n\'a pas abouti. Réessayez ; si cela se reproduit, signalez-le avec l\'heure.';
}

const STATUSES = {
  RECEIVED: 'Reçue', UNDER_EXAMINATION: 'En cours d\'instruction', GRANTED: 'Accordée', REFUSED: 'Refusée',
  APPEALED: 'En recours', PAYMENT_ORDERED: 'Paiement demandé', UNDER_RECOVERY: 'À reprendre (incident)', PAID: 'Payée', PAYMENT_FAILED: 'Paiement en échec',
  LAPSED: 'Caduque (pièces non fournies)', QUEUED: 'Reçue, en attente du service', REJECTED: 'Rejetée à la reprise',
  REQUESTED: 'Demandé', ORDERED: 'Commandé à l\'opérateur', ACTIVE: 'Actif', ORDER_REJECTED: 'Refusé par l\'opérateur',
  EXPIRED: 'Expiré', RENEWED: 'Renouvelé', CANCELLED: 'Annulé', SUSPENDED: 'Suspendu', ENDED: 'Terminé',
};

export function statusInFrench(status) {
  return STATUSES[status] || 'En cours';
}

export const ROLES = {
  AGENT: 'Agent d\'accueil', SOCIAL_WORKER: 'Travailleur social', SECTION_DIRECTOR: 'Directeur de section',
  SUPERVISOR: 'Superviseur', ADMINISTRATOR: 'Administrateur des paramètres',
};

/** The Navigo products by the code the transport service gives them (issue #36: agents read PASS_PARIS_SENIORS). */
const PRODUCTS = {
  NAVIGO_EMERAUDE_AMETHYSTE: 'Navigo Émeraude Améthyste',
  PASS_PARIS_SENIORS: 'Pass Paris Seniors',
  PASS_PARIS_ACCESS: 'Pass Paris Access\'',
};

export function productInFrench(code) {
  return PRODUCTS[code] || code;
}

export const CATEGORIES = [
  ['ENERGY', 'Énergie (impayés d\'électricité ou de gaz)'], ['WATER', 'Eau'], ['RENT_ARREARS', 'Impayés de loyer'],
  ['FOOD', 'Alimentation'], ['HEALTH', 'Frais de santé'], ['EQUIPMENT', 'Équipement de première nécessité'],
  ['DISASTER', 'Sinistre'], ['OTHER', 'Autre difficulté financière temporaire'],
];

const PARIS = { timeZone: 'Europe/Paris' };

/** JJ/MM/AAAA from an ISO date (2026-12-01) or instant. */
export function date(iso) {
  if (!iso) {
    return '';
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) {
    const [y, m, d] = iso.split('-');
    return `${d}/${m}/${y}`;
  }
  return new Date(iso).toLocaleDateString('fr-FR', PARIS);
}

/** JJ/MM/AAAA à HH:MM, Paris time. */
export function dateTime(iso) {
  const instant = new Date(iso);
  return instant.toLocaleDateString('fr-FR', PARIS) + ' à '
      + instant.toLocaleTimeString('fr-FR', { ...PARIS, hour: '2-digit', minute: '2-digit' });
}

/** 1 234,56 € */
export function euros(amount) {
  return Number(amount).toLocaleString('fr-FR', { style: 'currency', currency: 'EUR' });
}

/** An ISO date (AAAA-MM-JJ) from what the agent typed (JJ/MM/AAAA); null when it is not a date. */
export function isoDate(typed) {
  const match = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(typed || '');
  if (!match) {
    return null;
  }
  const [, d, m, y] = match;
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const parsed = new Date(iso + 'T00:00:00Z');
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(iso) ? iso : null;
}
