/**
 * Files waiting in the import preview: kept in memory, for the person who
 * uploaded them only, for thirty minutes, so the preview can be changed and
 * confirmed without uploading the file again. Nothing is written to the
 * database until the person confirms. A restart forgets them (the person
 * uploads the file again).
 */
import { randomUUID } from 'node:crypto';

export interface PendingImport {
  userId: string;
  organisationId: string;
  filename: string;
  data: Buffer;
  at: number;
}

const KEEP_MS = 30 * 60 * 1000;
const MAX_PENDING = 50;

export class PendingImports {
  private readonly files = new Map<string, PendingImport>();

  /** Keep a file; returns the token the preview form carries. */
  put(file: PendingImport): string {
    this.sweep(file.at);
    while (this.files.size >= MAX_PENDING) this.files.delete(this.files.keys().next().value!);
    const token = randomUUID();
    this.files.set(token, file);
    return token;
  }

  /** The file, only for the person who uploaded it and only while it is kept. */
  get(
    token: string,
    who: { userId: string; organisationId: string },
    now: number,
  ): PendingImport | undefined {
    this.sweep(now);
    const f = this.files.get(token);
    if (!f || f.userId !== who.userId || f.organisationId !== who.organisationId) return undefined;
    return f;
  }

  drop(token: string): void {
    this.files.delete(token);
  }

  private sweep(now: number): void {
    for (const [token, f] of this.files) if (now - f.at > KEEP_MS) this.files.delete(token);
  }
}
