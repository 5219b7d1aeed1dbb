import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withoutGovukTypeface } from './typeface';

describe('the stylesheets without the GOV.UK typeface', () => {
  it('keep every rule but set text in Arial', () => {
    const css =
      '@font-face{font-family:GDS Transport;font-weight:400;src:url(/assets/fonts/light.woff2)}' +
      '.govuk-body{font-family:GDS Transport,arial,sans-serif;color:#0b0c0c}';
    expect(withoutGovukTypeface(css)).toBe('.govuk-body{font-family:arial,sans-serif;color:#0b0c0c}');
  });

  it('leave no trace of GDS Transport in the stylesheets shipped with govuk-frontend and the MoJ frontend', () => {
    for (const file of [
      'node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css',
      'node_modules/@ministryofjustice/frontend/moj/moj-frontend.min.css',
    ]) {
      const source = readFileSync(file, 'utf8');
      expect(source).toContain('GDS Transport');
      const out = withoutGovukTypeface(source);
      expect(out).not.toContain('GDS Transport');
      expect(out).not.toContain('/assets/fonts/');
      expect(out.length).toBeGreaterThan(source.length * 0.9);
    }
  });
});
