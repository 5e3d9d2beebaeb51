import { defineCollection } from 'astro:content';
import config from 'virtual:dateline/config';
import { datelineLoader } from '../integrations/dateline/index.ts';

export const collections = {
  articles: defineCollection({ loader: datelineLoader(config) }),
};
