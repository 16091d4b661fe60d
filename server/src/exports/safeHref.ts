/**
 * Links come from document content, which any editor can write: only web, mail and phone links
 * (or links within the page) leave the tool. Anything else (javascript:, data:, ...) is dropped
 * and its text kept.
 */
const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

export function safeHref(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const href = value.trim();
  if (href === '' || href.length > 2048 || /[\u0000-\u001f\u007f]/.test(href)) return null;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(href);
  if (!scheme) return href.startsWith('//') ? null : href;
  return ALLOWED_SCHEMES.has(`${scheme[1]!.toLowerCase()}:`) ? href : null;
}
