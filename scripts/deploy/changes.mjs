// Reads the change lists a deploy recipe took (`.dateline/changes.json`, moved away) and says what to
// send. Used by rsync.sh and s3.sh beside this file; plain Node (18 or later), no packages, so it runs on
// any publisher's machine. Every path is brought to the state it has in the output folder now: uploaded
// if the file is there, deleted on the destination if not.
//
//   node changes.mjs paths <dist> <taken.json>...
//       prints {"full": bool, "upload": [...], "remove": [...]} for any other tool
//   node changes.mjs rsync <dist> <list-out> <taken.json>...
//       writes an rsync --files-from --from0 list; prints "full" or the number of entries
//   node changes.mjs s3 <dist> <work-dir> <key-prefix> (--changes <taken.json>... | --listing <objects.json>)
//       stages the files to upload in <work-dir>/g<N>/ by Content-Type and Cache-Control (groups.tsv)
//       and the keys to delete in <work-dir>/delete-<N>.json; prints "full" or a summary
//   node changes.mjs s3-deleted          (stdin: aws s3api delete-objects output) exits 1 on errors
import { linkSync, copyFileSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';

/** Content-Type by extension: the types `npm run preview` serves (integrations/dateline/cli/static-server.ts), and a few more. */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  // Pagefind's index files are read by its script, never shown.
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
};
/** What `_headers` gives fingerprinted files (integrations/dateline/publish/deploy-headers.ts). */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const immutable = (path) => path.startsWith('_astro/') || path.startsWith('pagefind/') || path.startsWith('photos/');
/** Netlify's and Cloudflare Pages' header rules: no S3 host reads them, and they are not a page to serve. */
const NOT_FOR_S3 = new Set(['_headers']);
/** A writer's temporary file (a publish running now): never sent. */
const temporary = (path) => path.endsWith('.dateline-tmp');

/** A path the way Dateline lists them: relative, '/'-separated, no empty, '.' or '..' segment. */
const valid = (p) =>
  typeof p === 'string' && p !== '' && !p.includes('\0') && !p.includes('\\') && p.split('/').every((s) => s !== '' && s !== '.' && s !== '..');

/** The union of the taken lists; `full` when one says so or cannot be read (what it held is not known). */
function readTaken(files) {
  const paths = new Set();
  let full = false;
  for (const file of files) {
    try {
      const c = JSON.parse(readFileSync(file, 'utf8'));
      if (c.full === true || !Array.isArray(c.written) || !Array.isArray(c.removed)) full = true;
      else
        for (const p of [...c.written, ...c.removed]) {
          if (valid(p)) paths.add(p);
          else full = true;
        }
    } catch {
      full = true;
    }
  }
  return { full, paths: [...paths].sort() };
}

const kind = (path) => {
  try {
    const s = lstatSync(path);
    return s.isDirectory() ? 'dir' : 'file';
  } catch {
    return undefined;
  }
};

/** Every file of the output folder, as site paths. */
function walk(dist) {
  const found = [];
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else found.push(relative(dist, path).split(sep).join('/'));
    }
  };
  visit(dist);
  return found.filter((p) => !temporary(p)).sort();
}

function paths(dist, files) {
  const { full, paths } = readTaken(files);
  if (full) return { full, upload: [], remove: [] };
  return { full, upload: paths.filter((p) => kind(join(dist, p)) === 'file'), remove: paths.filter((p) => kind(join(dist, p)) !== 'file') };
}

/**
 * The rsync list: each path present in the output folder, and for each absent one the highest folder
 * that is absent too (or the path itself): rsync --delete-missing-args deletes it on the receiver, with
 * --force a whole folder that is gone (a section that became empty), leaving no empty folder behind.
 */
function rsyncList(dist, out, files) {
  const { full, paths } = readTaken(files);
  if (full) return 'full';
  const entries = new Set();
  for (const p of paths) {
    if (kind(join(dist, p)) !== undefined) {
      entries.add(p);
      continue;
    }
    let top = p;
    while (posix.dirname(top) !== '.' && kind(join(dist, posix.dirname(top))) === undefined) top = posix.dirname(top);
    entries.add(top);
  }
  const list = [...entries].sort();
  writeFileSync(out, list.map((p) => `${p}\0`).join(''));
  return String(list.length);
}

/** Lays out an S3 deploy: upload groups (hard links, or copies across devices) and delete batches. */
function s3Plan(dist, work, upload, remove, prefix) {
  const groups = new Map();
  for (const path of upload) {
    const dot = posix.extname(path).toLowerCase();
    const type = TYPES[dot] ?? '-'; // '-': let the aws cli guess
    const cache = immutable(path) ? IMMUTABLE : '-';
    // Assets first, then pages, then the feeds, sitemaps and robots.txt that point to them.
    const rank = dot === '.html' ? 2 : dot === '.xml' || path === 'robots.txt' ? 3 : path === 'search/shards.json' ? 1 : 0;
    const key = `${rank}\t${type}\t${cache}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(path);
  }
  const lines = [];
  [...groups.keys()].sort().forEach((key, i) => {
    for (const path of groups.get(key)) {
      const target = join(work, `g${i}`, path);
      mkdirSync(dirname(target), { recursive: true });
      try {
        linkSync(join(dist, path), target);
      } catch {
        copyFileSync(join(dist, path), target);
      }
    }
    const [, type, cache] = key.split('\t');
    lines.push(`g${i}\t${type}\t${cache}\t${groups.get(key).length}`);
  });
  writeFileSync(join(work, 'groups.tsv'), lines.map((l) => `${l}\n`).join(''));
  for (let i = 0; i * 1000 < remove.length; i++) {
    const keys = remove.slice(i * 1000, i * 1000 + 1000);
    writeFileSync(join(work, `delete-${i}.json`), JSON.stringify({ Objects: keys.map((p) => ({ Key: `${prefix}${p}` })), Quiet: true }));
    writeFileSync(join(work, `delete-${i}.txt`), keys.map((p) => `${prefix}${p}\n`).join(''));
  }
  return `${upload.length} to upload in ${lines.length} group(s), ${remove.length} to delete`;
}

const [command, ...args] = process.argv.slice(2);
if (command === 'paths') {
  const [dist, ...files] = args;
  console.log(JSON.stringify(paths(dist, files)));
} else if (command === 'rsync') {
  const [dist, out, ...files] = args;
  console.log(rsyncList(dist, out, files));
} else if (command === 's3' && args[3] === '--changes') {
  const [dist, work, prefix, , ...files] = args;
  const plan = paths(dist, files);
  console.log(
    plan.full
      ? 'full'
      : s3Plan(
          dist,
          work,
          plan.upload.filter((p) => !NOT_FOR_S3.has(p)),
          plan.remove.filter((p) => !NOT_FOR_S3.has(p)),
          prefix,
        ),
  );
} else if (command === 's3' && args[3] === '--listing') {
  // A whole-folder deploy, as `aws s3 sync --delete` decides it: upload a file that the bucket lacks,
  // or holds with another size or an older time; delete every object the folder no longer has.
  const [dist, work, prefix, , listing] = args;
  const objects = JSON.parse(readFileSync(listing, 'utf8') || 'null') ?? [];
  const remote = new Map();
  for (const o of objects) if (o.Key.startsWith(prefix)) remote.set(o.Key.slice(prefix.length), o);
  const local = walk(dist).filter((p) => !NOT_FOR_S3.has(p));
  const upload = local.filter((p) => {
    const o = remote.get(p);
    if (!o) return true;
    const s = statSync(join(dist, p));
    // The bucket keeps whole seconds: a file written in the second of its upload is sent again.
    return s.size !== o.Size || s.mtimeMs > Date.parse(o.LastModified);
  });
  const have = new Set(local);
  const remove = [...remote.keys()].filter((p) => !have.has(p)).sort();
  console.log(s3Plan(dist, work, upload, remove, prefix));
} else if (command === 's3-deleted') {
  const text = readFileSync(0, 'utf8').trim();
  const errors = (text ? JSON.parse(text) : {}).Errors ?? [];
  for (const e of errors) console.error(`not deleted: ${e.Key}: ${e.Code} ${e.Message ?? ''}`);
  process.exit(errors.length ? 1 : 0);
} else {
  console.error('usage: node changes.mjs paths|rsync|s3|s3-deleted … (see the top of this file)');
  process.exit(2);
}
