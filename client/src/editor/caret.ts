/**
 * How another person's caret looks: a thin bar in their colour with their name above it, the
 * name's text black or white for contrast. The label is text, so the colour is never alone.
 */
import { readableTextOn, safeColor } from '../ui/color';

export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = safeColor(user.color);
  const name = typeof user.name === 'string' && user.name.length > 0 ? user.name : '?';

  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  caret.style.borderColor = color;

  const label = document.createElement('span');
  label.className = 'collaboration-carets__label';
  label.style.backgroundColor = color;
  label.style.color = readableTextOn(color);
  label.textContent = name;

  caret.append(label);
  return caret;
}
