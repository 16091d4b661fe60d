/**
 * The two message catalogs. English is the source: its keys define `MessageKey`, and the French
 * catalog must have exactly the same keys, so a missing or stray translation is a type error.
 */
import type { Language } from '../../../shared/src/index';
import enBase from './en.json';
import frBase from './fr.json';
import editorEn from './features/editor.en.json';
import editorFr from './features/editor.fr.json';
import panelsEn from './features/panels.en.json';
import panelsFr from './features/panels.fr.json';
import lifeEn from './features/life.en.json';
import lifeFr from './features/life.fr.json';
import workshopsEn from './features/workshops.en.json';
import workshopsFr from './features/workshops.fr.json';
import commentsEn from './features/comments.en.json';
import commentsFr from './features/comments.fr.json';
import suggestionsEn from './features/suggestions.en.json';
import suggestionsFr from './features/suggestions.fr.json';
import archiveEn from './features/archive.en.json';
import archiveFr from './features/archive.fr.json';

// Each feature keeps its strings in its own pair of files under features/, merged here, so
// features can be translated (and reviewed) separately.
const en = { ...enBase, ...editorEn, ...panelsEn, ...lifeEn, ...workshopsEn, ...commentsEn, ...suggestionsEn, ...archiveEn };
const frCatalog = { ...frBase, ...editorFr, ...panelsFr, ...lifeFr, ...workshopsFr, ...commentsFr, ...suggestionsFr, ...archiveFr };

export type MessageKey = keyof typeof en;
export type Catalog = Record<MessageKey, string>;

const fr = frCatalog satisfies Catalog;

type StrayFrenchKeys = Exclude<keyof typeof frCatalog, MessageKey>;
// Fails to compile if fr.json has a key that en.json lacks.
const noStrayFrenchKeys: [StrayFrenchKeys] extends [never] ? true : false = true;
void noStrayFrenchKeys;

export const CATALOGS: Record<Language, Catalog> = { en, fr };

export type MessageVars = Record<string, string | number>;

/** Replaces `{name}` placeholders; an unknown placeholder is left visible so it gets noticed. */
export function formatMessage(template: string, vars?: MessageVars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}
