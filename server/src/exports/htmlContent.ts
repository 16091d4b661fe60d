/** Content tree to HTML. Every piece of text and every attribute value is escaped here. */
import { GOAL_LABELS, NEGOTIATED_GOAL_NODE, type Language } from '../../../shared/src/index';
import type { DocNode, ElementNode, TextRun } from '../content/tree';
import { actionIsEmpty, formatDate, readGoal, type ExportMember } from './exportModel';
import { safeHref } from './safeHref';

export interface HtmlContext {
  language: Language;
  members: ExportMember[];
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const TAGS: Array<[string, string]> = [
  ['bold', 'strong'],
  ['italic', 'em'],
  ['strike', 's'],
  ['underline', 'u'],
  ['code', 'code'],
];

export function renderHtmlBlocks(nodes: DocNode[], context: HtmlContext): string {
  const out: string[] = [];
  let inline: DocNode[] = [];
  const flush = () => {
    const html = inlineHtml(inline);
    if (html) out.push(`<p>${html}</p>`);
    inline = [];
  };
  for (const node of nodes) {
    if (node.kind === 'text' || node.type === 'hardBreak') inline.push(node);
    else {
      flush();
      const html = blockHtml(node, context);
      if (html) out.push(html);
    }
  }
  flush();
  return out.join('\n');
}

function blockHtml(node: ElementNode, context: HtmlContext): string {
  switch (node.type) {
    case 'paragraph': {
      const html = inlineHtml(node.content);
      return html ? `<p>${html}</p>` : '';
    }
    case 'heading': {
      const html = inlineHtml(node.content);
      const level = Math.min(6, Math.max(2, Math.trunc(Number(node.attrs.level)) || 2));
      return html ? `<h${level}>${html}</h${level}>` : '';
    }
    case 'bulletList':
    case 'orderedList': {
      const items = node.content
        .map((item) => (item.kind === 'element' ? renderHtmlBlocks(item.type === 'listItem' ? item.content : [item], context) : ''))
        .filter((html) => html !== '')
        .map((html) => `<li>${html}</li>`);
      if (items.length === 0) return '';
      const start = Number.isInteger(node.attrs.start) && node.attrs.start !== 1 ? ` start="${node.attrs.start as number}"` : '';
      return node.type === 'orderedList' ? `<ol${start}>\n${items.join('\n')}\n</ol>` : `<ul>\n${items.join('\n')}\n</ul>`;
    }
    case 'blockquote': {
      const html = renderHtmlBlocks(node.content, context);
      return html ? `<blockquote>\n${html}\n</blockquote>` : '';
    }
    case 'horizontalRule':
      return '<hr>';
    case 'codeBlock':
      return `<pre><code>${escapeHtml(node.content.map((n) => (n.kind === 'text' ? n.text : '\n')).join(''))}</code></pre>`;
    case NEGOTIATED_GOAL_NODE:
      return goalHtml(node, context);
    default:
      return renderHtmlBlocks(node.content, context);
  }
}

function goalHtml(node: ElementNode, context: HtmlContext): string {
  const goal = readGoal(node, context.members);
  const labels = GOAL_LABELS[context.language];
  const colon = context.language === 'fr' ? '\u00a0:' : ':';
  const fact = (label: string, value: string) => `<span class="goal__fact">${escapeHtml(`${label}${colon} ${value}`)}</span>`;
  const facts = [fact(labels.status, labels.statuses[goal.status])];
  if (goal.targetDate) facts.push(fact(labels.targetDate, formatDate(goal.targetDate, context.language)));
  if (goal.expressedByName) facts.push(fact(labels.expressedBy, goal.expressedByName));
  const voice = (className: string, label: string, nodes: DocNode[]) =>
    `<div class="goal__voice ${className}">\n<p class="goal__label">${escapeHtml(label)}</p>\n${
      renderHtmlBlocks(nodes, context) || `<p class="goal__empty">${escapeHtml(labels.notWrittenYet)}</p>`
    }\n</div>`;
  return [
    `<section class="goal" aria-label="${escapeHtml(labels.goal)}">`,
    `<p class="goal__facts"><strong>${escapeHtml(labels.goal)}</strong> ${facts.join(' ')}</p>`,
    `<div class="goal__voices">`,
    voice('goal__own-words', labels.ownWords, goal.ownWords),
    voice('goal__reformulation', labels.reformulation, goal.reformulation),
    `</div>`,
    actionsHtml(goal.actions.filter((action) => !actionIsEmpty(action)), context),
    `</section>`,
  ]
    .filter((part) => part !== '')
    .join('\n');
}

function actionsHtml(actions: ReturnType<typeof readGoal>['actions'], context: HtmlContext): string {
  if (actions.length === 0) return '';
  const labels = GOAL_LABELS[context.language];
  const colon = context.language === 'fr' ? '\u00a0:' : ':';
  const items = actions.map((action) => {
    const facts: string[] = [];
    const fact = (label: string, value: string) => facts.push(`<li>${escapeHtml(`${label}${colon} ${value}`)}</li>`);
    if (action.who) fact(labels.who, action.who);
    if (action.when) fact(labels.when, action.whenDate ? formatDate(action.whenDate, context.language) : action.when);
    if (action.support) fact(labels.support, action.support);
    const description = renderHtmlBlocks(action.description, context) || `<p class="goal__empty">${escapeHtml(labels.notWrittenYet)}</p>`;
    return `<li class="goal__action">\n${description}${facts.length ? `\n<ul class="goal__action-facts">${facts.join('')}</ul>` : ''}\n</li>`;
  });
  return `<div class="goal__actions">\n<p class="goal__label">${escapeHtml(labels.actions)}</p>\n<ul>\n${items.join('\n')}\n</ul>\n</div>`;
}

/** Runs in a row that share a link become one anchor; other marks wrap each run. */
function inlineHtml(nodes: DocNode[]): string {
  const parts: Array<{ href: string | null; html: string }> = [];
  for (const node of nodes) {
    const html = node.kind === 'text' ? runHtml(node) : node.type === 'hardBreak' ? '<br>' : '';
    const linkMark = node.kind === 'text' ? node.marks.find((m) => m.type === 'link') : undefined;
    const href = linkMark ? safeHref(linkMark.attrs.href) : null;
    const last = parts.at(-1);
    if (last && last.href === href) last.html += html;
    else parts.push({ href, html });
  }
  return parts
    .map((part) => (part.href ? `<a href="${escapeHtml(part.href)}">${part.html}</a>` : part.html))
    .join('')
    .replace(/(<br>)+$/, '');
}

function runHtml(run: TextRun): string {
  let html = escapeHtml(run.text).replace(/\n/g, '<br>');
  for (const [mark, tag] of [...TAGS].reverse()) {
    if (run.marks.some((m) => m.type === mark)) html = `<${tag}>${html}</${tag}>`;
  }
  return html;
}
