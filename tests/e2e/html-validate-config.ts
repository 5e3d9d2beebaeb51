// html-validate settings for built pages: the recommended rules, minus the ones that are not HTML errors
// for this site (each with its reason).
import type { ConfigData } from 'html-validate';

export const htmlValidateConfig: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: {
    // Titles are the wire headline plus the site name; headlines are the agency's, often over 70 characters
    // (a search-snippet guideline, not an HTML error).
    'long-title': 'off',
  },
};
