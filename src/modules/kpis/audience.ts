/** Which audience's indicators or report a page shows, from its query string (`?audience=adults`). */
import { z } from 'zod';
import { AUDIENCES, type Audience } from './catalogue';

const audienceQuery = z.object({ audience: z.enum(AUDIENCES).catch('children') });

/** The audience asked for: the adults', or the children's by default. */
export function chosenAudience(query: unknown): Audience {
  return audienceQuery.parse(query ?? {}).audience;
}

/** What keeps the audience in a link's query string ('' for the children's). */
export const audienceParam = (audience: Audience): string =>
  audience === 'children' ? '' : `&audience=${audience}`;
