// PropertiesService.getDocumentProperties(), after
// developers.google.com/apps-script/reference/properties: one store per document, shared by every
// execution of the script bound to it. Keys and values are strings (setProperty stores
// String(value)); getProperty gives null for a missing key; getProperties gives a copy. The quota
// (9 KB per value, 500 KB per store) throws as Apps Script does. A custom function may read but
// not write properties; a simple trigger before authorisation may do neither (Env's modes).

import type { Env } from './env';

export const VALUE_LIMIT = 9 * 1024;
export const STORE_LIMIT = 500 * 1024;
export const QUOTA_ERROR = 'You have exceeded the property storage quota. Please remove some properties and try again.';

/** The document's properties (the tests' window on them is `map`). */
export class FakePropertyStore {
  readonly map = new Map<string, string>();

  size(): number {
    let n = 0;
    for (const [k, v] of this.map) n += Buffer.byteLength(k) + Buffer.byteLength(v);
    return n;
  }
}

export class FakeProperties {
  constructor(
    private readonly env: Env,
    private readonly store: FakePropertyStore,
  ) {}

  private key(key: unknown): string {
    if (key === null || key === undefined) throw this.env.error('Invalid argument: key');
    return String(key);
  }

  getProperty(key: string): string | null {
    this.env.hit('Properties.getProperty', 'read');
    return this.store.map.get(this.key(key)) ?? null;
  }

  getProperties(): Record<string, string> {
    this.env.hit('Properties.getProperties', 'read');
    return Object.fromEntries(this.store.map);
  }

  getKeys(): string[] {
    this.env.hit('Properties.getKeys', 'read');
    return this.env.array([...this.store.map.keys()]);
  }

  setProperty(key: string, value: string): FakeProperties {
    this.env.hit('Properties.setProperty', 'write');
    const k = this.key(key);
    const v = String(value);
    if (Buffer.byteLength(v) > VALUE_LIMIT) throw this.env.error('Argument too large: value');
    const before = this.store.map.get(k);
    this.store.map.set(k, v);
    if (this.store.size() > STORE_LIMIT) {
      if (before === undefined) this.store.map.delete(k);
      else this.store.map.set(k, before);
      throw this.env.error(QUOTA_ERROR);
    }
    return this;
  }

  deleteProperty(key: string): FakeProperties {
    this.env.hit('Properties.deleteProperty', 'write');
    this.store.map.delete(this.key(key));
    return this;
  }

  deleteAllProperties(): FakeProperties {
    this.env.hit('Properties.deleteAllProperties', 'write');
    this.store.map.clear();
    return this;
  }
}

export function makePropertiesService(env: Env, documentStore: FakePropertyStore) {
  return {
    getDocumentProperties(): FakeProperties {
      env.hit('PropertiesService.getDocumentProperties', 'local');
      return new FakeProperties(env, documentStore);
    },
  };
}
