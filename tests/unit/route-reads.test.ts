// The reads of drawn routes as the archive keeps them (archive/reads.ts): a route is found by a key it
// read and by a range of a list holding a story's place, also when its reads crossed from a render
// worker (structured clone, as a pool of workers hands them over), and forgotten when it goes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { openArchive } from '../../integrations/dateline/archive/db.ts';
import { RouteReadIndex, type RouteReads } from '../../integrations/dateline/archive/reads.ts';
import { HIGHEST, LOWEST, orderKey } from '../../integrations/dateline/site/reads.ts';

const scratch = mkdtempSync(join(tmpdir(), 'dateline-route-reads-'));
const db = openArchive(join(scratch, 'archive.db'), { fresh: true });
afterAll(() => {
  db.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** What a render worker's message gives the publisher: the reads as another thread sent them. */
function acrossThreads(reads: RouteReads): RouteReads {
  const { port1, port2 } = new MessageChannel();
  port1.postMessage(reads);
  const message = receiveMessageOnPort(port2)!.message as RouteReads;
  port1.close();
  return message;
}

const at = (timestamp: number, path: string) => orderKey({ timestamp, path });

describe('the read index', () => {
  const index = new RouteReadIndex(db);
  it('finds routes by key and by a range holding a place, with open ends that crossed threads', () => {
    index.replace(
      'world/page/1/',
      acrossThreads({ keys: ['sections', 'last-page:section:world:1'], ranges: [{ list: 'section:world', lo: LOWEST, hi: at(2000, 'world/b/') }] }),
    );
    index.replace(
      'world/',
      acrossThreads({ keys: ['sections', 'count:section:world'], ranges: [{ list: 'section:world', lo: at(3000, 'world/c/'), hi: HIGHEST }] }),
    );
    index.replace('world/x/', { keys: ['article:x'], ranges: [{ list: 'section:world', lo: at(1000, 'world/a/'), hi: at(2500, 'world/x/') }] });
    expect(index.routesReading('sections').sort()).toEqual(['world/', 'world/page/1/']);
    // the oldest story of all: only the range open towards the oldest, and the one starting there
    expect(index.routesCovering('section:world', at(1000, 'world/a/')).sort()).toEqual(['world/page/1/', 'world/x/']);
    // a story newer than everything: only the front page's range
    expect(index.routesCovering('section:world', at(9000, 'world/z/'))).toEqual(['world/']);
    expect(index.routesCovering('section:pakistan', at(9000, 'world/z/'))).toEqual([]);
  });
  it('replaces what a route read when it is drawn again, and forgets a route that goes', () => {
    index.replace('world/', { keys: ['quotes'], ranges: [] });
    expect(index.routesReading('count:section:world')).toEqual([]);
    expect(index.routesReading('quotes')).toEqual(['world/']);
    index.forget('world/page/1/');
    expect(index.routesCovering('section:world', at(1000, 'world/a/'))).toEqual(['world/x/']);
  });
  it('orders the open ends below and above every key', () => {
    for (const key of [at(0, ''), at(-1e12, 'a/'), at(1e13, '\u{10ffff}/'), new TextEncoder().encode('0000/01/01')]) {
      expect(Buffer.compare(LOWEST, key)).toBe(-1);
      expect(Buffer.compare(key, HIGHEST)).toBe(-1);
    }
  });
});
