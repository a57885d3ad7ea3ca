/** `@develoka/angka-terbilang-js` ships no types: its one function, as the number-words test uses it. */
declare module '@develoka/angka-terbilang-js' {
  /** The Indonesian words of a whole number given as digits ("24" → "dua puluh empat"). */
  export default function angkaTerbilang(digits: string): string;
}
