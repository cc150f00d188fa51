// The money module: amounts as integers of minor units with their currency, exact conversion and one
// rounding rule (half to even). Pure code with no Node API: the server, the CLI and the web app
// (web/src/lib/money.ts) all import it.
export * from './amounts';
export * from './convert';
export * from './currencies';
export * from './fraction';
export * from './rates';
