// Messages are drawn at random for every run, so a submission cannot pass by hard-coding
// answers; the seed is printed in every report so that a run can be repeated exactly.

export interface Random {
  readonly seed: number;
  int(minInclusive: number, maxInclusive: number): number;
  pick<T>(items: readonly T[]): T;
}

// mulberry32: tiny, fast and good enough to vary test messages; not for cryptography.
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    seed,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
  };
}

export function randomSeed(): number {
  return Math.floor(Math.random() * 1_000_000_000);
}

const plainWords = [
  'halo', 'dunia', 'jaringan', 'server', 'klien', 'pesan', 'socket', 'kopi', 'buku', 'meja',
  'hello', 'world', 'network', 'message', 'client', 'packet', 'coffee', 'river', 'green', 'stone',
];
const accentedWords = ['café', 'naïve', 'señor', 'über', 'façade', 'crème', 'jalapeño', 'résumé', 'Ångström', 'piñata'];
const cjkWords = ['こんにちは', '你好', '世界', 'ネットワーク', '안녕하세요', '서버', '東京', '漢字'];
// Code points outside the Basic Multilingual Plane: each is 1 character, 2 UTF-16 units, 4 bytes.
const emoji = ['👋', '🎉', '🚀', '😀', '🌏', '🍜', '🐍', '📡', '🔥', '🧪'];

function words(random: Random, pool: readonly string[], count: number): string[] {
  return Array.from({ length: count }, () => random.pick(pool));
}

export function asciiSentence(random: Random): string {
  return words(random, plainWords, random.int(3, 6)).join(' ');
}

/** A sentence with spaces and tabs before and after it: they are characters of the message too. */
export function paddedSentence(random: Random): string {
  const padding = () => Array.from({ length: random.int(1, 3) }, () => random.pick([' ', ' ', '\t'])).join('');
  return `${padding()}${asciiSentence(random)}${padding()}`;
}

export function digitsOnly(random: Random): string {
  // Odd and even numbers alike: some submissions answer digits with another exercise's reply.
  return String(random.int(10_000, 99_999_999));
}

export function accentedSentence(random: Random): string {
  return [...words(random, accentedWords, 2), random.pick(plainWords), random.pick(accentedWords)].join(' ');
}

export function cjkSentence(random: Random): string {
  return words(random, cjkWords, random.int(2, 3)).join(' ');
}

export function emojiSentence(random: Random): string {
  return `${random.pick(plainWords)} ${random.pick(emoji)} ${random.pick(plainWords)} ${random.pick(emoji)}${random.pick(emoji)}`;
}

/**
 * A message of exactly `byteLength` bytes of ASCII words, so counting it does not depend on
 * decoding. It never ends in a space: many servers strip() their messages, which is fine.
 */
export function largeAsciiMessage(random: Random, byteLength: number): string {
  let text = '';
  while (text.length < byteLength) text += `${random.pick(plainWords)} `;
  return `${text.slice(0, byteLength - 1)}x`;
}

/** A mixed message whose accented letter gets split between two TCP segments. */
export function messageWithSplitCharacter(random: Random): { text: string; splitAtByte: number } {
  const before = `${random.pick(plainWords)} caf`;
  const text = `${before}é ${random.pick(accentedWords)} ${random.pick(plainWords)}`;
  // 'é' is 0xC3 0xA9: cut between its two bytes.
  return { text, splitAtByte: Buffer.byteLength(before) + 1 };
}

/** A seed of its own for each check, so that checks running in any order draw the same messages. */
export function seedFor(seed: number, label: string): number {
  let hash = seed >>> 0;
  for (const char of label) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash;
}
