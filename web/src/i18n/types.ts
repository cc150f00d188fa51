// A dictionary maps a dotted key ("customers.title") to text with optional {placeholders}.
export type Dictionary = Record<string, string>;

export type Locale = 'zh-CN' | 'en';

export const LOCALES: Locale[] = ['zh-CN', 'en'];

export type Vars = Record<string, string | number>;

export type Translate = (key: string, vars?: Vars) => string;
