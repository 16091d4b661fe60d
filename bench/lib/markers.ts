/**
 * Latency markers embedded in the typed text: `{sender.seq.time}` with decimal digits only,
 * `time` in tenths of a millisecond since the run's epoch (wall clock, comparable across the
 * processes of one machine). Filler words use letters only, and deletions only remove letters
 * and spaces, so a deletion can never break a marker another client has yet to read.
 */
const MARKER = /\{(\d+)\.(\d+)\.(\d+)\}/g;
const WORDS = ['care', 'plan', 'goal', 'we', 'agree', 'next', 'step', 'family', 'team', 'review', 'the', 'a', 'to', 'and'];

export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

export function encodeMarker(sender: number, seq: number, epoch: number): string {
  return `{${sender}.${seq}.${Math.round((nowMs() - epoch) * 10)}}`;
}

export interface Marker {
  id: string;
  sender: number;
  sentAt: number;
}

export function parseMarkers(text: string, epoch: number): Marker[] {
  const found: Marker[] = [];
  for (const match of text.matchAll(MARKER)) {
    found.push({ id: `${match[1]}.${match[2]}`, sender: Number(match[1]), sentAt: epoch + Number(match[3]) / 10 });
  }
  return found;
}

export function fillerWord(random: () => number): string {
  return ' ' + (WORDS[Math.floor(random() * WORDS.length)] as string);
}

export function isDeletable(char: string | undefined): boolean {
  return char !== undefined && /^[a-z ]$/.test(char);
}
