import { isUuid } from './sql-helpers.js';

/**
 * The two names of one contact: the `contacts.id` uuid and its thread, the conversation id the
 * contact directory hands the host (`c_<uuid without dashes>`). Either form is accepted; ids in
 * any other form have no profile row and name a thread only.
 */
export interface ContactRef {
  /** `contacts.id`, or null when the id cannot name a profile row. */
  contactUuid: string | null;
  /** The contact's thread: the id the host, the API and the audit trail use. */
  threadId: string;
}

const THREAD_RE = /^c_([0-9a-f]{32})$/i;

export function toContactRef(id: string): ContactRef {
  if (isUuid(id)) return { contactUuid: id.toLowerCase(), threadId: `c_${id.toLowerCase().replace(/-/g, '')}` };
  const m = THREAD_RE.exec(id);
  if (m?.[1] !== undefined) {
    const h = m[1].toLowerCase();
    return { contactUuid: `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`, threadId: `c_${h}` };
  }
  return { contactUuid: null, threadId: id };
}
