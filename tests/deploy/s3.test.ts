// scripts/deploy/s3.sh on a real site, into a real S3-compatible server on loopback (s3rver, started
// here) with Debian's aws cli (2.9) as the client, under a key prefix: a first deploy sends the whole
// folder; after each publish (a new story, an edited story, a story deleted so that its section goes,
// two publishes at once, a failed deploy and its retry, a full rebuild) the bucket holds exactly the
// files of dist/ (but _headers), byte for byte, each with its Content-Type; the server's request log
// shows that an incremental deploy uploaded exactly the listed files and listed nothing, and every
// object not listed keeps its ETag and LastModified. An object outside the prefix is never touched.
import S3rver from '@20minutes/s3rver';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newsroom, recipe, requireCommand, run, story, tree, TestSite, type Changes, type Run } from './site.ts';

const site = new TestSite('deploy-s3');
const state = join(site.dir, 'deploy-s3');
const BUCKET = 'site';
const PREFIX = 'news/';
const OUTSIDE = 'elsewhere/keep.txt';
/** Debian's aws cli (`apt-get install awscli`); DATELINE_AWS names another. */
const aws = process.env.DATELINE_AWS ?? (existsSync('/usr/bin/aws') ? '/usr/bin/aws' : 'aws');

let server: Server;
let endpoint = '';
/** The server's request log; `aws`: made by the aws cli (the test reads the bucket with fetch). */
const requests: { method: string; url: string; aws: boolean; status?: number }[] = [];

/** Dummy credentials (s3rver's), and no aws config of the machine's user. */
const awsEnv = () => ({
  DATELINE_AWS: aws,
  AWS_ENDPOINT_URL: endpoint,
  AWS_ACCESS_KEY_ID: 'S3RVER',
  AWS_SECRET_ACCESS_KEY: 'S3RVER',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_CONFIG_FILE: join(site.dir, 'no-aws-config'),
  AWS_SHARED_CREDENTIALS_FILE: join(site.dir, 'no-aws-credentials'),
  AWS_PROFILE: undefined,
  AWS_SESSION_TOKEN: undefined,
  AWS_ENDPOINT_URL_S3: undefined,
});
const env = () => ({ ...site.env, ...awsEnv(), DATELINE_S3_BUCKET: BUCKET, DATELINE_S3_PREFIX: PREFIX });

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const objectUrl = (key: string) => `${endpoint}/${BUCKET}/${key.split('/').map(encodeURIComponent).join('/')}`;

interface ObjectInfo {
  etag: string;
  lastModified: string;
  size: number;
}

/** Every object of the bucket (ListObjects, page by page), read over plain HTTP. */
async function listBucket(): Promise<Map<string, ObjectInfo>> {
  const out = new Map<string, ObjectInfo>();
  let marker = '';
  for (;;) {
    const xml = await (await fetch(`${endpoint}/${BUCKET}?max-keys=1000&marker=${encodeURIComponent(marker)}`)).text();
    expect(xml).toContain('<ListBucketResult');
    for (const [, body] of xml.matchAll(/<Contents>(.*?)<\/Contents>/gs)) {
      const field = (name: string) => decode(new RegExp(`<${name}>(.*?)</${name}>`, 's').exec(body!)![1]!);
      out.set(field('Key'), { etag: field('ETag'), lastModified: field('LastModified'), size: Number(field('Size')) });
      marker = field('Key');
    }
    if (!/<IsTruncated>true<\/IsTruncated>/.test(xml)) return out;
  }
}

/** The bucket holds exactly dist/ (but _headers) under the prefix, byte for byte, and the object outside. */
async function expectMirror(): Promise<Map<string, ObjectInfo>> {
  const want = tree(site.dist).files;
  want.delete('_headers');
  const objects = await listBucket();
  expect(objects.has(OUTSIDE)).toBe(true);
  const keys = [...objects.keys()].filter((k) => k !== OUTSIDE);
  expect(keys.every((k) => k.startsWith(PREFIX))).toBe(true);
  expect(keys.map((k) => k.slice(PREFIX.length)).sort()).toEqual([...want.keys()]);
  await Promise.all(
    [...want].map(async ([path, bytes]) => {
      const res = await fetch(objectUrl(PREFIX + path));
      expect(res.status, path).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(bytes), path).toBe(true);
    }),
  );
  return objects;
}

/** Object keys of the requests since `from` with this method, e.g. the PUTs of one deploy. */
const keysOf = (from: number, method: string) =>
  requests
    .slice(from)
    .filter((r) => r.aws && r.method === method && r.url.startsWith(`/${BUCKET}/`))
    .map((r) => decodeURIComponent(r.url.slice(BUCKET.length + 2).split('?')[0]!))
    .sort();
const listings = (from: number) => requests.slice(from).filter((r) => r.aws && r.method === 'GET' && /^\/site\/?\?/.test(r.url)).length;

/** Runs the recipe and checks the bucket; `listed`: the paths of the lists it takes (incremental). */
async function deploy(listed?: Set<string>, extraEnv: Record<string, string> = {}): Promise<Run> {
  const before = await listBucket();
  const from = requests.length;
  const result = await run('bash', [recipe('s3')], { ...env(), ...extraEnv });
  expect(result.code, result.stdout + result.stderr).toBe(0);
  const after = await expectMirror();
  expect(after.get(OUTSIDE)).toEqual(before.get(OUTSIDE));
  expect(requests.slice(from).filter((r) => r.aws && (r.status ?? 0) >= 300)).toEqual([]); // nothing failed and was retried
  if (listed) {
    expect(result.stdout).toMatch(/to upload in \d+ group\(s\)/);
    const present = new Set(tree(site.dist).files.keys());
    const mine = [...listed].filter((p) => p !== '_headers');
    // Uploaded: exactly the listed files dist/ has; deleted: exactly the listed objects it no longer has.
    expect(keysOf(from, 'PUT')).toEqual(
      mine
        .filter((p) => present.has(p))
        .map((p) => PREFIX + p)
        .sort(),
    );
    const gone = [...before.keys()].filter((k) => !after.has(k)).sort();
    expect(gone).toEqual(
      mine
        .filter((p) => !present.has(p) && before.has(PREFIX + p))
        .map((p) => PREFIX + p)
        .sort(),
    );
    expect(listings(from)).toBe(0); // no listing of the bucket: the changes file said what to send
    for (const [key, info] of before) if (!listed.has(key.slice(PREFIX.length)) && after.has(key)) expect(after.get(key), key).toEqual(info);
  }
  return result;
}

const pathsOf = (...lists: (Changes | undefined)[]) => new Set(lists.flatMap((c) => [...(c?.written ?? []), ...(c?.removed ?? [])]));

describe('S3 deploy recipe', () => {
  beforeAll(async () => {
    requireCommand(aws, ['--version'], "install Debian's awscli (apt-get install -y awscli), or set DATELINE_AWS to an aws cli");
    site.build();
    const s3 = new S3rver({ directory: join(site.dir, 's3rver'), silent: true, configureBuckets: [{ name: BUCKET, configs: [] }] });
    await s3.configureBuckets();
    // s3rver deletes the keys of a multi-object delete all at once, each removing the folders it
    // empties, so two keys of one folder race (ENOENT, a 500, and the aws cli sends the request again).
    // One key at a time here, as a real bucket behaves.
    const deleteObject = s3.store.deleteObject.bind(s3.store);
    let deletes: Promise<unknown> = Promise.resolve();
    s3.store.deleteObject = (bucket, key) => {
      const next = deletes.then(() => deleteObject(bucket, key));
      deletes = next.catch(() => undefined);
      return next;
    };
    const handle = s3.callback();
    server = createServer((req, res) => {
      const entry: (typeof requests)[number] = { method: req.method ?? '', url: req.url ?? '', aws: /^aws-cli\//.test(req.headers['user-agent'] ?? '') };
      requests.push(entry);
      res.on('finish', () => (entry.status = res.statusCode));
      // The test's own reads close their connection: a pooled one could be closed by the server's
      // keep-alive timer as it is reused, after a build blocked this process for seconds.
      if (!entry.aws) res.setHeader('connection', 'close');
      handle(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const put = await run(aws, ['--endpoint-url', endpoint, 's3', 'cp', '-', `s3://${BUCKET}/${OUTSIDE}`], { ...awsEnv() });
    expect(put.code, put.stderr).toBe(0);
  });

  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    rmSync(join(site.dir, 's3rver'), { recursive: true, force: true });
  });

  it('sends the whole folder on the first deploy, each file with its Content-Type, and nothing when nothing changed', async () => {
    // the build lists every file it wrote (all of them); the first deploy to a bucket sends the folder
    expect(site.changes()?.full).toBe(false);
    expect(site.changes()?.written).toEqual([...site.files()].sort());
    const from = requests.length;
    const first = await deploy();
    expect(first.stdout).toMatch(/whole folder/);
    expect(listings(from)).toBe(1);
    expect(site.changes()).toBeUndefined(); // taken
    expect(readdirSync(state).filter((f) => f.startsWith('taken-'))).toEqual([]);
    const css = site.files().find((p) => /^_astro\/.*\.css$/.test(p))!;
    const expected: Record<string, [string, string | null]> = {
      'index.html': ['text/html; charset=utf-8', null],
      'world/2023/08/07/china-russia-foreign-ministers-hail-cooperation-in-call/index.html': ['text/html; charset=utf-8', null],
      'rss.xml': ['application/xml; charset=utf-8', null],
      'sitemap-index.xml': ['application/xml; charset=utf-8', null],
      'robots.txt': ['text/plain; charset=utf-8', null],
      'search/shards.json': ['application/json', null],
      'logo.png': ['image/png', null],
      'favicon.svg': ['image/svg+xml', null],
      [css]: ['text/css; charset=utf-8', 'public, max-age=31536000, immutable'],
      [site.files().find((p) => /^pagefind\/.*\/pagefind\.js$/.test(p))!]: ['text/javascript; charset=utf-8', 'public, max-age=31536000, immutable'],
    };
    for (const [path, [type, cache]] of Object.entries(expected)) {
      const res = await fetch(objectUrl(PREFIX + path), { method: 'HEAD' });
      expect(res.headers.get('content-type'), path).toBe(type);
      expect(res.headers.get('cache-control'), path).toBe(cache);
    }
    expect(site.built!.exists('_headers')).toBe(true);
    expect((await fetch(objectUrl(`${PREFIX}_headers`), { method: 'HEAD' })).status).toBe(404);
    const again = await run('bash', [recipe('s3')], env());
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/nothing changed/);
  });

  it('uploads only the files a new story changes', async () => {
    await deploy(pathsOf(newsroom.newStory(site)));
  });

  it('uploads only the files an edited story changes', async () => {
    await deploy(pathsOf(newsroom.edit(site)));
  });

  it('deletes the objects of a deleted story and of its emptied section', async () => {
    const changes = newsroom.deletion(site);
    const from = requests.length;
    await deploy(pathsOf(changes));
    // One multi-object delete for all of them.
    expect(requests.slice(from).filter((r) => r.aws && r.method === 'POST' && /[?&]delete/.test(r.url))).toHaveLength(1);
    expect([...(await listBucket()).keys()].some((k) => k.startsWith(`${PREFIX}business/`))).toBe(false);
  });

  it('sends what two publishes changed in one deploy', async () => {
    site.write({ 'world/election.txt': story('Election date announced', '10 Mar, 2024 09:30am') });
    site.publish();
    const first = site.changes()!;
    site.write({
      'world/floods.txt': story('Floods close the coastal highway', '10 Mar, 2024 08:00am', [
        'KARACHI: The coastal highway was closed by floods.',
        'It reopens tomorrow.',
      ]),
    });
    site.publish();
    const both = site.changes()!;
    expect(both.publishes).toBe(2);
    expect([...pathsOf(both)]).toEqual(expect.arrayContaining([...pathsOf(first)]));
    await deploy(pathsOf(both));
  });

  it('keeps the list of a failed deploy and sends it, with what was published since, on the next run', async () => {
    site.write({ 'world/budget.txt': story('Budget talks resume', '10 Mar, 2024 10:00am') });
    site.publish();
    const failedList = site.changes()!;
    const before = await listBucket();
    const failed = await run('bash', [recipe('s3')], { ...env(), AWS_SECRET_ACCESS_KEY: 'not-the-secret' });
    expect(failed.code).not.toBe(0);
    expect(failed.stderr).toMatch(/SignatureDoesNotMatch|signature/i);
    expect(site.changes()).toBeUndefined();
    expect(readdirSync(state).filter((f) => f.startsWith('taken-'))).toHaveLength(1);
    expect(await listBucket()).toEqual(before);
    site.write({ 'world/budget.txt': story('Budget talks resume', '10 Mar, 2024 10:00am', ['ISLAMABAD: Budget talks resumed.', 'No date was set.']) });
    site.write({ 'world/port.txt': story('Port strike ends', '10 Mar, 2024 10:30am') });
    site.publish();
    const listed = pathsOf(failedList, site.changes());
    expect(listed.size).toBeGreaterThan(pathsOf(site.changes()).size);
    await deploy(listed);
    expect(readdirSync(state).filter((f) => f.startsWith('taken-'))).toEqual([]);
  });

  it('after npm run build over the folder, uploads only the files the build rewrote', async () => {
    // a story edited and not published: the build finds it, and rewrites only what shows it
    site.write({
      'world/markets.txt': story('Markets steady after the holiday', '09 Mar, 2024 09:00am', [
        'KARACHI: Markets were steady after the holiday.',
        'Traders expect a busy week.',
        'A fourth paragraph came with the rebuild.',
      ]),
    });
    site.build(true);
    const changes = site.changes()!;
    // the build compares every file with what is in place: it lists what it rewrote, not everything
    expect(changes.full).toBe(false);
    expect(changes.written.length).toBeLessThan(site.files().length);
    await deploy(pathsOf(changes));
  });
});
