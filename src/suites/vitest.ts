/** The `apicompat/vitest` entry point: tolerance suites to run under vitest. */
export * from './client.js';
export * from './client-vitest.js';
export * from './webhook.js';
export * from './webhook-vitest.js';
export * from './signers.js';
