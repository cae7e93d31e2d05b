/**
 * Read-backs of a tagged PDF for the tests, written from the PDF specification (not from the
 * renderer's code): a content-stream tokenizer that follows marked content, and a walk of the
 * structure tree from the catalogue.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, decodePDFRawStream, type PDFObject, type PDFPage } from 'pdf-lib';

const latin1 = new TextDecoder('latin1');

/** The decoded bytes of a page's content (its streams joined by a line feed). */
export function pageContent(page: PDFPage): Uint8Array {
  const contents = page.node.get(PDFName.of('Contents'));
  const refs: PDFObject[] = [];
  const resolved = contents instanceof PDFRef ? page.doc.context.lookup(contents) : contents;
  if (resolved instanceof PDFArray) for (let i = 0; i < resolved.size(); i++) refs.push(resolved.get(i));
  else if (contents !== undefined) refs.push(contents);
  const parts: Uint8Array[] = [];
  for (const r of refs) {
    const stream = page.doc.context.lookup(r);
    if (stream instanceof PDFRawStream) parts.push(decodePDFRawStream(stream).decode());
    else if (stream !== undefined && 'getContents' in stream) parts.push((stream as { getContents(): Uint8Array }).getContents());
    parts.push(new Uint8Array([0x0a]));
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export interface TextShowing {
  readonly operator: string;
  /** Enclosing marked-content sequences, outermost first: tag and MCID (if any). */
  readonly marks: readonly { readonly tag: string; readonly mcid?: number }[];
}

/**
 * Every text-showing operator (Tj, TJ, ', ") of a content stream with the marked-content
 * sequences around it, and every MCID opened (in order).
 */
export function scanContent(bytes: Uint8Array): { shows: TextShowing[]; mcids: number[]; balanced: boolean } {
  const shows: TextShowing[] = [];
  const mcids: number[] = [];
  const stack: { tag: string; mcid?: number }[] = [];
  let operands: string[] = [];
  let balanced = true;
  const n = bytes.length;
  let i = 0;
  const isSpace = (b: number): boolean => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || b === 0x0c || b === 0x00;
  const isDelim = (b: number): boolean => '()<>[]{}/%'.includes(String.fromCharCode(b));
  while (i < n) {
    const b = bytes[i] as number;
    if (isSpace(b)) {
      i++;
    } else if (b === 0x25) {
      while (i < n && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i++;
    } else if (b === 0x28) {
      // Literal string: balanced parentheses, backslash escapes.
      let depth = 0;
      const start = i;
      for (; i < n; i++) {
        const c = bytes[i];
        if (c === 0x5c) i++;
        else if (c === 0x28) depth++;
        else if (c === 0x29 && --depth === 0) break;
      }
      i++;
      operands.push(latin1.decode(bytes.subarray(start, i)));
    } else if (b === 0x3c && bytes[i + 1] === 0x3c) {
      let depth = 0;
      const start = i;
      while (i < n) {
        if (bytes[i] === 0x3c && bytes[i + 1] === 0x3c) {
          depth++;
          i += 2;
        } else if (bytes[i] === 0x3e && bytes[i + 1] === 0x3e) {
          depth--;
          i += 2;
          if (depth === 0) break;
        } else i++;
      }
      operands.push(latin1.decode(bytes.subarray(start, i)));
    } else if (b === 0x3c) {
      const start = i;
      while (i < n && bytes[i] !== 0x3e) i++;
      i++;
      operands.push(latin1.decode(bytes.subarray(start, i)));
    } else if (b === 0x5b || b === 0x5d) {
      operands.push(String.fromCharCode(b));
      i++;
    } else if (b === 0x2f) {
      const start = i++;
      while (i < n && !isSpace(bytes[i] as number) && !isDelim(bytes[i] as number)) i++;
      operands.push(latin1.decode(bytes.subarray(start, i)));
    } else {
      const start = i;
      while (i < n && !isSpace(bytes[i] as number) && !isDelim(bytes[i] as number)) i++;
      if (i === start) i++; // a stray delimiter
      const word = latin1.decode(bytes.subarray(start, i));
      if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word) || word === 'true' || word === 'false' || word === 'null') {
        operands.push(word);
        continue;
      }
      switch (word) {
        case 'BDC': {
          const tag = (operands[operands.length - 2] ?? '').slice(1);
          const m = /\/MCID\s+(\d+)/.exec(operands[operands.length - 1] ?? '');
          const mcid = m ? Number(m[1]) : undefined;
          if (mcid !== undefined) mcids.push(mcid);
          stack.push(mcid === undefined ? { tag } : { tag, mcid });
          break;
        }
        case 'BMC':
          stack.push({ tag: (operands[operands.length - 1] ?? '').slice(1) });
          break;
        case 'EMC':
          if (stack.pop() === undefined) balanced = false;
          break;
        case 'Tj':
        case 'TJ':
        case "'":
        case '"':
          shows.push({ operator: word, marks: stack.map((m) => ({ ...m })) });
          break;
      }
      operands = [];
    }
  }
  if (stack.length > 0) balanced = false;
  return { shows, mcids, balanced };
}

/** A structure element as read back: its type, its content (page index, MCID), its kids. */
export interface ReadElement {
  readonly role: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly content: readonly { readonly page: number; readonly mcid: number }[];
  /** Annotations owned through an /OBJR: their subtype and /TU or /Contents. */
  readonly objects: readonly { readonly subtype: string; readonly description: string }[];
  readonly children: readonly ReadElement[];
}

/** The structure tree (children of the StructTreeRoot), read with pdf-lib from the catalogue. */
export function readStructure(doc: PDFDocument): ReadElement[] {
  const { context } = doc;
  const pageIndex = new Map<string, number>();
  doc.getPages().forEach((p, i) => pageIndex.set(p.ref.toString(), i));
  const root = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  if (root === undefined) return [];
  const read = (dict: PDFDict): ReadElement => {
    const role = dict.lookup(PDFName.of('S'), PDFName).decodeText();
    const pg = dict.get(PDFName.of('Pg'));
    const page = pg instanceof PDFRef ? pageIndex.get(pg.toString()) ?? -1 : -1;
    const attributes: Record<string, string> = {};
    const a = dict.lookupMaybe(PDFName.of('A'), PDFDict);
    if (a !== undefined) for (const [k, v] of a.entries()) attributes[k.decodeText()] = v.toString().replace(/^\//, '');
    const content: { page: number; mcid: number }[] = [];
    const objects: { subtype: string; description: string }[] = [];
    const children: ReadElement[] = [];
    const kid = (k: PDFObject | undefined): void => {
      if (k instanceof PDFNumber) {
        content.push({ page, mcid: k.asNumber() });
        return;
      }
      const d = k instanceof PDFRef ? context.lookup(k) : k;
      if (!(d instanceof PDFDict)) return;
      const type = d.lookupMaybe(PDFName.of('Type'), PDFName)?.decodeText();
      if (type === 'MCR') {
        const p = d.get(PDFName.of('Pg'));
        content.push({ page: p instanceof PDFRef ? pageIndex.get(p.toString()) ?? -1 : page, mcid: d.lookup(PDFName.of('MCID'), PDFNumber).asNumber() });
      } else if (type === 'OBJR') {
        const obj = d.lookup(PDFName.of('Obj'), PDFDict);
        const text = obj.get(PDFName.of('TU')) ?? obj.get(PDFName.of('Contents'));
        const description = text instanceof PDFString || text instanceof PDFHexString ? text.decodeText() : '';
        objects.push({ subtype: obj.lookup(PDFName.of('Subtype'), PDFName).decodeText(), description });
      } else {
        children.push(read(d));
      }
    };
    const k = dict.get(PDFName.of('K'));
    const kr = k instanceof PDFRef ? context.lookup(k) : k;
    if (kr instanceof PDFArray) for (let i = 0; i < kr.size(); i++) kid(kr.get(i));
    else kid(k);
    return { role, attributes, content, objects, children };
  };
  const k = root.get(PDFName.of('K'));
  const kr = k instanceof PDFRef ? context.lookup(k) : k;
  const tops: ReadElement[] = [];
  if (kr instanceof PDFArray) {
    for (let i = 0; i < kr.size(); i++) tops.push(read(kr.lookup(i, PDFDict)));
  } else if (kr instanceof PDFDict) {
    tops.push(read(kr));
  }
  return tops;
}

/** Every element of a tree, depth first. */
export function allElements(tops: readonly ReadElement[]): ReadElement[] {
  const out: ReadElement[] = [];
  const visit = (e: ReadElement): void => {
    out.push(e);
    e.children.forEach(visit);
  };
  tops.forEach(visit);
  return out;
}

/**
 * Checks a tagged PDF: every text-showing operator inside marked content that is an
 * /Artifact or carries an MCID; every MCID of every page owned by exactly one structure
 * element (the one the parent tree names); BDC/EMC balanced. Returns the problems found.
 */
export async function markedContentProblems(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const problems: string[] = [];
  const owners = new Map<string, number>();
  for (const e of allElements(readStructure(doc))) for (const c of e.content) owners.set(`${c.page}:${c.mcid}`, (owners.get(`${c.page}:${c.mcid}`) ?? 0) + 1);
  doc.getPages().forEach((page, p) => {
    const { shows, mcids, balanced } = scanContent(pageContent(page));
    if (!balanced) problems.push(`page ${p + 1} : BDC/EMC non équilibrés`);
    shows.forEach((s, i) => {
      const ok = s.marks.some((m) => m.tag === 'Artifact') || s.marks.some((m) => m.mcid !== undefined);
      if (!ok) problems.push(`page ${p + 1} : opérateur ${s.operator} n° ${i + 1} hors contenu marqué`);
    });
    for (const mcid of mcids) {
      const count = owners.get(`${p}:${mcid}`) ?? 0;
      if (count !== 1) problems.push(`page ${p + 1} : MCID ${mcid} référencé par ${count} éléments de structure`);
    }
    if (new Set(mcids).size !== mcids.length) problems.push(`page ${p + 1} : MCID en double`);
  });
  return problems;
}
