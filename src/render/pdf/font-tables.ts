/**
 * Build step helper (issue 10): the tables `scripts/precompute-font-tables.mjs` writes to
 * `dist/render/pdf/font-tables.json`, read with fontkit exactly as a run without tables reads
 * the fonts, so that a run with them writes the same bytes without loading fontkit.
 */
import { createHash } from 'node:crypto';
import { FACES, FONT_TABLES_FORMAT, fontkitMetrics, fontkitVersion, type FaceTable, type FontTables } from './fonts.js';
import { sharedSubsetForTables } from './font-embed.js';

/** The tables of the four faces, as JSON text (deterministic: same fonts, same bytes). */
export async function buildFontTables(): Promise<string> {
  const faces: Partial<Record<(typeof FACES)[number], FaceTable>> = {};
  for (const face of FACES) {
    const m = fontkitMetrics(face);
    const font = m.font as typeof m.font & { characterSet: number[] };
    const cmap: number[] = [];
    const mapped = new Set<number>();
    for (const cp of [...font.characterSet].sort((a, b) => a - b)) {
      if (mapped.has(cp) || !m.has(cp)) continue;
      const g = m.glyph(cp);
      cmap.push(cp, g.id, g.advanceWidth);
      mapped.add(cp);
    }
    // The table must answer like fontkit for every code point, not only those of the set.
    for (let cp = 0; cp <= 0x10ffff; cp += cp < 0x30000 ? 1 : 0x1000) {
      if (m.has(cp) !== mapped.has(cp)) throw new Error(`table de police incomplète : ${face}, U+${cp.toString(16)}`);
    }
    let missing = 0xe000;
    while (m.has(missing)) missing++;
    const shared = await sharedSubsetForTables(face);
    faces[face] = {
      sha256: createHash('sha256').update(m.bytes).digest('hex'),
      info: m.info,
      cmap,
      notdefAdvance: m.glyph(missing).advanceWidth,
      shared: { gids: shared.gids, length1: shared.length1, deflated: Buffer.from(shared.deflated).toString('base64') },
    };
  }
  const tables: FontTables = { format: FONT_TABLES_FORMAT, fontkit: fontkitVersion(), faces };
  return `${JSON.stringify(tables)}\n`;
}
