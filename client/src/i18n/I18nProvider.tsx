import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Language } from '../../../shared/src/index';
import { CATALOGS, formatMessage, type MessageKey, type MessageVars } from './catalog';
import { initialLanguage, rememberLanguage } from './language';

export type Translate = (key: MessageKey, vars?: MessageVars) => string;

interface I18nValue {
  language: Language;
  /** Switches the language; `remember: false` shows it without making it this device's choice. */
  setLanguage: (language: Language, options?: { remember?: boolean }) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const setLanguage = useCallback((next: Language, options: { remember?: boolean } = {}) => {
    if (options.remember !== false) rememberLanguage(next);
    setLanguageState(next);
  }, []);

  const t = useCallback<Translate>(
    (key, vars) => formatMessage(CATALOGS[language][key], vars),
    [language],
  );

  const value = useMemo(() => ({ language, setLanguage, t }), [language, setLanguage, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}
