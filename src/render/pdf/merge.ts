import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNull, PDFNumber, PDFObjectCopier, PDFRawStream, PDFRef, PDFString, decodePDFRawStream, type PDFDocument, type PDFObject, type PDFPage } from 'pdf-lib';
import { applyArchivalMetadata } from './archival.js';
import { collectGarbage, dedupeFonts } from './dedupe.js';
import { drawPage, overlayPage } from './draw.js';
import { FaceSet } from './font-embed.js';
import { printable, textWidth } from './fonts.js';
import { itemsOf } from './inline.js';
import { structNode, type DrawOp, type Flowable, type StructNode, type TextOp, type Unit } from './layout-types.js';
import { setLines } from './linebreak.js';
import { lineUnits } from './lines.js';
import { addOutline } from './outline.js';
import { paginate } from './paginate.js';
import { appendPage, createPdf, flateStream, hashHex, hexText, loadPdf, savePdf, setDocumentId } from './pdf-document.js';
import { BLACK, BODY, FOOTER, GREY, HEADING_1, PAGE, RULE_GREY, TEXT_WIDTH, baselineOffset } from './style.js';
import { footerNumber } from './decorations.js';
import { finishStructure, isTagged, numberTree, structureElements, type OwnedAnnotation, type PageMarks } from './structure.js';

/** One document of a dossier. */
export interface DossierPart {
  readonly title: string;
  readonly pdf: Uint8Array;
}

/** Metadata and contents-page title of a dossier. */
export interface DossierOptions {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  /** ISO date (YYYY-MM-DD) for the metadata: never the clock. */
  readonly date: string;
  /** Heading of the contents page: « Sommaire ». */
  readonly tocTitle: string;
}

/** Room kept at the right of a contents entry for its page number. */
const NUMBER_COLUMN = 40;

function entryFlowable(title: string, page: number, link: StructNode | undefined): Flowable {
  const tag = link === undefined ? {} : { tag: link };
  const measure = TEXT_WIDTH - NUMBER_COLUMN;
  const lines = setLines(itemsOf([{ text: title }], { size: BODY.size }), measure, BODY.size, 'left');
  const baseline = baselineOffset(BODY);
  const units: Unit[] = lines.map((line, i) => {
    const ops: DrawOp[] = line.pieces.length
      ? [{ op: 'text', x: PAGE.marginLeft, y: baseline, size: BODY.size, color: BLACK, pieces: line.pieces, ...tag }]
      : [];
    if (i === lines.length - 1) {
      const label = String(page);
      const w = textWidth('regular', label, BODY.size);
      const right = PAGE.marginLeft + TEXT_WIDTH;
      const leaderFrom = PAGE.marginLeft + line.width + 6;
      const leaderTo = right - w - 6;
      if (leaderTo > leaderFrom) {
        ops.push({ op: 'rule', x1: leaderFrom, y1: baseline - 1, x2: leaderTo, y2: baseline - 1, width: 0.9, color: RULE_GREY, dash: [0, 3] });
      }
      ops.push({ op: 'text', x: right - w, y: baseline, size: BODY.size, color: BLACK, pieces: [{ dx: 0, face: 'regular', text: label, spaceExtra: 0 }], ...tag });
    }
    return { height: BODY.leading, ops };
  });
  return { units, spaceBefore: 0, spaceAfter: 8, keepWithNext: false, minSplit: 0, newPage: false };
}

/** The contents pages, laid out, with their structure: a Document with the H1 and a TOC. */
interface ContentsLayout {
  readonly pages: (readonly DrawOp[])[];
  readonly structure: StructNode;
  /** The /Link node of each part's entry. */
  readonly links: readonly StructNode[];
}

/** The contents pages: the title, then one entry per part (TOCI > Link) with its first page number. */
function contentsPages(tocTitle: string, parts: readonly DossierPart[], starts: readonly number[]): ContentsLayout {
  const structure = structNode('Document');
  const heading: Flowable = {
    units: lineUnits({ runs: [{ text: tocTitle }], style: HEADING_1, x: PAGE.marginLeft, measure: TEXT_WIDTH, align: 'center', bold: true, tag: structNode('H1', structure) }),
    spaceBefore: 0,
    spaceAfter: 24,
    keepWithNext: true,
    minSplit: 0,
    newPage: false,
  };
  const toc = structNode('TOC', structure);
  const links = parts.map(() => structNode('Link', structNode('TOCI', toc)));
  const laid = paginate([heading, ...parts.map((p, i) => entryFlowable(p.title, starts[i] ?? 0, links[i]))]);
  return { pages: laid.pages.map((p) => p.ops), structure, links };
}

/**
 * The « page X / Y » of the dossier: centred in the footer, where the part's own number was
 * (removed by {@link removeOwnFooter}); on a page whose footer could not be removed (a PDF
 * from elsewhere), at the bottom right, below it.
 */
function dossierNumber(page: PDFPage, n: number, total: number, centred: boolean): DrawOp {
  if (!centred) {
    const text = printable(`page ${n} / ${total}`);
    const box = page.getMediaBox();
    const w = textWidth('regular', text, FOOTER.size);
    return {
      op: 'text',
      x: box.width - PAGE.marginRight - w,
      y: box.height - 20,
      size: FOOTER.size,
      color: GREY,
      pieces: [{ dx: 0, face: 'regular', text, spaceExtra: 0 }],
      artifact: 'Footer',
    };
  }
  const op = footerNumber(n, total);
  // A page of another size (a scanned part): the same distance from its bottom edge.
  const box = page.getMediaBox();
  if (op.op !== 'text' || (box.width === PAGE.width && box.height === PAGE.height)) return op;
  const dy = box.height - PAGE.height;
  const dx = (box.width - PAGE.width) / 2;
  return { ...op, x: op.x + dx, y: op.y + dy };
}

/** The marked-content sequence of the renderer's footer (decorations.ts, draw.ts). */
const FOOTER_MARK = new TextEncoder().encode('/Artifact <</Type /Pagination /Subtype /Footer>> BDC');
const EMC = new TextEncoder().encode('EMC');

function indexOf(bytes: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0];
  outer: for (let i = bytes.indexOf(first as number, from); i >= 0 && i + needle.length <= bytes.length; i = bytes.indexOf(first as number, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/**
 * Removes a page's own « page X / Y » (the renderer's /Footer artifact, found in the page's
 * content streams) so that the dossier's number is the only one. Returns whether one was
 * found. The page gets new content streams; nothing else changes.
 */
function removeOwnFooter(out: PDFDocument, page: PDFPage): boolean {
  const { context } = out;
  const contents = page.node.get(PDFName.of('Contents'));
  const list = contents instanceof PDFRef && context.lookup(contents) instanceof PDFArray ? context.lookup(contents, PDFArray) : contents instanceof PDFArray ? contents : undefined;
  const refs: PDFRef[] = [];
  if (list !== undefined) {
    for (let i = 0; i < list.size(); i++) {
      const r = list.get(i);
      if (r instanceof PDFRef) refs.push(r);
    }
  } else if (contents instanceof PDFRef) {
    refs.push(contents);
  }
  let removed = false;
  const replaced = refs.map((ref) => {
    const stream = context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) return ref;
    const bytes = decodePDFRawStream(stream).decode();
    const start = indexOf(bytes, FOOTER_MARK, 0);
    if (start < 0) return ref;
    const end = indexOf(bytes, EMC, start + FOOTER_MARK.length);
    if (end < 0) return ref;
    removed = true;
    const kept = new Uint8Array(bytes.length - (end + EMC.length - start));
    kept.set(bytes.subarray(0, start), 0);
    kept.set(bytes.subarray(end + EMC.length), start);
    return context.register(flateStream(context, kept));
  });
  if (removed) page.node.set(PDFName.of('Contents'), replaced.length === 1 ? (replaced[0] as PDFRef) : context.obj(replaced));
  return removed;
}

/** The rectangle (PDF user space) covering a contents entry's text on its page. */
function linkRect(ops: readonly DrawOp[], link: StructNode): number[] | undefined {
  const texts = ops.filter((op): op is TextOp => op.op === 'text' && op.tag === link);
  if (texts.length === 0) return undefined;
  const top = Math.min(...texts.map((t) => t.y - t.size));
  const bottom = Math.max(...texts.map((t) => t.y + t.size * 0.3));
  const r = (v: number): number => Math.round(v * 100) / 100;
  return [r(PAGE.marginLeft), r(PAGE.height - bottom), r(PAGE.marginLeft + TEXT_WIDTH), r(PAGE.height - top)];
}

/**
 * Lists the form fields of copied pages in the dossier's AcroForm. Fields keep their names
 * unless one is already taken (« signature_grand-dijon » signs every convention): then
 * « _2 », « _3 »… are added, in dossier order.
 */
function adoptFields(out: PDFDocument, pages: readonly PDFPage[]): void {
  const { context, catalog } = out;
  const roots: PDFRef[] = [];
  for (const page of pages) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    if (annots === undefined) continue;
    for (let i = 0; i < annots.size(); i++) {
      const entry = annots.get(i);
      if (!(entry instanceof PDFRef)) continue;
      let ref: PDFRef = entry;
      let dict = context.lookupMaybe(ref, PDFDict);
      if (dict === undefined || (dict.get(PDFName.of('FT')) === undefined && dict.get(PDFName.of('Parent')) === undefined)) continue;
      for (let parent = dict.get(PDFName.of('Parent')); parent instanceof PDFRef; parent = dict.get(PDFName.of('Parent'))) {
        const p = context.lookupMaybe(parent, PDFDict);
        if (p === undefined) break;
        ref = parent;
        dict = p;
      }
      const root = ref;
      if (!roots.includes(root)) roots.push(root);
    }
  }
  if (roots.length === 0) return;
  const taken = new Set<string>();
  for (const ref of roots) {
    const dict = context.lookup(ref, PDFDict);
    const t = dict.lookupMaybe(PDFName.of('T'), PDFString, PDFHexString);
    const base = t?.decodeText() ?? 'champ';
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
    taken.add(name);
    if (name !== base || t === undefined) dict.set(PDFName.of('T'), PDFString.of(name));
  }
  catalog.set(PDFName.of('AcroForm'), context.register(context.obj({ Fields: roots })));
}

/**
 * Assembles a dossier: a contents page first (one entry per part, with the page where it
 * starts), then every part; « page X / Y » stamped at the bottom right of every page, the
 * contents included; one bookmark per part; the parts' signature fields kept (renamed when
 * a name repeats); PDF/A-2b-minded metadata from `options`. Fonts that several parts share
 * byte for byte (the renderer's shared subsets) are kept once.
 *
 * Returns the PDF and, for each part, the 1-based number of its first page in the dossier.
 */
export async function mergePdfs(
  parts: readonly DossierPart[],
  options: DossierOptions,
): Promise<{ pdf: Uint8Array; pages: number[] }> {
  const sources = await Promise.all(parts.map((p) => loadPdf(p.pdf)));
  const counts = sources.map((s) => s.getPageCount());
  // The number of contents pages depends on the titles only: lay out once to count them.
  const tocCount = contentsPages(options.tocTitle, parts, counts.map(() => 0)).pages.length;
  const starts: number[] = [];
  let next = tocCount + 1;
  for (const c of counts) {
    starts.push(next);
    next += c;
  }
  const total = next - 1;

  const out = await createPdf();
  const faces = new FaceSet(out, 'repertoire');
  const pages: PDFPage[] = [];
  const contents = contentsPages(options.tocTitle, parts, starts);
  const contentsMarks: PageMarks[] = [];
  for (const ops of contents.pages) {
    const page = appendPage(out, PAGE.width, PAGE.height);
    contentsMarks.push({ page, marks: drawPage(out, page, ops, faces).marks });
    pages.push(page);
  }
  const firstPages: PDFPage[] = [];
  const copiedAll: PDFPage[] = [];
  const copiedBySource: PDFPage[][] = [];
  for (const src of sources) {
    const copied = await out.copyPages(src, src.getPageIndices());
    copied.forEach((p, i) => {
      out.addPage(p);
      if (i === 0) firstPages.push(p);
    });
    pages.push(...copied);
    copiedAll.push(...copied);
    copiedBySource.push(copied);
  }

  // The contents entries link to the parts' first pages.
  const links: OwnedAnnotation[] = [];
  contents.links.forEach((link, i) => {
    const target = firstPages[i];
    const at = contents.pages.findIndex((ops) => ops.some((op) => op.op === 'text' && op.tag === link));
    const page = pages[at];
    const rect = at < 0 ? undefined : linkRect(contents.pages[at] ?? [], link);
    if (target === undefined || page === undefined || rect === undefined) return;
    const box = target.getMediaBox();
    const annotation = out.context.register(
      out.context.obj({
        Type: 'Annot',
        Subtype: 'Link',
        Rect: rect,
        Border: [0, 0, 0],
        F: 4,
        Dest: [target.ref, PDFName.of('XYZ'), PDFNull, PDFNumber.of(box.y + box.height), PDFNull],
        Contents: hexText(`${parts[i]?.title ?? ''}, page ${starts[i] ?? ''}`),
        P: page.ref,
      }),
    );
    page.node.addAnnot(annotation);
    links.push({ node: link, annotation, page });
  });

  // One page number per page: the parts' own footers give way to the dossier's numbering.
  const ownRemoved = new Set(copiedAll.filter((page) => removeOwnFooter(out, page)));
  pages.forEach((page, i) => overlayPage(out, page, [dossierNumber(page, i + 1, total, i < contents.pages.length || ownRemoved.has(page))], faces));
  await faces.write();
  // Every convention brings the same shared font subsets, and so do the contents page and the
  // page numbers: keep one copy of each.
  dedupeFonts(out.context, pages);
  adoptFields(out, copiedAll);
  addOutline(
    out,
    parts.map((p, i) => {
      const page = firstPages[i] as PDFPage;
      return { title: p.title, page: page.ref, top: page.getMediaBox().y + page.getMediaBox().height };
    }),
  );

  // One structure tree: the contents (a Document with its TOC), then each part's own tree.
  const tagged = sources.every(isTagged);
  if (tagged) {
    const treeRoot = out.context.nextRef();
    const own = structureElements(out, contents.structure, contentsMarks, links, treeRoot, 0);
    const kids: PDFRef[] = own === undefined ? [] : [own.ref];
    const nums: PDFObject[] = own === undefined ? [] : [...own.nums];
    let key = own?.nextKey ?? 0;
    sources.forEach((src, s) => {
      const adopted = adoptStructure(out, src, copiedBySource[s] ?? [], treeRoot, key);
      kids.push(...adopted.kids);
      nums.push(...adopted.nums);
      key = adopted.nextKey;
    });
    finishStructure(out, treeRoot, kids, nums, key);
  }

  const hash = hashHex('convkit-dossier/2', JSON.stringify(options), ...parts.flatMap((p) => [p.title, p.pdf]));
  applyArchivalMetadata(out, { ...options, language: 'fr-FR', documentId: hash, tagged });
  setDocumentId(out, hash);
  collectGarbage(out.context);
  return { pdf: await savePdf(out), pages: starts };
}

/**
 * Copies a part's structure tree into the dossier: its top elements become children of the
 * dossier's StructTreeRoot, page references point at the copied pages, OBJRs at the copied
 * annotations (whose /P is set to the copied page), and the part's parent-tree entries are
 * renumbered from `firstKey` (pages' /StructParents, annotations' /StructParent).
 */
function adoptStructure(
  out: PDFDocument,
  src: PDFDocument,
  copied: readonly PDFPage[],
  treeRoot: PDFRef,
  firstKey: number,
): { kids: PDFRef[]; nums: PDFObject[]; nextKey: number } {
  const { context } = out;
  const copier = PDFObjectCopier.for(src.context, context);
  const K = PDFName.of('K');
  const Pg = PDFName.of('Pg');
  const Obj = PDFName.of('Obj');
  const P = PDFName.of('P');
  const pageMap = new Map<string, PDFPage>();
  const annotMap = new Map<string, PDFRef>();
  src.getPages().forEach((page, i) => {
    const to = copied[i];
    if (to === undefined) return;
    pageMap.set(page.ref.toString(), to);
    const a = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    const b = to.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    if (a === undefined || b === undefined) return;
    for (let j = 0; j < a.size(); j++) {
      const from = a.get(j);
      const into = b.get(j);
      if (from instanceof PDFRef && into instanceof PDFRef) {
        annotMap.set(from.toString(), into);
        // The widget's page is the copied page (the copier made it point at a stray copy).
        context.lookupMaybe(into, PDFDict)?.set(P, to.ref);
      }
    }
  });
  const pageRef = (v: PDFObject | undefined): PDFRef | undefined => (v instanceof PDFRef ? pageMap.get(v.toString())?.ref : undefined);

  const elements = new Map<string, PDFRef>();
  const copyKid = (kid: PDFObject, parent: PDFRef): PDFObject | undefined => {
    if (kid instanceof PDFNumber) return kid;
    const dict = kid instanceof PDFRef ? src.context.lookup(kid) : kid;
    if (!(dict instanceof PDFDict)) return undefined;
    const type = dict.lookupMaybe(PDFName.of('Type'), PDFName)?.decodeText();
    if (type === 'MCR' || type === 'OBJR') {
      const copy = context.obj({}) as PDFDict;
      for (const [key, value] of dict.entries()) {
        if (key === Pg) {
          const ref = pageRef(value);
          if (ref !== undefined) copy.set(Pg, ref);
        } else if (key === Obj) {
          const ref = value instanceof PDFRef ? annotMap.get(value.toString()) : undefined;
          if (ref === undefined) return undefined;
          copy.set(Obj, ref);
        } else {
          copy.set(key, copier.copy(value));
        }
      }
      return copy;
    }
    return kid instanceof PDFRef ? copyElement(kid, parent) : undefined;
  };
  const copyElement = (ref: PDFRef, parent: PDFRef): PDFRef | undefined => {
    const dict = src.context.lookupMaybe(ref, PDFDict);
    if (dict === undefined) return undefined;
    const to = context.nextRef();
    elements.set(ref.toString(), to);
    const copy = context.obj({}) as PDFDict;
    for (const [key, value] of dict.entries()) {
      if (key === P) {
        copy.set(P, parent);
      } else if (key === Pg) {
        const page = pageRef(value);
        if (page !== undefined) copy.set(Pg, page);
      } else if (key === K) {
        const k = value instanceof PDFRef && !(src.context.lookup(value) instanceof PDFDict) ? src.context.lookup(value) : value;
        if (k instanceof PDFArray) {
          const kids: PDFObject[] = [];
          for (let i = 0; i < k.size(); i++) {
            const c = copyKid(k.get(i), to);
            if (c !== undefined) kids.push(c);
          }
          copy.set(K, context.obj(kids));
        } else if (k !== undefined) {
          const c = copyKid(k, to);
          if (c !== undefined) copy.set(K, c);
        }
      } else {
        copy.set(key, copier.copy(value));
      }
    }
    context.assign(to, copy);
    return to;
  };

  const root = src.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  const kids: PDFRef[] = [];
  const top = root?.get(K);
  const tops = top instanceof PDFRef && src.context.lookup(top) instanceof PDFArray ? src.context.lookup(top) : top;
  const topRefs: PDFObject[] = [];
  if (tops instanceof PDFArray) for (let i = 0; i < tops.size(); i++) topRefs.push(tops.get(i));
  else if (tops !== undefined) topRefs.push(tops);
  for (const t of topRefs) {
    if (!(t instanceof PDFRef)) continue;
    const ref = copyElement(t, treeRoot);
    if (ref !== undefined) kids.push(ref);
  }

  const parentTree = numberTree(src.context, root?.lookupMaybe(PDFName.of('ParentTree'), PDFDict));
  const mapped = (v: PDFObject | undefined): PDFObject => {
    const value = v instanceof PDFRef && src.context.lookup(v) instanceof PDFArray ? src.context.lookup(v) : v;
    if (value instanceof PDFArray) {
      const items: PDFObject[] = [];
      for (let i = 0; i < value.size(); i++) {
        const item = value.get(i);
        items.push((item instanceof PDFRef ? elements.get(item.toString()) : undefined) ?? PDFNull);
      }
      return context.obj(items);
    }
    return (value instanceof PDFRef ? elements.get(value.toString()) : undefined) ?? PDFNull;
  };
  const nums: PDFObject[] = [];
  let key = firstKey;
  src.getPages().forEach((page, i) => {
    const to = copied[i];
    if (to === undefined) return;
    const old = page.node.get(PDFName.of('StructParents'));
    if (old instanceof PDFNumber) {
      to.node.set(PDFName.of('StructParents'), PDFNumber.of(key));
      nums.push(PDFNumber.of(key), mapped(parentTree.get(old.asNumber())));
      key++;
    }
    const annots = to.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    for (let j = 0; j < (annots?.size() ?? 0); j++) {
      const annot = annots?.lookupMaybe(j, PDFDict);
      const sp = annot?.get(PDFName.of('StructParent'));
      if (annot === undefined || !(sp instanceof PDFNumber)) continue;
      annot.set(PDFName.of('StructParent'), PDFNumber.of(key));
      nums.push(PDFNumber.of(key), mapped(parentTree.get(sp.asNumber())));
      key++;
    }
  });
  return { kids, nums, nextKey: key };
}
