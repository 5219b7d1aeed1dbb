import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { describe, expect, it, vi } from 'vitest';
import type { Actor } from '../permissions';
import { type HomeItemProvider, loadHomeGroups, needingAction } from './items';

const actor: Actor = {
  userId: 'u',
  organisationId: 'o',
  organisationName: 'Oakhaven',
  name: 'Sam',
  email: 's@example.org',
  role: 'practitioner',
  teamId: null,
  permissions: new Set(['a', 'b']),
};
const app = {} as FastifyInstance;
const log = () => ({ error: vi.fn() }) as unknown as FastifyBaseLogger & { error: ReturnType<typeof vi.fn> };

const provider = (heading: string, order: number, permission: string, count: number): HomeItemProvider => ({
  heading,
  order,
  permission,
  load: async () => [{ text: heading, count, href: `/${heading}`, tone: 'overdue' }],
});

describe('home-page items', () => {
  it('asks only the providers the person may see, in order', async () => {
    const groups = await loadHomeGroups(
      [provider('second', 20, 'a', 1), provider('hidden', 5, 'c', 9), provider('first', 10, 'b', 0)],
      app,
      actor,
      log(),
    );
    expect(groups.map((g) => g.heading)).toEqual(['first', 'second']);
  });

  it('drops a provider with nothing for this person, and keeps zero counts', async () => {
    const empty: HomeItemProvider = { heading: 'none', order: 1, permission: 'a', load: async () => [] };
    const groups = await loadHomeGroups([empty, provider('zero', 2, 'a', 0)], app, actor, log());
    expect(groups.map((g) => [g.heading, g.items[0]?.count])).toEqual([['zero', 0]]);
  });

  it('shows a failing provider as not loaded, logs it, and still loads the others', async () => {
    const logger = log();
    const broken: HomeItemProvider = {
      heading: 'broken',
      order: 1,
      permission: 'a',
      load: async () => {
        throw new Error('database gone');
      },
    };
    const groups = await loadHomeGroups([broken, provider('fine', 2, 'a', 3)], app, actor, logger);
    expect(groups).toEqual([
      { heading: 'broken', items: [], failed: true },
      { heading: 'fine', items: [expect.objectContaining({ count: 3 })], failed: false },
    ]);
    expect(logger.error).toHaveBeenCalledOnce();
  });

  it('counts the overdue items with something in them as needing action', async () => {
    const groups = await loadHomeGroups(
      [provider('one', 1, 'a', 2), provider('two', 2, 'a', 0)],
      app,
      actor,
      log(),
    );
    expect(needingAction(groups).map((i) => i.text)).toEqual(['one']);
  });
});
