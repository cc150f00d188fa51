/** message: email/letter/statement with subject; sms: short text; task: worklist title + instructions. */
export type TemplateKind = 'message' | 'sms' | 'task';
/** Tone per stage: 提醒 friendly, 了解+纠正 gentle but firm (温和与坚定), 施压 formal. */
export type Tone = 'friendly' | 'firm' | 'formal';

export interface TemplateText {
  kind: TemplateKind;
  tone: Tone;
  /** Email subject, letter heading or task title. */
  subject: string;
  /** Text with {{variables}}; see render.ts for the list. */
  body: string;
}

export type LocaleTexts = Record<string, TemplateText>;
