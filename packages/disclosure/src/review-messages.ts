import type { Locale } from '@haven/core/i18n/locales'
import type { AppliedRule, FootnoteKind } from './protected-table.js'
import type { Sensitivity } from './sensitivity.js'

/**
 * Every text of a disclosure review, per language. An interface, not a flat catalog: several
 * texts are sentences built from numbers and names, and Japanese orders them differently. The
 * record type makes a missing Japanese text a compile error.
 */
export interface ReviewMessages {
  readonly heading: (title: string, id: string, date: string) => string
  readonly refused: string
  readonly ready: string
  readonly total: string
  readonly unbounded: string
  /** Between items of a list. */
  readonly comma: string
  readonly method: Readonly<Record<'network' | 'linear-programme' | 'none', string>>
  readonly sensitivity: Readonly<Record<Sensitivity, string>>
  readonly rulesHeading: string
  readonly rule: (
    sensitivity: string,
    k: number,
    width: number,
    showZero: boolean,
    hiddenAs: 'dash' | 'words',
  ) => string
  readonly tableHeading: (title: string, sensitivity: string) => string
  readonly asPublished: string
  readonly alteredHeading: (count: number) => string
  readonly nothingAltered: string
  readonly altered: (
    cell: string,
    shown: string,
    truth: string,
    why: string,
    interval: string,
    required?: number,
  ) => string
  readonly applied: Readonly<Record<AppliedRule, string>>
  readonly statistics: (
    primaries: number,
    complementary: number,
    released: number,
    rounded: number,
    method: string,
    solves: number,
    flows: number,
  ) => string
  readonly footnote: Readonly<Record<FootnoteKind, string>>
  readonly roundedNote: (base: number) => string
  readonly noiseNote: (epsilon: number) => string
  readonly wordsNote: (words: string) => string
  /** A flow table's identity, printed under it: "at the start + joined − left = at the end". */
  readonly flowNote: (sum: string, end: string) => string
  /** The tables a table was protected together with. */
  readonly linkedNote: (tables: string) => string
  readonly quoted: (title: string) => string
  readonly refusalsHeading: string
  readonly noRefusals: string
  readonly risksHeading: string
  readonly consistencyHeading: string
  readonly approval: string
  readonly difference: (
    larger: string,
    smaller: string,
    arithmetic: string,
    what: string,
    k: number,
  ) => string
  readonly hiddenRevealed: (
    hidden: string,
    interval: string,
    required: number,
    using: string,
  ) => string
  readonly smallGroup: (group: string, interval: string, k: number, using: string) => string
  readonly revision: (a: string, b: string) => string
  readonly rerounded: (now: string, before: string) => string
  readonly inconsistent: (measure: string, figures: string) => string
  readonly budget: (spent: string, requested: string, total: string) => string
  readonly periods: (periods: string) => string
  readonly categories: (dimension: string, values: string) => string
  readonly allBut: (dimension: string, values: string) => string
  readonly peopleInDifference: string
  readonly figure: (label: string, release: string) => string
  readonly risk: {
    readonly outsideKnowledge: string
    readonly combinationsNotChecked: string
    readonly noLedger: string
    readonly earlierRelease: (finding: string) => string
    readonly partiallyChecked: (measure: string, atoms: number) => string
    readonly wordsWithdrawn: (table: string) => string
    readonly zerosShown: (table: string) => string
    readonly totalsHidden: (table: string, count: number) => string
    readonly justProtected: (table: string, count: number) => string
    readonly noise: (table: string, epsilon: number) => string
    readonly roundingKeyEphemeral: string
  }
  readonly noConsistency: string
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

export const reviewMessages: Readonly<Record<Locale, ReviewMessages>> = {
  en: {
    heading: (title, id, date) => `Disclosure review: ${title} (release ${id}, ${date})`,
    refused: 'REFUSED: this release must not be published as it is. See "Refusals".',
    ready: 'Ready for an editor’s approval. Nothing is published until an editor approves.',
    total: 'Total',
    unbounded: 'no upper limit',
    comma: ', ',
    method: {
      network: 'chosen by minimum-cost flow',
      'linear-programme': 'chosen by linear programming',
      none: 'nothing to choose',
    },
    sensitivity: {
      'people-protected': 'people protected',
      'people-served': 'people served',
      quantity: 'quantities',
    },
    rulesHeading: 'Rules applied',
    rule: (s, k, w, showZero, hiddenAs) =>
      k > 0
        ? `${s}: counts below ${k} are never shown; a reader must not be able to narrow a hidden count to less than ${w}; zeros are ${showZero ? 'shown' : 'hidden'}; hidden counts appear as ${hiddenAs === 'words' ? 'words' : '“—”'}.`
        : `${s}: shown as they are.`,
    tableHeading: (title, s) => `Table “${title}” (${s})`,
    asPublished: 'As it will be published:',
    alteredHeading: (n) => `Altered cells (${n}) — for the editor only; never publish this list:`,
    nothingAltered: 'No cell was altered.',
    altered: (cell, shown, truth, why, interval, required) =>
      `  ${cell}: shown as ${shown}; true value ${truth}; ${why}; a reader can infer ${interval}${required === undefined ? '' : ` (must span at least ${required})`}.`,
    applied: {
      shown: 'shown',
      threshold: 'below the threshold',
      'zero-hidden': 'a zero, hidden by policy',
      complementary: 'hidden to protect another cell',
      rounded: 'rounded',
      word: 'shown as a word',
      noise: 'noise added',
    },
    statistics: (p, c, r, q, method, solves, flows) =>
      `${plural(p, 'cell', 'cells')} hidden by the threshold, ${c} more to protect them, ${r} published after the audit showed a reader could compute them, ${q} rounded (${method}; ${plural(solves, 'linear programme', 'linear programmes')} solved${flows > 0 ? `, ${plural(flows, 'maximum flow', 'maximum flows')} computed` : ''}).`,
    footnote: {
      suppressed: '— Not shown, to protect the people concerned.',
      words: 'Some counts are given as words; each word stands for a range of numbers.',
      rounded: 'Figures are rounded to a multiple of the base, at random but consistently.',
      'rounded-totals':
        'Totals are rounded on their own and may differ from the sum of the rounded figures.',
      noise: 'Counts include random noise to protect privacy.',
    },
    roundedNote: (base) =>
      `Figures are rounded to multiples of ${base}, at random but consistently within this report.`,
    noiseNote: (e) =>
      `Counts include random noise to protect privacy (differential privacy, ε = ${e}).`,
    wordsNote: (words) => `Words stand for ranges: ${words}.`,
    flowNote: (sum, end) =>
      `${sum} = ${end}: readers can do this arithmetic, so the audit does too; no total is added across it.`,
    linkedNote: (tables) =>
      `Protected together with ${tables}: they share cells, so none prints what another hides.`,
    quoted: (title) => `“${title}”`,
    refusalsHeading: 'Refusals',
    noRefusals: 'None.',
    risksHeading: 'Remaining risks',
    consistencyHeading: 'Consistency of stated figures',
    approval:
      'An editor must read this review and approve the release before anything is published.',
    difference: (larger, smaller, arithmetic, what, k) =>
      `${larger} minus ${smaller} gives ${arithmetic}, the count for ${what}: below ${k}.`,
    hiddenRevealed: (hidden, interval, required, using) =>
      `${hidden} was hidden, but together with ${using} a reader can narrow it to ${interval} (it must span at least ${required}).`,
    smallGroup: (group, interval, k, using) =>
      `From ${using} a reader can work out that ${group} is ${interval}, below ${k}.`,
    revision: (a, b) =>
      `${a} and ${b} count the same people with different values; the change itself is a count.`,
    rerounded: (now, before) =>
      `${now} rounds a count that ${before} already rounded, under another rounding secret or base: a reader who has both can average them towards the true count. Use the secret and base the earlier release used (HAVEN_DISCLOSURE_SECRET), or leave the figure out.`,
    inconsistent: (measure, figures) =>
      `The published “${measure}” figures cannot all be true (${figures}); correct them before anything else can be checked.`,
    budget: (spent, requested, total) =>
      `The privacy budget is spent: ε ${spent} used, this release needs ${requested}, the total allowed is ${total}.`,
    periods: (p) => `the period ${p}`,
    categories: (d, v) => `${d} ${v}`,
    allBut: (d, v) => `${d} other than ${v}`,
    peopleInDifference: 'people counted in the first and not the second',
    figure: (label, release) => `“${label}” (${release})`,
    risk: {
      outsideKnowledge:
        'A reader who knows some of the people counted (a relative, a neighbour of a shelter) can subtract them; no rule here protects against that knowledge.',
      combinationsNotChecked:
        'Against earlier releases, pairs of figures, hidden counts and elementary groups were checked, not every union of groups.',
      noLedger:
        'No ledger of earlier releases was given: differences with earlier reports were not checked.',
      earlierRelease: (f) =>
        `Already revealed by earlier releases (this release does not change it): ${f}`,
      partiallyChecked: (m, atoms) =>
        `“${m}” figures divide the population into ${atoms} groups, too many to check every combination: only pairs of figures were compared.`,
      wordsWithdrawn: (t) =>
        `Table “${t}”: words would have told readers too much about the hidden counts, so dashes are used instead.`,
      zerosShown: (t) =>
        `Table “${t}” shows zeros: a 0 tells a reader that nobody in that group was counted.`,
      totalsHidden: (t, n) => `Table “${t}”: ${plural(n, 'total is', 'totals are')} hidden.`,
      justProtected: (t, n) =>
        `Table “${t}”: ${plural(n, 'hidden count is', 'hidden counts are')} protected exactly to the minimum width.`,
      noise: (t, e) =>
        `Table “${t}” carries noise (ε = ${e}): published counts differ from the records on purpose; the threshold applies to the noisy counts.`,
      roundingKeyEphemeral:
        'Rounding used a one-off key: running the check again rounds differently, and a later release cannot publish these rounded figures again (the ledger refuses a second rounding). Publish the figures of this run only, or set a lasting secret (HAVEN_DISCLOSURE_SECRET).',
    },
    noConsistency: 'No stated figures were given to check.',
  },
  ja: {
    heading: (title, id, date) => `公開前審査: ${title}(リリース ${id}、${date})`,
    refused: '公開不可: このままでは公開できません。「公開を拒否する理由」を参照してください。',
    ready: '編集者の承認待ちです。承認されるまで何も公開されません。',
    total: '合計',
    unbounded: '上限なし',
    comma: '、',
    method: {
      network: '最小費用流で選択',
      'linear-programme': '線形計画で選択',
      none: '選択不要',
    },
    sensitivity: {
      'people-protected': '保護対象者',
      'people-served': '支援対象者',
      quantity: '数量',
    },
    rulesHeading: '適用した規則',
    rule: (s, k, w, showZero, hiddenAs) =>
      k > 0
        ? `${s}: ${k}未満の数は表示しない。非公開の数を読者が幅${w}未満に絞り込めてはならない。ゼロは${showZero ? '表示する' : '非公開'}。非公開の数は${hiddenAs === 'words' ? '言葉' : '「—」'}で示す。`
        : `${s}: そのまま表示する。`,
    tableHeading: (title, s) => `表「${title}」(${s})`,
    asPublished: '公開される形:',
    alteredHeading: (n) => `変更したセル(${n}件)— 編集者専用。この一覧は公開しないこと:`,
    nothingAltered: '変更したセルはありません。',
    altered: (cell, shown, truth, why, interval, required) =>
      `  ${cell}: 表示「${shown}」、真の値 ${truth}、${why}、読者が推測できる範囲 ${interval}${required === undefined ? '' : `(幅${required}以上が必要)`}。`,
    applied: {
      shown: '表示',
      threshold: 'しきい値未満',
      'zero-hidden': '方針によりゼロを非公開',
      complementary: '他のセルを守るため非公開',
      rounded: '丸め',
      word: '言葉で表示',
      noise: 'ノイズ付加',
    },
    statistics: (p, c, r, q, method, solves, flows) =>
      `しきい値により非公開 ${p}件、それを守るための追加非公開 ${c}件、監査で計算可能と判明し公開に戻したもの ${r}件、丸め ${q}件(${method}、線形計画 ${solves}回${flows > 0 ? `、最大流 ${flows}回` : ''})。`,
    footnote: {
      suppressed: '— 関係者の安全のため非公開。',
      words: '一部の数は言葉で示しています。それぞれの言葉は数の範囲を表します。',
      rounded: '数値は基数の倍数に、無作為かつ一貫した方法で丸めています。',
      'rounded-totals': '合計は個別に丸めているため、丸めた数値の和と一致しないことがあります。',
      noise: 'プライバシー保護のため、数には無作為なノイズが含まれます。',
    },
    roundedNote: (base) =>
      `数値は${base}の倍数に、無作為かつ本報告書内で一貫した方法で丸めています。`,
    noiseNote: (e) =>
      `プライバシー保護のため、数には無作為なノイズが含まれます(差分プライバシー、ε = ${e})。`,
    wordsNote: (words) => `言葉が表す範囲: ${words}。`,
    flowNote: (sum, end) =>
      `${sum} = ${end}。読者はこの計算ができるため、監査もこれを含めています。この並びの合計は加えていません。`,
    linkedNote: (tables) =>
      `${tables}と共通のセルがあるため一緒に保護しました。ある表で非公開の数が別の表に載ることはありません。`,
    quoted: (title) => `「${title}」`,
    refusalsHeading: '公開を拒否する理由',
    noRefusals: 'なし。',
    risksHeading: '残るリスク',
    consistencyHeading: '記載された数値の整合性',
    approval: '公開の前に、編集者がこの審査を読み、承認しなければなりません。',
    difference: (larger, smaller, arithmetic, what, k) =>
      `${larger}から${smaller}を引くと${arithmetic}となり、${what}の数が${k}未満であることが分かります。`,
    hiddenRevealed: (hidden, interval, required, using) =>
      `${hidden}は非公開ですが、${using}と組み合わせると読者は${interval}に絞り込めます(幅${required}以上が必要)。`,
    smallGroup: (group, interval, k, using) =>
      `${using}から、${group}が${interval}(${k}未満)であると読者に分かります。`,
    revision: (a, b) =>
      `${a}と${b}は同じ人々を異なる値で数えています。その差自体が一つの数になります。`,
    rerounded: (now, before) =>
      `${now}は、${before}ですでに丸めた数を別の丸め用の秘密鍵または基数で丸め直しています。両方を見た読者は平均をとって真の数に近づけます。前回と同じ秘密鍵(HAVEN_DISCLOSURE_SECRET)と基数を使うか、この数値を載せないでください。`,
    inconsistent: (measure, figures) =>
      `公開済みの「${measure}」の数値は同時には成り立ちません(${figures})。他の確認の前に訂正してください。`,
    budget: (spent, requested, total) =>
      `プライバシー予算が尽きています: 使用済み ε ${spent}、このリリースに必要な ${requested}、上限 ${total}。`,
    periods: (p) => `期間 ${p}`,
    categories: (d, v) => `${d} ${v}`,
    allBut: (d, v) => `${v}以外の${d}`,
    peopleInDifference: '前者に含まれ後者に含まれない人々',
    figure: (label, release) => `「${label}」(${release})`,
    risk: {
      outsideKnowledge:
        '数えられた人の一部を知っている読者(家族、シェルターの近隣住民など)は、その人数を差し引くことができます。ここでの規則はそうした知識からは守れません。',
      combinationsNotChecked:
        '過去の公開との照合では、数値の組、非公開の数、最小単位のグループを確認しましたが、グループのあらゆる組み合わせは確認していません。',
      noLedger:
        '過去の公開記録(台帳)が指定されていないため、過去の報告との差分は確認していません。',
      earlierRelease: (f) =>
        `過去の公開ですでに明らかになっています(このリリースで変わるものではありません): ${f}`,
      partiallyChecked: (m, atoms) =>
        `「${m}」の数値は対象者を${atoms}のグループに分けるため、すべての組み合わせは確認できず、数値の組だけを比較しました。`,
      wordsWithdrawn: (t) =>
        `表「${t}」: 言葉で示すと非公開の数について読者に多くを教えすぎるため、「—」を使いました。`,
      zerosShown: (t) =>
        `表「${t}」はゼロを表示しています。0はそのグループに誰もいなかったことを示します。`,
      totalsHidden: (t, n) => `表「${t}」: 合計 ${n}件が非公開です。`,
      justProtected: (t, n) =>
        `表「${t}」: 非公開の数 ${n}件は、必要な最小幅ちょうどで守られています。`,
      noise: (t, e) =>
        `表「${t}」にはノイズ(ε = ${e})が含まれます。公開する数は意図的に記録と異なり、しきい値はノイズを加えた数に適用しています。`,
      roundingKeyEphemeral:
        '丸めには一回限りの鍵を使いました。再実行すると丸め方が変わり、後のリリースでこの丸めた数値を再び公開することはできません(台帳が二度目の丸めを拒否します)。この実行の数値だけを公開するか、恒久的な秘密鍵(HAVEN_DISCLOSURE_SECRET)を設定してください。',
    },
    noConsistency: '照合する記載数値は指定されていません。',
  },
}
