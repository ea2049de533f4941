/** The two languages of the sidebar and of the generated sheets. */
export type Locale = 'en' | 'fr';

/** A text in both languages: catalog entries and messages carry both, the caller picks one. */
export interface Text {
  readonly en: string;
  readonly fr: string;
}

export const t = (en: string, fr: string): Text => ({ en, fr });

/** Picks the language, falling back to English for anything not 'fr' (host locales like 'fr-CA' map to 'fr' via localeFrom). */
export function tr(text: Text, locale: Locale): string {
  return locale === 'fr' ? text.fr : text.en;
}

/** 'fr', 'fr-FR', 'fr_CA' -> 'fr'; anything else -> 'en'. Hosts pass their UI locale here. */
export function localeFrom(hostLocale: string | undefined | null): Locale {
  return /^fr\b|^fr[-_]/i.test(String(hostLocale ?? '').trim()) ? 'fr' : 'en';
}

/** Replaces {name} placeholders: fill('CAC is {v}', {v: 3}). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
