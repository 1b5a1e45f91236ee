import type { Locale } from '../i18n/locales.js'

/** `{{supplies.food.tonnes.shelters}}`: a figure key between double braces (spaces allowed). */
const PLACEHOLDER = /\{\{\s*([a-z0-9][a-z0-9._-]*)\s*\}\}/gi

/** The figure keys a template names, each once, in order of first appearance. */
export function placeholdersOf(template: string): string[] {
  const keys: string[] = []
  for (const match of template.matchAll(PLACEHOLDER)) {
    const key = match[1] ?? ''
    if (!keys.includes(key)) keys.push(key)
  }
  return keys
}

/** Replaces every placeholder with its text; a key without one is left as written. */
export function fillTemplate(template: string, texts: ReadonlyMap<string, string>): string {
  return template.replace(PLACEHOLDER, (whole, key: string) => texts.get(key) ?? whole)
}

/**
 * The first year's text: the seed report's sections in its order (situation, then each
 * programme, partners, events), with the figures Haven offers today. Editors write the
 * narrative; figures they add appear from the catalogue.
 */
export const DEFAULT_TEMPLATES: Readonly<Record<Locale, string>> = {
  en: `## The situation

## Shelters

We ran {{shelters.operating}} shelters during the year.

## Food

On average {{supplies.food.people-per-day.average}} people a day received food in our shelters; {{supplies.food.tonnes.shelters}} tonnes of rice were distributed there and {{supplies.food.tonnes.delivered}} tonnes delivered to destinations without stock.

## Clothing

## Returnees

## Medical aid

## Sponsorship of children

## Rescues

For security reasons specific names and specific numbers cannot be shown.

## Partners

## Conferences and seminars
`,
  ja: `## 現状

## シェルター

今年度は {{shelters.operating}} か所のシェルターを運営しました。

## 食料支援

シェルターでは1日平均 {{supplies.food.people-per-day.average}}に食料を届け、米 {{supplies.food.tonnes.shelters}} トンを配布し、在庫を持たない配送先へ {{supplies.food.tonnes.delivered}} トンを届けました。

## 衣類

## 帰還者支援

## 医療支援

## 子どもの里親支援

## 救出

安全上の理由から、具体的な氏名や人数は公表できません。

## 協力団体

## 会議・セミナー
`,
}

/** The report's own placeholder: the fiscal year's label, not a figure. */
export const YEAR_PLACEHOLDER = 'year'

/** The published page's title and summary (the template holds the body). */
export function reportTitle(label: string, locale: Locale): { title: string; summary: string } {
  return locale === 'ja'
    ? { title: `活動報告 ${label}年度`, summary: `${label}年度の活動と数値（開示管理済み）。` }
    : {
        title: `Activity Report – Fiscal Year ${label}`,
        summary: `What we did in fiscal year ${label}, with figures checked for safe disclosure.`,
      }
}

/** The page's address on the website, the same in both languages. */
export const reportSlug = (startYear: number) => `activity-report-fy${startYear}`
