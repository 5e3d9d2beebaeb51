// Month names as the wire writes them, for the readers of printed dates: the wire text's publication
// line (English) and teletype trailers (English and German: dpa sends `Okt`, `Dez`, `Mär`/`Mrz`).

/** English names and abbreviations, lower case. */
export const ENGLISH_MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

/** German names and abbreviations that differ from the English ones, lower case. */
export const GERMAN_MONTHS: Readonly<Record<string, number>> = {
  januar: 1,
  jän: 1,
  februar: 2,
  mär: 3,
  mrz: 3,
  märz: 3,
  mai: 5,
  juni: 6,
  juli: 7,
  okt: 10,
  oktober: 10,
  dez: 12,
  dezember: 12,
};

/** The month (1–12) a name in `table` stands for, in any case and with or without a final full stop. */
export function monthIn(table: Readonly<Record<string, number>>, name: string): number | undefined {
  return table[name.toLowerCase().replace(/\.$/, '')];
}
