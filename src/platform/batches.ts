/**
 * A readable stream's items taken as arrays of whatever it holds at each
 * turn, instead of one at a time: one await per batch rather than per item.
 * For streams of many small items (the SSD import's CSV records, two million
 * at a large authority) the await per item costs more than reading the item.
 */
import type { Readable } from 'node:stream';

export async function* inBatches<T>(stream: Readable): AsyncGenerator<T[]> {
  let ended = false;
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    const resume = wake;
    wake = undefined;
    resume?.();
  };
  const onEnd = () => {
    ended = true;
    notify();
  };
  const onError = (error: unknown) => {
    failure = { error };
    notify();
  };
  stream.on('readable', notify);
  stream.on('end', onEnd);
  stream.on('error', onError);
  try {
    for (;;) {
      const batch: T[] = [];
      for (let item = stream.read() as T | null; item !== null; item = stream.read() as T | null) {
        batch.push(item);
      }
      if (failure) throw failure.error;
      if (batch.length > 0) yield batch;
      else if (ended) return;
      else
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
    }
  } finally {
    stream.off('readable', notify);
    stream.off('end', onEnd);
    stream.off('error', onError);
    // Left before its end (a caller stopped early, or it failed): nothing more is read.
    if (!ended) stream.destroy();
  }
}
