import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './return-path';

describe('safeReturnPath', () => {
  it('keeps a path on this service', () => {
    expect(safeReturnPath('/tasks', '/')).toBe('/tasks');
    expect(safeReturnPath('/children/1/visits?kind=cla&x=1#top', '/')).toBe(
      '/children/1/visits?kind=cla&x=1#top',
    );
  });

  it('refuses anything that could leave the service', () => {
    for (const bad of [
      '//evil.example/phish',
      '/\\evil.example',
      '\\\\evil.example',
      'https://evil.example',
      'javascript:alert(1)',
      '/\tevil',
      ' /tasks',
      'tasks',
      '',
      undefined,
      ['/tasks'],
    ]) {
      expect(safeReturnPath(bad, '/home'), String(bad)).toBe('/home');
    }
  });

  it('leaves an encoded line break encoded, a harmless path', () => {
    expect(safeReturnPath('/%0d%0aSet-Cookie:x', '/')).toBe('/%0d%0aSet-Cookie:x');
  });
});
