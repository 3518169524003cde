// Each declared benefit's filing form, by the benefit's code: the routes open them at the declared screen
// (`#/<form>/<person>`), and so does the correction of an offline capture its service refused.

import { aidView, navigoView, solidarityView } from './benefits.js';
import { housingView } from './housing.js';

/** (beneficiaryId, correction, renewal) → the form on screen. */
export const FORMS = { aid: aidView, solidarity: solidarityView, transport: navigoView, housing: housingView };
