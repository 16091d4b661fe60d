/**
 * The `suggestion` mark (docs/adr/0005-suggestions.md). y-tiptap stores it as the Y.XmlText
 * formatting attribute `suggestion`, which the server checks for commenters, so it keeps the
 * default `excludes` (one suggestion per run, attribute key exactly `suggestion`), is not
 * inclusive (typing next to a suggestion does not join it) and declares exactly four attributes.
 * Insertions render as <ins>, deletions as <del>: underline and strike-through, not colour alone.
 * Its attributes are rendered only as data-* for styling; parsing from HTML is off.
 */
import { Mark, type Attribute } from '@tiptap/core';
import type { Mark as PMMark, Node as PMNode } from '@tiptap/pm/model';
import { SUGGESTION_MARK, SuggestionMarkSchema, type SuggestionMark } from '../../../../shared/src/index';

function stringAttribute(name: keyof SuggestionMark): Attribute {
  return {
    default: null,
    parseHTML: (element) => element.getAttribute(`data-suggestion-${name}`),
    renderHTML: (attributes) => {
      const value: unknown = attributes[name];
      return typeof value === 'string' ? { [`data-suggestion-${name}`]: value } : {};
    },
  };
}

export const Suggestion = Mark.create({
  name: SUGGESTION_MARK,
  inclusive: false,
  // A suggestion is not something to carry along when text is split or copied into new lines.
  keepOnSplit: false,

  addAttributes() {
    return {
      id: stringAttribute('id'),
      kind: stringAttribute('kind'),
      author: stringAttribute('author'),
      at: stringAttribute('at'),
    };
  },

  // Pasted copies of a suggestion arrive as plain text: a proposal is never duplicated by copying.
  parseHTML() {
    return [];
  },

  renderHTML({ HTMLAttributes, mark }) {
    const kind = mark.attrs.kind === 'delete' ? 'delete' : 'insert';
    return [kind === 'delete' ? 'del' : 'ins', { ...HTMLAttributes, class: `suggestion suggestion--${kind}` }, 0];
  },
});

/** The mark's value, or null when the attributes are not a valid suggestion. */
export function readMark(attrs: unknown): SuggestionMark | null {
  const parsed = SuggestionMarkSchema.safeParse(attrs);
  return parsed.success ? parsed.data : null;
}

/** The suggestion carried by a text node, if any. */
export function suggestionOf(node: PMNode | null | undefined): SuggestionMark | null {
  const mark: PMMark | undefined = node?.marks.find((m) => m.type.name === SUGGESTION_MARK);
  return mark ? readMark(mark.attrs) : null;
}

/** A fresh id for a proposal. getRandomValues works on plain http too (randomUUID does not). */
export function newSuggestionId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return `s-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
