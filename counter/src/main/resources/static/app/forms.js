// Each declared benefit's screens at the counter are in the module named after its code, benefit-<code>.js: its filing
// form, form(beneficiaryId, correction, renewal), and its file's page, fileView(id). The routes open them at the screens
// its declaration names (/counter/config: form, file), and so does the correction of an offline capture its service
// refused; the service worker keeps the module of every declared benefit (sw.js). No list of benefits here.

const loaded = new Map();

/** The module of a declared benefit's screens, loaded once; null (and said on the console) when it cannot be loaded. */
export function benefitModule(code) {
  if (!loaded.has(code)) {
    loaded.set(code, import('./benefit-' + code + '.js').catch(error => {
      console.error('benefit-' + code + '.js', error);
      loaded.delete(code);
      return null;
    }));
  }
  return loaded.get(code);
}
