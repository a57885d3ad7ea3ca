/**
 * Direction controls shown as text. A right-to-left override (U+202E) or isolate (U+2066–U+2069)
 * in a name makes a spreadsheet or a page display it as another name; the marks and embeddings
 * (U+200E, U+200F, U+061C, U+202A–U+202D) reorder what follows. Every report writes them as their
 * code point, `[U+202E]`, so the name reads as what it is.
 */
const DIRECTION = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** The text with every direction control written as its code point (`[U+202E]`). */
export function visible(text: string): string {
  return text.replace(
    DIRECTION,
    (c) => `[U+${(c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}]`,
  );
}

/** Text for HTML: direction controls written out, then `& < > " '` escaped. */
export const escapeHtml = (value: unknown): string =>
  visible(String(value ?? '')).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
