/**
 * Whether a document's `url` names something a verifier can open: a web address
 * (`https://…`, `drive.google.com/…`) or a file's name or path, as some apps export it
 * (`uploads/sk-inovasi.pdf`). Words with no dot or slash ("Lihat dokumen", "terlampir") are
 * neither.
 */
export const opensAsLink = (text: string): boolean => !/\s/.test(text.trim()) && /[./]/.test(text);
