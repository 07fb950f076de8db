/**
 * The CSL locale data citeproc needs, bundled so that nothing is fetched at run time: zh-CN and
 * en-US from the CSL project's locales (CC BY-SA 3.0, via the citeproc-locales package). Other
 * Chinese variants use zh-CN; every other language falls back to en-US.
 */
import enUS from 'citeproc-locales/locales/locales-en-US.xml';
import zhCN from 'citeproc-locales/locales/locales-zh-CN.xml';

export function localeXml(lang: string): string {
  return /^zh/i.test(lang) ? zhCN : enUS;
}
