// Reading astro.config.mjs for its options, quickly. The command-line tools need only the plain object
// the config exports, but `astro/config` loads much of Astro with it (about 0.45 s, a third of a
// one-shot publish), only to give the config `defineConfig`, which returns its argument. So the
// config's own import of `astro/config` is answered by a module that has just that. A config that
// takes anything else from `astro/config` (envField, image services…) fails to link against it, and
// is then read again with the real module.
import { registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';

export interface AstroConfigFile {
  site?: string;
  base?: string;
  trailingSlash?: string;
  cacheDir?: string;
  integrations?: unknown[];
}

const LIGHT_CONFIG_MODULE = `data:text/javascript,${encodeURIComponent('export function defineConfig(config) { return config; }')}`;

export async function readAstroConfig(path: string): Promise<AstroConfigFile> {
  const url = pathToFileURL(path).href;
  const hooks = registerHooks({
    resolve(specifier, context, nextResolve) {
      if (specifier === 'astro/config' && context.parentURL === url) return { url: LIGHT_CONFIG_MODULE, shortCircuit: true };
      return nextResolve(specifier, context);
    },
  });
  try {
    return ((await import(url)) as { default: AstroConfigFile }).default;
  } catch (error) {
    if (!(error instanceof SyntaxError && /does not provide an export named/.test(error.message))) throw error;
  } finally {
    hooks.deregister();
  }
  // A fresh URL: the failed link of the first import stays in the module cache under the plain one.
  return ((await import(`${url}?astro-config`)) as { default: AstroConfigFile }).default;
}
