import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-rules';

describe('passwordProblems', () => {
  it('accepts a long passphrase, Chinese included', () => {
    expect(passwordProblems('correct horse battery staple', 'wang.li')).toEqual([]);
    expect(passwordProblems('回款要预快勤缠2026', 'wang.li')).toEqual([]);
  });

  it('counts characters, not bytes', () => {
    // 9 Chinese characters are 27 bytes but only 9 characters: too short.
    expect(passwordProblems('回款回款回款回款款', 'x')).toContain('must be at least 10 characters');
  });

  it('refuses short, long, own-name, common and one-character passwords', () => {
    expect(passwordProblems('short1', 'x')).toEqual(['must be at least 10 characters']);
    expect(passwordProblems('a'.repeat(257), 'x')).toContain('must be at most 256 characters');
    expect(passwordProblems('my-Wang.Li-secret', 'wang.li')).toEqual(['must not contain the username']);
    expect(passwordProblems('Password123', 'x')).toEqual(['is one of the most common passwords']);
    expect(passwordProblems('abababababab', 'x')).toEqual(['uses too few different characters']);
  });
});
