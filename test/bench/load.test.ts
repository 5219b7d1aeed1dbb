import { describe, expect, it } from 'vitest';
import { clientsFor, loadSeconds, loadThink } from '../../bench/load';

describe('the load bench’s pacing', () => {
  it('sends the pages of people who each read a page for `think` seconds from users / think clients, at least one', () => {
    expect(clientsFor(50, 5)).toBe(10);
    expect(clientsFor(20, 5)).toBe(4);
    expect(clientsFor(12, 5)).toBe(2);
    expect(clientsFor(2, 5)).toBe(1);
    expect(clientsFor(50, 1)).toBe(50);
  });

  it('takes the think time and length from the environment, refusing what is not a whole number in range', () => {
    expect(loadThink({})).toBe(5);
    expect(loadThink({ BENCH_LOAD_THINK: '10' })).toBe(10);
    expect(() => loadThink({ BENCH_LOAD_THINK: '0' })).toThrow(/BENCH_LOAD_THINK must be a whole number/);
    expect(() => loadThink({ BENCH_LOAD_THINK: '2.5' })).toThrow(/from 1 to 60/);
    expect(loadSeconds({})).toBe(60);
    expect(() => loadSeconds({ BENCH_LOAD_SECONDS: '600' })).toThrow(/from 5 to 300/);
  });
});
