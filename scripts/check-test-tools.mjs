// `npm test`'s first step (the `pretest` script, after the Node version guard): the system tools the
// suite runs, checked before any test starts, so that a missing one never shows up as a test failing
// deep in the suite. All present (CI installs them first, see .ci/run): silent, a few milliseconds.
// Some missing: as root on Debian, installs them (`apt-get update && apt-get install -y …`) and goes
// on; otherwise stops at once with one line naming the command to run. Plain Node, no packages.
//
// With a tier's name (`node scripts/check-test-tools.mjs site`: the `pretest:site` script), only the
// tools that tier runs. `npm run test:unit` checks none (the unit tier needs no system tool), and
// `test:e2e` checks them all, as `npm test` does (its test of this check wants every tool there).
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The tool on PATH, as the tests call it by name, or undefined. */
function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const path = join(dir, name);
    try {
      if (statSync(path).isFile()) {
        accessSync(path, constants.X_OK);
        return path;
      }
    } catch {
      // not here
    }
  }
  return undefined;
}

const executable = (path) => {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/** Each tool: the Debian package that installs it, what needs it, and how the tests find it. */
const TOOLS = [
  {
    package: 'chromium',
    what: 'Chromium (browser tests, Lighthouse)',
    // tests/e2e launch /usr/bin/chromium; Lighthouse takes CHROME_PATH when set
    present: () => executable('/usr/bin/chromium') && (!process.env.CHROME_PATH || executable(process.env.CHROME_PATH)),
  },
  { package: 'libxml2-utils', what: 'xmllint (sitemaps against their XSDs)', present: () => !!onPath('xmllint') },
  {
    package: 'hugo',
    what: 'Hugo (the bench smoke test)',
    present: () => (process.env.HUGO_BIN ? executable(process.env.HUGO_BIN) || !!onPath(process.env.HUGO_BIN) : !!onPath('hugo')),
  },
  { package: 'default-jre-headless', what: 'Java (the W3C Nu Html Checker)', present: () => !!onPath('java') },
  {
    package: 'python3-feedparser',
    what: "Python's feedparser (feeds read as subscribers' readers read them)",
    // Debian's python, as tests/helpers/feed-readers.ts runs it
    present: () => executable('/usr/bin/python3') && spawnSync('/usr/bin/python3', ['-c', 'import feedparser'], { stdio: 'ignore' }).status === 0,
  },
  { package: 'rsync', what: 'rsync (the rsync deploy recipe)', present: () => !!onPath('rsync') },
  {
    package: 'awscli',
    what: 'the aws cli (the S3 deploy recipe)',
    present: () =>
      process.env.DATELINE_AWS ? executable(process.env.DATELINE_AWS) || !!onPath(process.env.DATELINE_AWS) : executable('/usr/bin/aws') || !!onPath('aws'),
  },
];

/** The tools each tier's tests run (vitest.config.ts, tests/tiers.ts); no tier: the whole suite's. */
const TIERS = {
  site: ['libxml2-utils', 'hugo', 'python3-feedparser'],
  e2e: TOOLS.map((t) => t.package),
};
const tier = process.argv[2];
if (tier !== undefined && !(tier in TIERS)) {
  console.error(`check-test-tools: unknown tier "${tier}" (expected ${Object.keys(TIERS).join(' or ')}, or none for the whole suite)`);
  process.exit(2);
}
const needed = tier ? TOOLS.filter((t) => TIERS[tier].includes(t.package)) : TOOLS;
/** How the user ran the tests, for the messages. */
const command = tier ? `npm run test:${tier}` : 'npm test';

const missing = () => needed.filter((tool) => !tool.present());

let absent = missing();
if (absent.length === 0) process.exit(0);

const packages = () => absent.map((t) => t.package).join(' ');
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const aptGet = onPath('apt-get');

if (isRoot && aptGet && existsSync('/etc/debian_version')) {
  console.error(`[${command}] installing what the test suite needs and this machine lacks: apt-get update && apt-get install -y ${packages()}`);
  try {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync(aptGet, ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'], env });
    execFileSync(aptGet, ['install', '-y', '-qq', ...absent.map((t) => t.package)], { stdio: ['ignore', 'ignore', 'inherit'], env });
  } catch (error) {
    console.error(
      `[${command}] apt-get failed (${error.message.split('\n')[0]}); run \`apt-get update && apt-get install -y ${packages()}\` yourself, then ${command} again`,
    );
    process.exit(1);
  }
  absent = missing();
  if (absent.length === 0) process.exit(0);
}

// One line: what is missing, and the command that installs it.
const sudo = isRoot ? '' : 'sudo ';
const install = `${sudo}apt-get update && ${sudo}apt-get install -y ${packages()}`;
const where = aptGet ? `run \`${install}\`` : `install ${absent.length === 1 ? 'it' : 'them'} with this system's package manager (on Debian: \`${install}\`)`;
console.error(`[${command}] missing ${absent.map((t) => t.what).join(', ')}: ${where}, then ${command} again.`);
process.exit(1);
