// The message catalog (code → zh-CN and en templates) and its formatter, shared by server, CLI and web.
export * from './catalog';
export * from './format';
