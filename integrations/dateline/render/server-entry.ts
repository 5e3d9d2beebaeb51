// The server entry of the renderer bundle: Astro's app, which renders any route of the theme from a
// Request. The publisher imports the built bundle and asks it for the pages a change affects.
import { createApp } from 'astro/app/entrypoint';

export const app = createApp({ streaming: false });
