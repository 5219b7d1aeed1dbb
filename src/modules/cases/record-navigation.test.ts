import { describe, expect, it } from 'vitest';
import { cameFrom } from './record-navigation';

describe('cameFrom', () => {
  it('names the list a person came from, keeping its filters, and the section to mark', () => {
    expect(cameFrom('/children/mine?views=due')).toEqual({
      href: '/children/mine?views=due',
      text: 'Back to My cases',
      section: '/children/mine',
    });
    expect(cameFrom('/children/team')?.section).toBe('/children/team');
    expect(cameFrom('/tasks')?.text).toBe('Back to My tasks');
    expect(cameFrom('/timescales/tasks?status=overdue&team=x')?.href).toBe(
      '/timescales/tasks?status=overdue&team=x',
    );
    expect(cameFrom('/children?q=smith&page=2')).toEqual({
      href: '/children?q=smith&page=2',
      text: 'Back to search results',
      section: '/children',
    });
  });

  it('marks the views indicator under Team cases, where managers read it', () => {
    expect(cameFrom('/children/voice-indicator')?.section).toBe('/children/team');
  });

  it('refuses other sites, unknown pages and a child’s own pages', () => {
    for (const bad of [
      'https://evil.example/children/mine',
      '//evil.example/tasks',
      '/\\evil.example',
      '/admin/users',
      '/children/0b6a1c1e-0000-4000-8000-000000000000',
      '/tasksx',
      '',
      undefined,
      ['/tasks'],
    ]) {
      expect(cameFrom(bad), String(bad)).toBeNull();
    }
  });
});
