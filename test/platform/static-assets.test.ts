/** Static files: GOV.UK's assets, and MoJ Frontend's icons its stylesheet looks for beside them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../helpers/app';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp();
});
afterAll(async () => ctx?.close());

describe('images under /assets/images', () => {
  it("serves GOV.UK's own, and MoJ's where GOV.UK has none (the filter's close and remove icons)", async () => {
    const get = (url: string) => ctx.app.inject({ method: 'GET', url });
    const govuk = await get('/assets/images/govuk-icon-180.png');
    expect(govuk.statusCode).toBe(200);
    for (const icon of ['icon-close-cross-black.svg', 'icon-tag-remove-cross.svg']) {
      const res = await get(`/assets/images/${icon}`);
      expect(res.statusCode, icon).toBe(200);
      expect(res.body).toContain('<svg');
    }
    expect((await get('/assets/images/no-such-icon.svg')).statusCode).not.toBe(200);
    expect((await get('/assets/images/..%2F..%2Fpackage.json')).statusCode).not.toBe(200);
  });
});
