declare module 'virtual:dateline/config' {
  const config: import('./options.ts').ResolvedDatelineConfig;
  export default config;
}
