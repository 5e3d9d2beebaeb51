// The static server `npm run preview` uses, for tests that load built pages over HTTP.
export * from '../../integrations/dateline/cli/static-server.ts';
