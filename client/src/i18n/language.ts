import { LanguageSchema, type Language } from '../../../shared/src/index';

const STORAGE_KEY = 'ensemble.lang';

/** The remembered choice, else the browser's preference (French if it starts with "fr"). */
export function initialLanguage(): Language {
  try {
    const stored = LanguageSchema.safeParse(localStorage.getItem(STORAGE_KEY));
    if (stored.success) return stored.data;
  } catch {
    // Storage can be unavailable (privacy settings); fall back to the browser language.
  }
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** Whether this device already has a language chosen (by the person or by their account). */
export function hasChosenLanguage(): boolean {
  try {
    return LanguageSchema.safeParse(localStorage.getItem(STORAGE_KEY)).success;
  } catch {
    return false;
  }
}

export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered on this device; the account setting still applies after sign-in.
  }
}
