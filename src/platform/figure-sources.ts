/**
 * Figures kept between refreshes (the indicators' stored tables) are computed
 * from records that several modules keep. A module that changes such a record
 * by form (an adult's concern entered, an early help goal scored) says so
 * inside the change's transaction; a module that keeps figures listens, and
 * forgets them in that same transaction, so the next page computes afresh.
 * The SSD import has its own notice (the cases module's onRegisterChanged).
 */
import type { Db } from './db/client';

export type FigureSourceListener = (tx: Db, organisationId: string) => Promise<void>;

const listeners: FigureSourceListener[] = [];

/** Listen for changes to what figures are computed from; returns the way to stop listening. */
export function onFigureSourceChanged(listener: FigureSourceListener): () => void {
  listeners.push(listener);
  return () => {
    const at = listeners.indexOf(listener);
    if (at >= 0) listeners.splice(at, 1);
  };
}

/** Say, inside the change's transaction, that records figures are computed from have changed. */
export async function figureSourceChanged(tx: Db, organisationId: string): Promise<void> {
  for (const listener of [...listeners]) await listener(tx, organisationId);
}
