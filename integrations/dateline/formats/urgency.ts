// An item's urgency on IPTC's scale: 1 most urgent (a flash) … 9 least (the NewsML-G2 `urgency`
// element, ninjs `urgency`, NITF `urgency/@ed-urg`, NewsML 1.2 `Urgency/@FormalName`). The teletype
// formats send a priority of their own, mapped here onto the same scale:
//
//   IPTC 7901 digit    1 flash, 2 bulletin, 3 urgent, 4 routine, 5 and 6 lower: taken as they are (the
//                      NewsML-G2 urgency comes from this priority, and dpa sends the same digits in both)
//   ANPA 1312 letter   f flash → 1, b bulletin → 2, u urgent → 3, r routine → 4, d deferred → 5; any
//                      other letter (AP's `a`, `s` advances) is no urgency
//
// A value off the scale (0, 10, `high`) is no urgency.

/** An urgency given as a number or digits; undefined unless an integer from 1 to 9. */
export function urgencyValue(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d{1,2}\s*$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= 9 ? n : undefined;
}

const ANPA: Record<string, number> = { f: 1, b: 2, u: 3, r: 4, d: 5 };

/** ANPA 1312 priority letter → urgency (see above); undefined for a letter the bulletin does not define. */
export function anpaUrgency(priority: string | undefined): number | undefined {
  return priority === undefined ? undefined : ANPA[priority.toLowerCase()];
}

/** IPTC 7901 priority digit (1 flash … 6) → urgency: the same number (see above). */
export function iptc7901Urgency(priority: number | undefined): number | undefined {
  return priority !== undefined && priority >= 1 && priority <= 6 ? priority : undefined;
}
