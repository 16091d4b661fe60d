/**
 * The printable page: one standalone HTML file (no scripts, no external resources) whose print
 * CSS gives a clean PDF from the browser's print dialog, with the title and export date in the
 * page margins and page numbers (CSS margin boxes; browsers without them still print the title
 * on the first page).
 */
import { formatDate, type ExportInput } from './exportModel';
import { escapeHtml, renderHtmlBlocks } from './htmlContent';
import { EXPORT_LABELS } from './labels';

export function toHtml(input: ExportInput): string {
  const date = formatDate(input.exportedAt, input.language);
  const exportedOn = EXPORT_LABELS[input.language].exportedOn(input.workspaceName, date);
  const content = renderHtmlBlocks(input.nodes, { language: input.language, members: input.members });
  return `<!doctype html>
<html lang="${input.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(input.title)}</title>
<style>
${pageStyles(input.title, date)}
</style>
</head>
<body>
<header class="document-header">
<h1>${escapeHtml(input.title)}</h1>
<p class="document-meta">${escapeHtml(exportedOn)}</p>
</header>
<main>
${content}
</main>
</body>
</html>
`;
}

/**
 * Every character but letters, digits and spaces becomes a CSS escape, so no title can end the
 * string or the style element (`</style>` cannot survive).
 */
export function cssString(value: string): string {
  return `"${[...value].map((c) => (/^[A-Za-z0-9 ]$/.test(c) ? c : `\\${c.codePointAt(0)!.toString(16)} `)).join('')}"`;
}

function pageStyles(title: string, date: string): string {
  return `:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; font-size: 16px;
  line-height: 1.6; color: #1a1a1a; background: #fff; max-width: 46rem; margin: 2rem auto; padding: 0 1.25rem; }
h1 { font-size: 1.9rem; line-height: 1.25; margin: 0 0 .25rem; }
h2 { font-size: 1.4rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #d0d0d0; padding-bottom: .2rem; }
h3 { font-size: 1.15rem; margin: 1.5rem 0 .4rem; }
h4, h5, h6 { font-size: 1rem; margin: 1.2rem 0 .3rem; }
p, ul, ol, blockquote, pre { margin: 0 0 .8rem; }
li > p { margin: 0 0 .2rem; }
li > ul, li > ol { margin-bottom: .2rem; }
a { color: #0b5cad; }
blockquote { border-left: 4px solid #9a9a9a; padding-left: 1rem; color: #333; }
pre, code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .92em; }
pre { background: #f4f4f4; padding: .75rem; white-space: pre-wrap; }
hr { border: 0; border-top: 1px solid #9a9a9a; margin: 1.5rem 0; }
.document-header { margin-bottom: 1.5rem; }
.document-meta { color: #555; font-size: .9rem; }
.goal { border: 2px solid #5a5a5a; border-radius: 6px; padding: .75rem 1rem; margin: 0 0 1rem; }
.goal__facts { margin-bottom: .5rem; }
.goal__fact { display: inline-block; }
.goal__fact::before { content: "·"; margin: 0 .5rem; }
.goal__voices { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.goal__voice { border-top: 1px solid #d0d0d0; padding-top: .4rem; }
.goal__own-words { border-top-style: solid; }
.goal__reformulation { border-top-style: dashed; }
.goal__label { font-weight: 700; margin-bottom: .3rem; }
.goal__empty { font-style: italic; color: #555; }
.goal__actions { border-top: 1px solid #d0d0d0; margin-top: .75rem; padding-top: .4rem; }
.goal__actions > ul { margin-bottom: 0; }
.goal__action > p { margin: 0 0 .2rem; }
.goal__action-facts { margin: 0 0 .4rem; padding-left: 1.2rem; color: #333; font-size: .95em; }
@media (max-width: 36rem) { .goal__voices { grid-template-columns: 1fr; } }
@page {
  size: A4;
  margin: 2cm 1.8cm;
  @top-left { content: ${cssString(title)}; font-size: 9pt; color: #555; }
  @top-right { content: ${cssString(date)}; font-size: 9pt; color: #555; }
  @bottom-right { content: counter(page) " / " counter(pages); font-size: 9pt; color: #555; }
}
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 11pt; }
  a { color: inherit; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .85em; }
  h2, h3, h4 { break-after: avoid; }
  .goal, blockquote, pre, li { break-inside: avoid; }
}`;
}
