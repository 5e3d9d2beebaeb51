// The number of an archive page in a URL (`…/page/3/`): a whole number from 1, written without leading
// zeros, so one page has one URL.
export function pageNumber(param: string | undefined): number | undefined {
  if (param === undefined || !/^[1-9]\d{0,6}$/.test(param)) return undefined;
  return Number(param);
}
