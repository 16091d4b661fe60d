import { describe, expect, it } from 'vitest';
import { element, text } from '../content/tree';
import { inlineMarkdown } from './markdownInline';

const link = (href: string) => ({ type: 'link', attrs: { href } });

describe('inline Markdown', () => {
  it('keeps spaces outside emphasis delimiters, where CommonMark needs them', () => {
    expect(inlineMarkdown([text('a '), text(' bold ', 'bold'), text('b')])).toBe('a  **bold** b');
  });

  it('nests marks instead of crossing them, and keeps a link around its formatted parts', () => {
    expect(inlineMarkdown([text('see ', link('https://a.example')), text('this', link('https://a.example'), 'bold'), text(' now')])).toBe(
      '[see **this**](https://a.example) now',
    );
    expect(inlineMarkdown([text('x', 'italic'), text('y', 'italic', 'bold')])).toBe('*x**y***');
  });

  it('drops unsafe links but keeps their text', () => {
    expect(inlineMarkdown([text('click', link('javascript:alert(1)'))])).toBe('click');
    expect(inlineMarkdown([text('mail', link('mailto:a@b.example'))])).toBe('[mail](mailto:a@b.example)');
  });

  it('escapes block markers at the start of every line, including after a hard break', () => {
    expect(inlineMarkdown([text('# not a heading'), element('hardBreak'), text('- not a list'), element('hardBreak'), text('2) no')])).toBe(
      '\\# not a heading\\\n\\- not a list\\\n2\\) no',
    );
  });

  it('fences code with more backticks than it contains', () => {
    expect(inlineMarkdown([text('``x', 'code')])).toBe('``` ``x ```');
  });
});
