import { signatureLead } from '../../model/signature.js';
import type { SignatureBlock, SignatureParty } from '../../model/types.js';
import { shiftOp, structNode, type DrawOp, type Flowable, type StructNode, type Unit } from './layout-types.js';
import { lineUnits, plain } from './lines.js';
import { BODY, PAGE, SIGNATURE, SPACE, TEXT_WIDTH } from './style.js';

interface Column {
  readonly top: readonly Unit[];
  readonly name: readonly Unit[];
  readonly party: SignatureParty;
  readonly form: StructNode | undefined;
}

/**
 * What a signing tool and a screen reader announce for a party's field (/TU): « Signature
 * pour la Communauté de l'agglomération dijonnaise, le Président, Alain MILLOT ».
 */
export function signatureFieldLabel(party: SignatureParty): string {
  const lower = (t: string): string => t.replace(/^(Pour|Le|La|Les|L['’])/u, (m) => m.toLowerCase());
  const parts = [...party.heading.map((h, i) => (i === 0 ? lower(h) : h)), lower(party.role), party.name ?? '']
    .map((t) => t.trim())
    .filter((t) => t !== '');
  return `Signature ${parts.join(' ').replace(/\s+/g, ' ').replace(/,$/, '')}`;
}

function stack(units: readonly Unit[], y0: number, into: DrawOp[]): number {
  let y = y0;
  for (const u of units) {
    for (const op of u.ops) into.push(shiftOp(op, y));
    y += u.height;
  }
  return y;
}

/**
 * The signature block as one unbreakable flowable: the lead sentence (« Fait à Dijon, le …,
 * en deux exemplaires originaux. »), then one column per signing party: its heading lines and
 * role, the space to sign in (where the /Sig field goes), then the signer's name in bold. Up to three
 * columns side by side; more parties wrap onto further rows. Signature boxes of one row are
 * aligned.
 */
export function signatureFlowable(block: SignatureBlock, parent?: StructNode): Flowable {
  const ops: DrawOp[] = [];
  // A Div a reader follows party by party: the lead sentence, then for each party a Div with
  // its heading lines, role, the signature field (Form) and the name.
  const div = parent && structNode('Div', parent);
  const lead = lineUnits({ runs: plain(signatureLead(block)), style: BODY, x: PAGE.marginLeft, measure: TEXT_WIDTH, align: 'left', tag: div && structNode('P', div) });
  let y = stack(lead, 0, ops) + SPACE.signatureLeadAfter;

  const perRow = Math.max(1, Math.min(block.parties.length, SIGNATURE.maxColumns));
  const width = (TEXT_WIDTH - SIGNATURE.columnGap * (perRow - 1)) / perRow;
  for (let start = 0; start < block.parties.length; start += perRow) {
    const row = block.parties.slice(start, start + perRow);
    const columns: Column[] = row.map((party, i) => {
      const x = PAGE.marginLeft + i * (width + SIGNATURE.columnGap);
      const spec = { style: BODY, x, measure: width, align: 'left' as const };
      const partyDiv = div && structNode('Div', div);
      const top = [...party.heading, party.role]
        .filter((t) => t.trim() !== '')
        .flatMap((t) => lineUnits({ ...spec, runs: plain(t), tag: partyDiv && structNode('P', partyDiv) }));
      const form = partyDiv && structNode('Form', partyDiv);
      const name = party.name === undefined ? [] : lineUnits({ ...spec, runs: plain(party.name), bold: true, tag: partyDiv && structNode('P', partyDiv) });
      return { top, name, party, form };
    });
    const topHeight = Math.max(...columns.map((c) => c.top.reduce((s, u) => s + u.height, 0)));
    const boxTop = y + topHeight + 4;
    const nameTop = boxTop + SIGNATURE.boxHeight + 4;
    let bottom = nameTop;
    columns.forEach((col, i) => {
      const x = PAGE.marginLeft + i * (width + SIGNATURE.columnGap);
      stack(col.top, y, ops);
      ops.push({
        op: 'field',
        partyId: col.party.id,
        label: signatureFieldLabel(col.party),
        x,
        y: boxTop,
        w: width,
        h: SIGNATURE.boxHeight,
        ...(col.form ? { tag: col.form } : {}),
      });
      bottom = Math.max(bottom, stack(col.name, nameTop, ops));
    });
    y = bottom + SPACE.signatureLeadAfter;
  }
  const height = y - SPACE.signatureLeadAfter;
  return {
    units: [{ height, ops }],
    spaceBefore: SPACE.signatureBefore,
    spaceAfter: SPACE.paragraphAfter,
    keepWithNext: false,
    minSplit: 0,
    newPage: false,
    keepWithPrevious: true,
  };
}
