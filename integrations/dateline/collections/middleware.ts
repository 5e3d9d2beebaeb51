// Puts the publisher's options into `Astro.locals.dateline` for every page (added by the integration
// with addMiddleware; see locals.ts).
import { defineMiddleware } from 'astro:middleware';
import { currentLibrary } from './archive.ts';

export const onRequest = defineMiddleware((context, next) => {
  context.locals.dateline = { config: currentLibrary().config };
  return next();
});
