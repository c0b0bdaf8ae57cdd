// The sidebar's request IDs, kept in the document's properties: a touchpoint logged once is not
// logged again when the page retries the call or the user clicks twice.

import type { RequestLog } from '../engine/prep';

const PREFIX = 'cadans.logged.';
/** Request IDs are kept for two days; a retry comes within seconds, a double click at once. */
const KEEP_MS = 2 * 24 * 60 * 60 * 1000;

export function documentRequestLog(): RequestLog {
  const properties = PropertiesService.getDocumentProperties();
  return {
    seen: (id) => properties.getProperty(PREFIX + id) !== null,
    remember: (id) => {
      const now = Date.now();
      const all = properties.getProperties();
      for (const [key, value] of Object.entries(all)) {
        if (key.startsWith(PREFIX) && now - Number(value) > KEEP_MS) properties.deleteProperty(key);
      }
      properties.setProperty(PREFIX + id, String(now));
    },
  };
}
