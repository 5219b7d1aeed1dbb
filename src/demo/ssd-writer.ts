/**
 * Writes SSD tables as CSV files, buffered and streamed, so a large demo
 * extract never sits in memory.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';

export type Cell = string | number | boolean | null | undefined;

function cell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'Y' : 'N';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export class CsvTable {
  private readonly stream: WriteStream;
  private buffer: string[] = [];
  private size = 0;
  rows = 0;

  constructor(
    folder: string,
    readonly name: string,
    readonly header: readonly string[],
  ) {
    this.stream = createWriteStream(join(folder, `${name}.csv`));
    this.buffer.push(`${header.join(',')}\r\n`);
  }

  async row(values: readonly Cell[]): Promise<void> {
    const line = `${values.map(cell).join(',')}\r\n`;
    this.buffer.push(line);
    this.size += line.length;
    this.rows += 1;
    if (this.size > 512 * 1024) await this.flush();
  }

  private async flush(): Promise<void> {
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await new Promise<void>((resolve) => this.stream.once('drain', resolve));
  }

  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) =>
      this.stream.end((e?: Error | null) => (e ? reject(e) : resolve())),
    );
  }
}
