/**
 * Markdown export (CommonMark, with GFM strikethrough): the title, a line saying where and when
 * it was exported, then the content. A negotiated goal becomes a quoted section that keeps both
 * voices, its status, target date and who expressed it, then its linked actions (who, by when,
 * with what support), labelled in the export's language.
 */
import { GOAL_LABELS, NEGOTIATED_GOAL_NODE, type Language } from '../../../shared/src/index';
import type { DocNode, ElementNode } from '../content/tree';
import { actionIsEmpty, formatDate, readGoal, type ActionView, type ExportInput, type ExportMember } from './exportModel';
import { EXPORT_LABELS } from './labels';
import { escapeText, inlineMarkdown } from './markdownInline';

interface Context {
  language: Language;
  members: ExportMember[];
}

export function toMarkdown(input: ExportInput): string {
  const context: Context = { language: input.language, members: input.members };
  const exportedOn = EXPORT_LABELS[input.language].exportedOn(input.workspaceName, formatDate(input.exportedAt, input.language));
  const parts = [`# ${escapeText(input.title, false)}`, `*${escapeText(exportedOn, false)}*`, renderBlocks(input.nodes, context)];
  return parts.filter((part) => part !== '').join('\n\n') + '\n';
}

/**
 * Blocks are separated by a blank line; inside a list item (`tight`), a nested list follows its
 * paragraph directly, so that a list of short items stays a tight list.
 */
function renderBlocks(nodes: DocNode[], context: Context, tight = false): string {
  const rendered: Array<{ text: string; list: boolean }> = [];
  let inline: DocNode[] = [];
  const flushInline = () => {
    const text = inlineMarkdown(inline);
    if (text) rendered.push({ text, list: false });
    inline = [];
  };
  for (const node of nodes) {
    if (node.kind === 'text' || node.type === 'hardBreak') {
      inline.push(node);
      continue;
    }
    flushInline();
    const text = renderBlock(node, context);
    if (text) rendered.push({ text, list: node.type === 'bulletList' || node.type === 'orderedList' });
  }
  flushInline();
  return rendered.map((block, i) => (i === 0 ? '' : tight && block.list ? '\n' : '\n\n') + block.text).join('');
}

function renderBlock(node: ElementNode, context: Context): string {
  switch (node.type) {
    case 'paragraph':
      return inlineMarkdown(node.content);
    case 'heading': {
      const text = inlineMarkdown(node.content);
      const level = Math.min(6, Math.max(1, Math.trunc(Number(node.attrs.level)) || 2));
      return text ? `${'#'.repeat(level)} ${text}` : '';
    }
    case 'bulletList':
    case 'orderedList':
      return renderList(node, context);
    case 'blockquote':
      return quote(renderBlocks(node.content, context));
    case 'horizontalRule':
      return '---';
    case 'codeBlock':
      return codeBlock(node);
    case NEGOTIATED_GOAL_NODE:
      return renderGoal(node, context);
    default:
      // Unknown blocks (a newer client's node): keep what they contain.
      return renderBlocks(node.content, context);
  }
}

function renderList(node: ElementNode, context: Context): string {
  const start = Number.isInteger(node.attrs.start) ? (node.attrs.start as number) : 1;
  const items: string[] = [];
  for (const child of node.content) {
    if (child.kind !== 'element') continue;
    const body = renderBlocks(child.type === 'listItem' ? child.content : [child], context, true);
    if (!body) continue;
    const marker = node.type === 'orderedList' ? `${start + items.length}. ` : '- ';
    const [first, ...rest] = body.split('\n');
    items.push([marker + first, ...rest.map((line) => (line ? ' '.repeat(marker.length) + line : ''))].join('\n'));
  }
  return items.join('\n');
}

function quote(body: string): string {
  return body ? body.split('\n').map((line) => (line ? `> ${line}` : '>')).join('\n') : '';
}

function codeBlock(node: ElementNode): string {
  const code = node.content.map((n) => (n.kind === 'text' ? n.text : '\n')).join('');
  const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const language = typeof node.attrs.language === 'string' ? node.attrs.language.replace(/[^\w+#.-]/g, '') : '';
  return `${fence}${language}\n${code}\n${fence}`;
}

function renderGoal(node: ElementNode, context: Context): string {
  const goal = readGoal(node, context.members);
  const labels = GOAL_LABELS[context.language];
  const colon = context.language === 'fr' ? '\u00a0:' : ':';
  const facts = [`${labels.status}${colon} ${labels.statuses[goal.status]}`];
  if (goal.targetDate) facts.push(`${labels.targetDate}${colon} ${formatDate(goal.targetDate, context.language)}`);
  if (goal.expressedByName) facts.push(`${labels.expressedBy}${colon} ${goal.expressedByName}`);
  const voice = (nodes: DocNode[]) => renderBlocks(nodes, context) || `*${escapeText(labels.notWrittenYet, false)}*`;
  const body = [
    `**${labels.goal}** · ${escapeText(facts.join(' · '), false)}`,
    `**${labels.ownWords}**`,
    voice(goal.ownWords),
    `**${labels.reformulation}**`,
    voice(goal.reformulation),
  ];
  const actions = goal.actions.filter((action) => !actionIsEmpty(action));
  if (actions.length > 0) body.push(`**${labels.actions}**`, actions.map((action) => renderAction(action, context)).join('\n'));
  return quote(body.join('\n\n'));
}

/** One action as a list item: its description, then who / by when / support as a nested list. */
function renderAction(action: ActionView, context: Context): string {
  const labels = GOAL_LABELS[context.language];
  const colon = context.language === 'fr' ? '\u00a0:' : ':';
  const description = renderBlocks(action.description, context).replace(/\n+/g, ' ') || `*${escapeText(labels.notWrittenYet, false)}*`;
  const facts: string[] = [];
  if (action.who) facts.push(`${labels.who}${colon} ${action.who}`);
  if (action.when) facts.push(`${labels.when}${colon} ${action.whenDate ? formatDate(action.whenDate, context.language) : action.when}`);
  if (action.support) facts.push(`${labels.support}${colon} ${action.support}`);
  return [`- ${description}`, ...facts.map((fact) => `  - ${escapeText(fact, false)}`)].join('\n');
}
