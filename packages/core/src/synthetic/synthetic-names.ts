/**
 * Invented names for demo and benchmark data, in the four scripts Haven stores: surnames and
 * given-name syllables combined at random, each with its Hangul, Hanzi, katakana and romanised
 * form. They are common syllables, not anyone's name; no real person is described.
 */
const SURNAMES: readonly (readonly [string, string, string, string])[] = [
  ['김', '金', 'キム', 'Kim'],
  ['리', '李', 'リ', 'Ri'],
  ['박', '朴', 'パク', 'Pak'],
  ['최', '崔', 'チェ', 'Choe'],
  ['정', '鄭', 'チョン', 'Jong'],
  ['강', '姜', 'カン', 'Kang'],
  ['조', '趙', 'チョ', 'Jo'],
  ['윤', '尹', 'ユン', 'Yun'],
  ['장', '張', 'チャン', 'Jang'],
  ['한', '韓', 'ハン', 'Han'],
  ['오', '呉', 'オ', 'O'],
  ['서', '徐', 'ソ', 'So'],
  ['신', '申', 'シン', 'Sin'],
  ['권', '権', 'クォン', 'Kwon'],
  ['황', '黄', 'ファン', 'Hwang'],
  ['안', '安', 'アン', 'An'],
  ['송', '宋', 'ソン', 'Song'],
  ['류', '柳', 'リュ', 'Ryu'],
  ['홍', '洪', 'ホン', 'Hong'],
  ['전', '全', 'チョン', 'Jon'],
]

const SYLLABLES: readonly (readonly [string, string, string, string])[] = [
  ['영', '永', 'ヨン', 'yong'],
  ['순', '順', 'スン', 'sun'],
  ['철', '哲', 'チョル', 'chol'],
  ['민', '敏', 'ミン', 'min'],
  ['수', '秀', 'ス', 'su'],
  ['희', '姫', 'ヒ', 'hui'],
  ['호', '浩', 'ホ', 'ho'],
  ['남', '男', 'ナム', 'nam'],
  ['옥', '玉', 'オク', 'ok'],
  ['성', '成', 'ソン', 'song'],
  ['일', '日', 'イル', 'il'],
  ['혁', '赫', 'ヒョク', 'hyok'],
  ['미', '美', 'ミ', 'mi'],
  ['정', '貞', 'チョン', 'jong'],
  ['현', '賢', 'ヒョン', 'hyon'],
  ['광', '光', 'クァン', 'kwang'],
  ['금', '錦', 'クム', 'kum'],
  ['화', '花', 'ファ', 'hwa'],
  ['진', '真', 'ジン', 'jin'],
  ['춘', '春', 'チュン', 'chun'],
]

export interface SyntheticName {
  hangul: string
  hanzi: string
  kana: string
  latin: string
}

/** A small fast PRNG (mulberry32): the same seed gives the same data on every run. */
export function seededRandom(seed: number): () => number {
  let t = seed >>> 0
  return () => {
    t = (t + 0x6d2b79f5) >>> 0
    let r = Math.imul(t ^ (t >>> 15), 1 | t)
    r ^= r + Math.imul(r ^ (r >>> 7), 61 | r)
    return ((r ^ (r >>> 14)) >>> 0) / 4_294_967_296
  }
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)]
  if (item === undefined) throw new Error('pick from an empty list')
  return item
}

/** An invented name in all four scripts, consistent across them (金永順 = 김영순 = キム・ヨンスン = Kim Yong-sun). */
export function syntheticName(random: () => number): SyntheticName {
  const surname = pick(random, SURNAMES)
  const first = pick(random, SYLLABLES)
  const second = pick(random, SYLLABLES)
  return {
    hangul: `${surname[0]}${first[0]}${second[0]}`,
    hanzi: `${surname[1]}${first[1]}${second[1]}`,
    kana: `${surname[2]}・${first[2]}${second[2]}`,
    latin: `${surname[3]} ${capitalise(first[3])}-${second[3]}`,
  }
}

function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1)
}
