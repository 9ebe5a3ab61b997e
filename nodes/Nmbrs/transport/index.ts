/**
 * SOAP over a given HTTP function: where calls go (connection), the auth header (auth),
 * fair use (limiter), errors with the fix (errors) and the call itself (client).
 * Usable outside n8n: nothing here needs n8n at run time but n8n-workflow's sleep.
 */
export * from './connection';
export * from './auth';
export * from './errors';
export * from './limiter';
export * from './client';
