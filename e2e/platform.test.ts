import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/demo/organisation';
import { ROLE_NAMES, type Role, SIGNED_IN } from '../src/platform/permissions';
import {
  checkAxe,
  go,
  type Journey,
  navigationItems,
  screenshot,
  signIn,
  startJourney,
  textOf,
} from './helpers';

let journey: Journey;
beforeAll(async () => {
  journey = await startJourney();
});
afterAll(async () => journey?.close());

/** What the navigation should offer a role: every item whose permission the role's grants hold. */
function expectedNavigation(role: Role): Array<{ href: string; text: string }> {
  const { grants, nav } = journey.oversight.app.deps;
  const held = grants.get(role) ?? new Set<string>();
  return nav.filter((item) => item.permission === SIGNED_IN || held.has(item.permission));
}

/** Roles that must never see the administration section, whatever grants are added later. */
const PEOPLE_WITHOUT_ADMINISTRATION: readonly Role[] = [
  'practitioner',
  'team_manager',
  'independent_auditor',
  'committee_clerk',
  'committee_member',
];

function heading(page: Page): Promise<string> {
  return textOf(page.locator('h1').first());
}

function path(page: Page): string {
  return new URL(page.url()).pathname;
}

describe('signed out', () => {
  it('sends a visitor to an accessible sign-in page, and shows the accessibility statement', async () => {
    const page = await journey.newPage();
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    expect(path(page)).toBe('/sign-in');
    expect(await heading(page)).toBe('Sign in to Oversight');
    expect(await navigationItems(page)).toEqual([]);
    // The council's own service: no GOV.UK header, crown, Crown copyright or licence.
    expect(
      await page.locator('.govuk-header, .govuk-footer__crown, .govuk-footer__licence-logo').count(),
    ).toBe(0);
    expect(await page.content()).not.toMatch(/GOV\.UK|Crown copyright|Open Government Licence/);
    expect(await textOf(page.locator('.govuk-service-navigation__service-name'))).toBe('Oversight');
    await checkAxe(page);
    await screenshot(page, 'sign-in');

    await page.click('.govuk-footer a:has-text("Accessibility statement")');
    expect(path(page)).toBe('/accessibility');
    expect(await heading(page)).toBe('Accessibility statement for Oversight');
    await checkAxe(page);
    expect(journey.problems(page)).toEqual([]);
  });

  it('explains a failed sign-in in an accessible error summary without saying whether the account exists', async () => {
    const page = await journey.newPage();
    await page.goto('/sign-in');
    await page.fill('input[name="email"]', 'admin@oakhaven.example');
    await page.fill('input[name="password"]', 'not the right password');
    await go(page, () => page.click('button:has-text("Sign in")'));
    expect(path(page)).toBe('/sign-in');
    expect(await page.title()).toMatch(/^Error: /);
    const summary = await textOf(page.locator('.govuk-error-summary'));
    expect(summary).toContain('Enter a correct email address and password');
    // The email typed is kept; the password is not.
    expect(await page.inputValue('input[name="email"]')).toBe('admin@oakhaven.example');
    expect(await page.inputValue('input[name="password"]')).toBe('');
    await checkAxe(page);
    expect(journey.problems(page)).toEqual([]);
  });
});

describe('signed in', () => {
  for (const { role, email } of DEMO_USERS) {
    it(`as ${role}: sees the navigation for the role, every page passes axe, and signing out returns to sign-in`, async () => {
      const page = await journey.newPage();
      await page.goto('/sign-in');
      await checkAxe(page);
      await signIn(page, email);

      // Home: who is signed in, and the navigation the role's permissions allow.
      expect(path(page)).toBe('/');
      expect(await textOf(page.locator('.app-account-bar'))).toContain(ROLE_NAMES[role]);
      // The organisation's name in the header, and the protective marking at the top and the foot.
      expect(await textOf(page.locator('.app-organisation-name'))).toBe('Oakhaven Borough Council');
      expect(await page.locator('.app-protective-marking:has-text("OFFICIAL-SENSITIVE")').count()).toBe(2);
      expect(await page.content()).not.toMatch(/GOV\.UK|Crown copyright|Open Government Licence/);
      const expected = expectedNavigation(role);
      const shown = await navigationItems(page);
      expect(shown).toEqual(expected.map((n) => n.text));
      expect(shown[0]).toBe('Home');
      if (role === 'administrator') expect(shown).toContain('Administration');
      if (PEOPLE_WITHOUT_ADMINISTRATION.includes(role)) expect(shown).not.toContain('Administration');
      await checkAxe(page);
      if (role === 'administrator' || role === 'committee_member') await screenshot(page, `home-${role}`);

      // Every page the navigation offers opens, is marked as the current section, and passes axe.
      for (const item of expected) {
        const response = await page.goto(item.href);
        expect(response?.status(), item.href).toBe(200);
        expect(path(page), item.href).toBe(item.href);
        const current = page.locator(
          '.govuk-service-navigation__item--active .govuk-service-navigation__link',
        );
        expect(await textOf(current), item.href).toBe(item.text);
        expect(await current.getAttribute('aria-current'), item.href).toBe('page');
        await checkAxe(page);
      }

      // Their own account page, from the account bar.
      await page.click('.app-account-bar a:has-text("Your account")');
      expect(path(page)).toBe('/account');
      await checkAxe(page);

      // Each administration section offered on the administration page opens and passes axe.
      if (expected.some((n) => n.href === '/admin')) {
        await page.goto('/admin');
        const sections = await page
          .locator('main a[href^="/admin/"]')
          .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
        if (role === 'administrator') expect(sections.length).toBeGreaterThanOrEqual(4);
        for (const href of new Set(sections)) {
          const response = await page.goto(href);
          expect(response?.status(), href).toBe(200);
          await checkAxe(page);
          if (role === 'administrator') await screenshot(page, `${role}${href.replaceAll('/', '-')}`);
        }
      }

      // A page that does not exist: the 404 page, in the layout, accessible.
      const missing = await page.goto('/no-such-page');
      expect(missing?.status()).toBe(404);
      expect(await heading(page)).toBe('Page not found');
      await checkAxe(page);

      // Sign out from the account bar: back at sign-in, and the session is gone.
      await page.goto('/');
      await Promise.all([
        page.waitForURL((url) => url.pathname === '/sign-in'),
        page.click('.app-account-bar button:has-text("Sign out")'),
      ]);
      expect(await heading(page)).toBe('Sign in to Oversight');
      expect(await textOf(page.locator('main'))).toContain('You have signed out.');
      await checkAxe(page);
      await page.goto('/');
      expect(path(page)).toBe('/sign-in');
      expect(journey.problems(page)).toEqual([]);
    });
  }
});

describe('on a small screen', () => {
  it('keeps the layout usable: the navigation collapses behind a menu button', async () => {
    const page = await journey.newPage();
    await page.setViewportSize({ width: 375, height: 740 });
    await signIn(page, DEMO_USERS.find((u) => u.role === 'administrator')!.email);
    const toggle = page.locator('.govuk-service-navigation__toggle');
    expect(await toggle.isVisible()).toBe(true);
    expect(await page.locator('.govuk-service-navigation__list').isVisible()).toBe(false);
    await toggle.click();
    expect(await page.locator('.govuk-service-navigation__list').isVisible()).toBe(true);
    await checkAxe(page);
    await screenshot(page, 'home-small-screen');
    expect(journey.problems(page)).toEqual([]);
  });
});
