/**
 * The page numbers a published pack is frozen with. Where a printer is
 * available, the public and non-public packs are printed as their PDFs would
 * be and numbered from the real page counts, so the HTML agenda's "Pages x -
 * y" match the PDF's; otherwise the estimate from the length of the text
 * stands and the pack says so.
 */
import type { Pack } from './pack';
import { type Printer, printAndNumber } from './pack-pdf';

export interface Packs {
  publicPack: Pack;
  nonPublicPack: Pack;
}

/** The packs as built, their numbers marked as estimated. */
export function estimated(packs: Packs): Packs {
  return {
    publicPack: { ...packs.publicPack, pageNumbers: 'estimated' },
    nonPublicPack: { ...packs.nonPublicPack, pageNumbers: 'estimated' },
  };
}

/**
 * The packs (copies) numbered from their printed pages: every part printed
 * once, uploaded PDF appendices counted as uploaded, the front sheets printed
 * again until their own length is stable.
 */
export async function numberedByPrinting(packs: Packs, print: Printer): Promise<Packs> {
  const [publicPack, nonPublicPack] = await printAndNumber(
    [
      { pack: packs.publicPack, which: 'public' },
      { pack: packs.nonPublicPack, which: 'non-public' },
    ],
    null,
    print,
  );
  return {
    publicPack: { ...publicPack!.pack, pageNumbers: 'printed' },
    nonPublicPack: { ...nonPublicPack!.pack, pageNumbers: 'printed' },
  };
}

/** Whether two builds of the packs hold the same content, whatever their page numbers. */
export function sameContent(a: Packs, b: Packs): boolean {
  const strip = (_key: string, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value).filter(([k]) => k !== 'pages' && k !== 'pageCount' && k !== 'pageNumbers'),
        )
      : value;
  return JSON.stringify(a, strip) === JSON.stringify(b, strip);
}
