import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../permissions';
import { loadTimescaleSources, type TimescaleSource } from './sources';

const actor = (permissions: string[]): Actor => ({
  userId: 'u',
  organisationId: 'o',
  organisationName: 'Org',
  name: 'A',
  email: 'a@example.org',
  role: 'service_manager',
  teamId: null,
  permissions: new Set(permissions),
});

const source = (title: string, order: number, permission: string, red: number): TimescaleSource => ({
  title,
  href: `/${title}`,
  order,
  permission,
  load: async () => ({ red, amber: 1, green: 2 }),
});

describe('timescale sources', () => {
  it('gathers the sources a person may read, in order, with totals', async () => {
    const modules = [
      { timescaleSources: [source('b', 2, 'p.b', 3)] },
      {},
      { timescaleSources: [source('a', 1, 'p.a', 0), source('c', 3, 'p.c', 9)] },
    ];
    const rows = await loadTimescaleSources({} as FastifyInstance, actor(['p.a', 'p.b']), modules);
    expect(rows).toEqual([
      { title: 'a', href: '/a', red: 0, amber: 1, green: 2, total: 3 },
      { title: 'b', href: '/b', red: 3, amber: 1, green: 2, total: 6 },
    ]);
    expect(await loadTimescaleSources({} as FastifyInstance, actor([]), modules)).toEqual([]);
  });
});
