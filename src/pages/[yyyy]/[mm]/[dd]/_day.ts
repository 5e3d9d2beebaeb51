// Route-local helpers of the day archives: one entry per local day that has stories (newest day
// first, the order of getLibrary().days), with its neighbours for earlier/later links.
import { getLibrary, type Article } from '../../../../lib/articles.ts';

export interface Day {
  /** `yyyy/mm/dd` */
  key: string;
  articles: Article[];
  newer?: string;
  older?: string;
}

export async function allDays(): Promise<Day[]> {
  const { days } = await getLibrary();
  const keys = [...days.keys()];
  return keys.map((key, i) => ({ key, articles: days.get(key)!, newer: keys[i - 1], older: keys[i + 1] }));
}

export const params = (key: string) => {
  const [yyyy, mm, dd] = key.split('/');
  return { yyyy: yyyy!, mm: mm!, dd: dd! };
};

/** Site path of page n of a day: `2023/08/07/`, `2023/08/07/page/2/`. */
export const dayPagePath = (key: string, page = 1) => (page > 1 ? `${key}/page/${page}/` : `${key}/`);
