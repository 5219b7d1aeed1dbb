import { inflateSync } from 'node:zlib';

/**
 * The text shown in a PDF that headless Chromium printed, well enough for a
 * test to find words in it: every compressed stream is inflated, the glyph
 * codes of its text operators are mapped back to characters through the
 * ToUnicode maps of the fonts (Chromium embeds one per font subset).
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const streams: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) continue;
    try {
      streams.push(inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // Not a deflated stream (an image, a font program): no text in it.
    }
  }
  const glyphs = new Map<number, string>();
  const hex = (h: string) => Number.parseInt(h, 16);
  const chars = (h: string) => String.fromCharCode(...(h.match(/.{4}/g) ?? []).map(hex));
  for (const s of streams.filter((x) => x.includes('begincmap'))) {
    for (const block of s.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const [, code, text] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
        if (!glyphs.has(hex(code!))) glyphs.set(hex(code!), chars(text!));
      }
    }
    for (const block of s.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const [, from, to, first] of block[1]!.matchAll(
        /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g,
      )) {
        for (let c = hex(from!); c <= hex(to!); c++) {
          if (!glyphs.has(c)) glyphs.set(c, String.fromCharCode(hex(first!) + c - hex(from!)));
        }
      }
    }
  }
  const lines: string[] = [];
  for (const s of streams.filter((x) => /\bBT\b/.test(x))) {
    for (const [, codes] of s.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g)) {
      lines.push((codes!.match(/.{4}/g) ?? []).map((c) => glyphs.get(hex(c)) ?? '?').join(''));
    }
    for (const [, array] of s.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const parts = [...array!.matchAll(/<([0-9A-Fa-f]+)>/g)].map(([, codes]) =>
        (codes!.match(/.{4}/g) ?? []).map((c) => glyphs.get(hex(c)) ?? '?').join(''),
      );
      lines.push(parts.join(''));
    }
  }
  return lines.join('');
}
