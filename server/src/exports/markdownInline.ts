/**
 * Inline content (text runs with marks, hard breaks) to CommonMark. Marks are opened and closed
 * like a stack (a mark that goes on stays open, new ones open inside it), so that "italic, then
 * italic and bold" becomes `*a**b***` rather than delimiters that cross; whitespace is kept
 * outside delimiters, where CommonMark requires it. Underline has no Markdown syntax and is
 * kept as plain text.
 */
import type { DocNode, Mark, TextRun } from '../content/tree';
import { safeHref } from './safeHref';

const STACKED = ['link', 'bold', 'italic', 'strike'] as const;
const OPEN: Record<string, string> = { bold: '**', italic: '*', strike: '~~' };

interface OpenMark {
  type: string;
  href: string | null;
}

export function inlineMarkdown(nodes: DocNode[]): string {
  let out = '';
  let open: OpenMark[] = [];
  let lineStart = true;
  const closeFrom = (index: number) => {
    if (open.length <= index) return;
    const trailing = /\s*$/.exec(out)?.[0] ?? '';
    out = out.slice(0, out.length - trailing.length);
    for (const mark of open.slice(index).reverse()) out += mark.type === 'link' ? `](${encodeHref(mark.href ?? '')})` : OPEN[mark.type];
    out += trailing;
    open = open.slice(0, index);
  };
  const lineBreak = () => {
    closeFrom(0);
    out += '\\\n';
    lineStart = true;
  };
  for (const node of nodes) {
    if (node.kind === 'element') {
      if (node.type === 'hardBreak') lineBreak();
      continue;
    }
    node.text.split('\n').forEach((segment, i) => {
      if (i > 0) lineBreak();
      if (segment === '') return;
      const target = stackedMarks(node);
      // Marks that go on stay open; everything opened after the first one that ends is closed.
      let k = 0;
      while (k < open.length && target.some((mark) => sameMark(mark, open[k]!))) k++;
      closeFrom(k);
      const toOpen = target.filter((mark) => !open.some((o) => sameMark(o, mark)));
      let value = lineStart ? segment.replace(/^\s+/, '') : segment;
      if (value === '') return;
      if (toOpen.length > 0) {
        const lead = /^\s*/.exec(value)?.[0] ?? '';
        out += lead;
        value = value.slice(lead.length);
        if (value === '') return;
        for (const mark of toOpen) out += mark.type === 'link' ? '[' : OPEN[mark.type];
        open = [...open, ...toOpen];
      }
      out += node.marks.some((m) => m.type === 'code') ? codeSpan(value) : escapeText(value, lineStart);
      lineStart = false;
    });
  }
  closeFrom(0);
  // Trailing spaces would be invisible, or read as a line break by some renderers.
  return out.replace(/(\\\n)+$/, '').replace(/[ \t]+$/gm, '');
}

function stackedMarks(run: TextRun): OpenMark[] {
  const byType = new Map<string, Mark>(run.marks.map((m) => [m.type, m]));
  const marks: OpenMark[] = [];
  for (const type of STACKED) {
    const mark = byType.get(type);
    if (!mark) continue;
    const href = type === 'link' ? safeHref(mark.attrs.href) : null;
    if (type === 'link' && !href) continue;
    marks.push({ type, href });
  }
  return marks;
}

const sameMark = (a: OpenMark, b: OpenMark) => a.type === b.type && a.href === b.href;

/** Escapes what CommonMark would read as syntax; at a line start, also block markers. */
export function escapeText(value: string, lineStart: boolean): string {
  let escaped = value.replace(/[\\`*_[\]<>~|]/g, '\\$&').replace(/&(?=#?[a-zA-Z0-9]+;)/g, '\\&');
  if (lineStart) escaped = escaped.replace(/^([#+=-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
  return escaped;
}

function codeSpan(value: string): string {
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = value.startsWith('`') || value.endsWith('`') || (/^ .* $/.test(value) && value.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

function encodeHref(href: string): string {
  return href.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
