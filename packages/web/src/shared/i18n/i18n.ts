import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { zhCommon } from './locales/zh-cn.common.ts';
import { zhPages } from './locales/zh-cn.pages.ts';
import { enCommon } from './locales/en.common.ts';
import { enPages } from './locales/en.pages.ts';

/** zh-CN is the default language; English is the second (STYLE.md "Naming"). */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const LANG_KEY = 'yigong.lang';

export const resources = {
  'zh-CN': { translation: { ...zhCommon, ...zhPages } },
  en: { translation: { ...enCommon, ...enPages } },
} as const;

function initialLanguage(): Language {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(LANG_KEY);
  return stored === 'en' ? 'en' : 'zh-CN';
}

function applyDayjsLocale(lang: Language): void {
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});
applyDayjsLocale(initialLanguage());

export function changeLanguage(lang: Language): void {
  localStorage.setItem(LANG_KEY, lang);
  applyDayjsLocale(lang);
  void i18n.changeLanguage(lang);
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

export default i18n;
