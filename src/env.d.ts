// What the integration puts in Astro.locals for every page (integrations/dateline/collections/locals.ts).
declare namespace App {
  interface Locals {
    dateline: import('@dateline/collections/locals.ts').DatelineLocals;
  }
}
