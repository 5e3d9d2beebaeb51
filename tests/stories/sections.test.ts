// The section of an agency item: its own section, else the publisher's map, else the default map of
// the top-level IPTC Media Topics, else defaultSection.
import { describe, expect, it } from 'vitest';
import { normaliseSectionMap, sectionOf } from '../../integrations/dateline/stories/sections.ts';

const none = normaliseSectionMap({});

describe('sections from subject codes', () => {
  it('keeps a section the wire names itself', () => {
    expect(sectionOf({ section: 'Markets', subjects: [{ code: 'medtop:15000000' }] }, none, 'News')).toBe('Markets');
  });

  it('maps top-level Media Topics and Subject Codes, and narrower codes by their top level', () => {
    expect(sectionOf({ subjects: [{ code: 'medtop:15000000' }] }, none, 'News')).toBe('Sports');
    expect(sectionOf({ subjects: [{ code: 'subj:04000000' }] }, none, 'News')).toBe('Business');
    expect(sectionOf({ subjects: [{ code: 'medtop:04008024' }] }, none, 'News')).toBe('Business');
    expect(sectionOf({ subjects: [{ name: 'Economy, Business and Finance' }] }, none, 'News')).toBe('Business');
    expect(sectionOf({ subjects: [{ code: 'anpa:s' }] }, none, 'News')).toBe('Sports');
  });

  it('prefers the publisher’s map (codes, provider codes, names; any case) over the default', () => {
    const map = normaliseSectionMap({ 'medtop:15000000': 'Cricket', 'N2:US': 'World', business: 'Economy' });
    expect(sectionOf({ subjects: [{ code: 'medtop:15000000' }] }, map, 'News')).toBe('Cricket');
    // the first subject the publisher maps wins, even after one the default map knows
    expect(sectionOf({ subjects: [{ code: 'medtop:11000000' }, { code: 'n2:us' }] }, map, 'News')).toBe('World');
    expect(sectionOf({ subjects: [{ code: 'x:1', name: 'Business' }] }, map, 'News')).toBe('Economy');
  });

  it('falls back to defaultSection', () => {
    expect(sectionOf({ subjects: [] }, none, 'News')).toBe('News');
    expect(sectionOf({ subjects: [{ code: 'N2:GEN' }] }, none, 'Wire')).toBe('Wire');
  });
});
