import { frenchSpacing } from '../french/typography.js';
import type { Block, Run, Section } from '../model/types.js';

/** French spacing on runs, including across a run boundary (« texte » then « : »). */
function spaceRuns(runs: readonly Run[]): Run[] {
  const out = runs.map((r) => ({ ...r, text: frenchSpacing(r.text) }));
  for (let i = 0; i + 1 < out.length; i += 1) {
    const cur = out[i];
    const next = out[i + 1];
    if (cur && next && / $/.test(cur.text) && /^[:;!?»]/.test(next.text)) {
      out[i] = { ...cur, text: cur.text.replace(/ +$/, '') };
      out[i + 1] = { ...next, text: `\u00a0${next.text}` };
    }
  }
  return out;
}

function block(b: Block): Block {
  switch (b.kind) {
    case 'heading':
    case 'paragraph':
      return { ...b, runs: spaceRuns(b.runs) };
    case 'list':
      return { ...b, items: b.items.map((it) => ({ ...it, runs: spaceRuns(it.runs) })) };
    case 'table':
      return {
        ...b,
        ...(b.header ? { header: b.header.map((c) => ({ lines: c.lines.map(spaceRuns) })) } : {}),
        rows: b.rows.map((row) => row.map((c) => ({ lines: c.lines.map(spaceRuns) }))),
      };
    case 'signature':
      return {
        ...b,
        place: frenchSpacing(b.place),
        parties: b.parties.map((p) => ({
          ...p,
          heading: p.heading.map(frenchSpacing),
          role: frenchSpacing(p.role),
          ...(p.name !== undefined ? { name: frenchSpacing(p.name) } : {}),
        })),
      };
    case 'pageBreak':
      return b;
  }
}

/** The typography pass over generated sections: French no-break spaces everywhere text is. */
export function applyTypography(sections: readonly Section[]): Section[] {
  return sections.map((s) => ({
    ...s,
    ...(s.title !== undefined ? { title: frenchSpacing(s.title) } : {}),
    blocks: s.blocks.map(block),
  }));
}
