// What the counter's modules need of a browser, in memory, for Node's test runner: session storage, fetch answered by
// the test, and enough of IndexedDB for app/offline.js (object stores with a key path; get, getAll, put, delete;
// transactions that complete once their requests are done, or abort). Install before importing a module.

export class Storage {
  constructor() {
    this.items = new Map();
  }

  getItem(key) {
    return this.items.has(key) ? this.items.get(key) : null;
  }

  setItem(key, value) {
    this.items.set(key, String(value));
  }

  removeItem(key) {
    this.items.delete(key);
  }

  clear() {
    this.items.clear();
  }
}

function request(run) {
  const req = { onsuccess: null, onerror: null, result: undefined, error: null };
  queueMicrotask(() => {
    try {
      req.result = run();
      req.onsuccess?.({ target: req });
    } catch (error) {
      req.error = error;
      req.onerror?.({ target: req });
    }
  });
  return req;
}

class Transaction {
  constructor(database, names) {
    this.database = database;
    this.names = [].concat(names);
    this.aborted = false;
    this.pending = 0;
    this.staged = new Map(this.names.map(name => [name, new Map(database.stores.get(name).rows)]));
    this.oncomplete = null;
    this.onerror = null;
    this.onabort = null;
    setTimeout(() => this.settle(), 0);
  }

  objectStore(name) {
    const rows = this.staged.get(name);
    const keyPath = this.database.stores.get(name).keyPath;
    const copy = value => structuredClone(value);
    const track = run => {
      this.pending += 1;
      const req = request(run);
      const done = req;
      queueMicrotask(() => queueMicrotask(() => { this.pending -= 1; }));
      return done;
    };
    return {
      get: key => track(() => copy(rows.get(key))),
      getAll: () => track(() => [...rows.values()].map(copy)),
      put: value => track(() => { rows.set(value[keyPath], copy(value)); return value[keyPath]; }),
      delete: key => track(() => { rows.delete(key); }),
    };
  }

  abort() {
    this.aborted = true;
  }

  settle() {
    if (this.pending > 0) {
      setTimeout(() => this.settle(), 0);
      return;
    }
    if (this.aborted) {
      this.onabort?.();
      return;
    }
    for (const [name, rows] of this.staged) {
      this.database.stores.get(name).rows = rows;
    }
    this.oncomplete?.();
  }
}

class Database {
  constructor() {
    this.stores = new Map();
  }

  createObjectStore(name, { keyPath }) {
    this.stores.set(name, { keyPath, rows: new Map() });
  }

  transaction(names) {
    return new Transaction(this, names);
  }
}

/** A fresh browser: empty storages and databases; {@code answer(method, path, body, headers)} answers each fetch. */
export function install(answer) {
  const databases = new Map();
  globalThis.sessionStorage = new Storage();
  globalThis.localStorage = new Storage();
  globalThis.window = { location: { hash: '', origin: 'http://guichet.test', href: 'http://guichet.test/' }, addEventListener() {} };
  globalThis.indexedDB = {
    open(name) {
      const req = { result: null, onupgradeneeded: null, onsuccess: null, onerror: null };
      queueMicrotask(() => {
        if (!databases.has(name)) {
          databases.set(name, new Database());
          req.result = databases.get(name);
          req.onupgradeneeded?.();
        }
        req.result = databases.get(name);
        req.onsuccess?.();
      });
      return req;
    },
  };
  const calls = [];
  globalThis.fetch = async (path, { method = 'GET', headers = {}, body } = {}) => {
    const parsed = body === undefined ? undefined : JSON.parse(body);
    calls.push({ method, path, body: parsed, headers });
    const reply = await answer(method, path, parsed, headers);
    if (!reply) {
      throw new TypeError('Failed to fetch');
    }
    return new Response(reply.body === undefined ? '' : JSON.stringify(reply.body), { status: reply.status });
  };
  return calls;
}
