// The server entry of the renderer bundle: Astro's app, which renders any route of the theme from a
// Request, and the hand-over of the archive its collections read. The publisher imports the built
// bundle, attaches its library and asks the app for the pages a change affects.
import { createApp } from 'astro/app/entrypoint';

export const app = createApp({ streaming: false });
export { attachLibrary } from '../collections/archive.ts';
