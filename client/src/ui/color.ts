/** Colour helpers for people's colours, which come from the server and may be light or dark. */

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

export function safeColor(color: unknown, fallback = '#5b6b70'): string {
  return typeof color === 'string' && HEX.test(color) ? color : fallback;
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function luminance(hex: string): number {
  let digits = hex.slice(1);
  if (digits.length === 3) digits = [...digits].map((d) => d + d).join('');
  const n = parseInt(digits, 16);
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** Black or white, whichever reads better on `background` (WCAG contrast ratio). */
export function readableTextOn(background: string): string {
  const l = luminance(safeColor(background));
  const withWhite = 1.05 / (l + 0.05);
  const withBlack = (l + 0.05) / 0.05;
  return withWhite >= withBlack ? '#ffffff' : '#111111';
}
