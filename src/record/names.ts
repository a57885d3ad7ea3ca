/**
 * The key two innovation names share when a person would call them the same: case, spaces and
 * punctuation ignored ("Lapor Jalan Rusak" = "lapor  jalan-rusak").
 */
export const nameKey = (name: string): string =>
  name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
