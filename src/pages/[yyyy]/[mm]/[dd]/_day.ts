// Route-local helpers of the day archives: one entry per local day that has stories (newest day
// first, the order of getLibrary().days), with its neighbours for earlier/later links.
import { getLibrary, type Article } from '../../../../lib/articles.ts';
import { config } from '../../../../lib/site.ts';
import { formatLocalDate } from '../../../../../integrations/dateline/time.ts';

export interface DayLink {
  /** `yyyy/mm/dd` */
  key: string;
  /** `7 August 2023` */
  label: string;
}

export interface Day extends DayLink {
  articles: Article[];
  newer?: DayLink;
  older?: DayLink;
}

export async function allDays(): Promise<Day[]> {
  const { days } = await getLibrary();
  const links = [...days].map(([key, articles]) => ({ key, label: formatLocalDate(articles[0]!.published, config.timeZone) }));
  return links.map((link, i) => ({ ...link, articles: days.get(link.key)!, newer: links[i - 1], older: links[i + 1] }));
}

export const params = (key: string) => {
  const [yyyy, mm, dd] = key.split('/');
  return { yyyy: yyyy!, mm: mm!, dd: dd! };
};

/** Site path of page n of a day: `2023/08/07/`, `2023/08/07/page/2/`. */
export const dayPagePath = (key: string, page = 1) => (page > 1 ? `${key}/page/${page}/` : `${key}/`);
