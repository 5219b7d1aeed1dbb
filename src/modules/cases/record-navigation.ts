/**
 * Where a person came to a child's record from: the list they were on (My
 * cases, Team cases, My tasks, the task list, a search), so the record can
 * offer "Back to My cases" and the navigation can mark that section rather
 * than always "Find a child". The address comes from the `from` parameter,
 * so it goes through safeReturnPath: only this service's own pages.
 */
import { safeReturnPath } from '../../platform/http/return-path';

export interface CameFrom {
  /** Where the back link goes: the list as the person left it, filters and all. */
  href: string;
  /** "Back to My cases". */
  text: string;
  /** The navigation item to mark as the section the person is in. */
  section: string;
}

/** Lists a child's record is opened from, longest path first so the most specific wins. */
const SOURCES: ReadonlyArray<{ path: string; text: string; section: string }> = [
  { path: '/children/voice-indicator', text: "Back to children's views", section: '/children/team' },
  { path: '/children/mine', text: 'Back to My cases', section: '/children/mine' },
  { path: '/children/team', text: 'Back to Team cases', section: '/children/team' },
  { path: '/timescales/tasks', text: 'Back to the task list', section: '/timescales/tasks' },
  { path: '/supervision', text: 'Back to supervision', section: '/supervision' },
  { path: '/children', text: 'Back to search results', section: '/children' },
  { path: '/tasks', text: 'Back to My tasks', section: '/tasks' },
];

export function cameFrom(value: unknown): CameFrom | null {
  const href = safeReturnPath(value, '');
  if (!href) return null;
  const path = href.split(/[?#]/)[0]!;
  const source = SOURCES.find((s) => path === s.path || path.startsWith(`${s.path}/`));
  if (!source) return null;
  // A child's own pages are not lists to go back to.
  if (source.path === '/children' && path !== '/children') return null;
  return { href, text: source.text, section: source.section };
}

/** The `from` parameter to add to a link to a child's record, from the page the link is on. */
export function fromParam(currentUrl: string): string {
  return `from=${encodeURIComponent(currentUrl)}`;
}
