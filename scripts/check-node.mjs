// Guard run before every npm script: Astro 7 needs Node >= 22.12. The project ships Node 22 as a
// devDependency (`node@22`); if its install script was skipped, npm silently falls back to the
// system Node (20 on our machines) and Astro fails with a less helpful message.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `Dateline needs Node.js >= 22.12, but this script runs on Node ${process.versions.node}.\n` +
      'The project installs Node 22 as a devDependency: run `npm ci` (install scripts must be allowed,\n' +
      'see "allowScripts" in package.json), then run everything through `npm run …`.',
  );
  process.exit(1);
}
