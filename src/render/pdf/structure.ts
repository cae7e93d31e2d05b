import { PDFArray, PDFDict, PDFName, PDFNumber, PDFObject, type PDFContext, type PDFDocument, type PDFPage, type PDFRef } from 'pdf-lib';
import type { StructNode } from './layout-types.js';
import { RawObject } from './raw-object.js';

/**
 * The logical structure of a tagged PDF, written with pdf-lib's low-level objects (pdf-lib
 * has no API for it; ISO 32000-1, 14.7–14.8): structure elements, the parent tree (a number
 * tree from each page's /StructParents, and each annotation's /StructParent, to the elements
 * owning its marked content), /MarkInfo and the StructTreeRoot.
 */

/** A page and the structure node of each of its MCIDs (from `contentOf`). */
export interface PageMarks {
  readonly page: PDFPage;
  readonly marks: readonly StructNode[];
}

/** An annotation (a signature widget, a link) owned by a structure element through an /OBJR. */
export interface OwnedAnnotation {
  readonly node: StructNode;
  readonly annotation: PDFRef;
  readonly page: PDFPage;
}

const N = {
  Type: PDFName.of('Type'),
  StructElem: PDFName.of('StructElem'),
  S: PDFName.of('S'),
  P: PDFName.of('P'),
  Pg: PDFName.of('Pg'),
  K: PDFName.of('K'),
  A: PDFName.of('A'),
  MCR: PDFName.of('MCR'),
  MCID: PDFName.of('MCID'),
  OBJR: PDFName.of('OBJR'),
  Obj: PDFName.of('Obj'),
  StructParents: PDFName.of('StructParents'),
  StructParent: PDFName.of('StructParent'),
  Tabs: PDFName.of('Tabs'),
  Nums: PDFName.of('Nums'),
} as const;

/** Content of a node: where each of its marked-content sequences is. */
interface ContentRef {
  readonly page: number;
  readonly mcid: number;
}

/**
 * Writes the structure tree of `root` (a /Document node) for pages drawn by `contentOf`, and
 * the annotations owned by nodes (/Form for signature widgets, /Link for links), then the
 * StructTreeRoot. Returns the reference of the /Document element, or undefined when nothing
 * is tagged.
 */
export function writeStructure(pdf: PDFDocument, root: StructNode, pages: readonly PageMarks[], annotations: readonly OwnedAnnotation[] = []): PDFRef | undefined {
  const treeRoot = pdf.context.nextRef();
  const built = structureElements(pdf, root, pages, annotations, treeRoot, 0, true);
  if (built === undefined) return undefined;
  finishStructure(pdf, treeRoot, [built.ref], built.nums, built.nextKey);
  return built.ref;
}

/** Elements written by {@link structureElements}: the root element and its parent-tree entries. */
export interface BuiltStructure {
  readonly ref: PDFRef;
  /** Parent-tree entries (key, value, key, value…) from `firstKey`. */
  readonly nums: readonly PDFObject[];
  readonly nextKey: number;
}

/**
 * The structure elements of `root` and its descendants, children of `parent`. Pages get
 * /StructParents from `firstKey` on and /Tabs /S; owned annotations get /StructParent keys
 * after the pages'. Nodes without content, annotation or kept child are left out (an empty
 * paragraph is not announced). `raw`: elements written as serialised text (fast, but opaque to
 * pdf-lib: not for a document that is garbage-collected or edited afterwards).
 */
export function structureElements(
  pdf: PDFDocument,
  root: StructNode,
  pages: readonly PageMarks[],
  annotations: readonly OwnedAnnotation[],
  parent: PDFRef,
  firstKey: number,
  raw = false,
): BuiltStructure | undefined {
  const { context } = pdf;
  const content = new Map<StructNode, ContentRef[]>();
  pages.forEach((p, page) => {
    p.marks.forEach((node, mcid) => {
      let list = content.get(node);
      if (list === undefined) content.set(node, (list = []));
      list.push({ page, mcid });
    });
  });
  const owned = new Map<StructNode, OwnedAnnotation[]>();
  for (const a of annotations) {
    let list = owned.get(a.node);
    if (list === undefined) owned.set(a.node, (list = []));
    list.push(a);
  }

  // Which nodes are written, and their references (allocated before the dictionaries: parents
  // and children refer to each other).
  const refs = new Map<StructNode, PDFRef>();
  const keep = (node: StructNode): boolean => {
    let kept = content.has(node) || owned.has(node);
    for (const child of node.children) if (keep(child)) kept = true;
    if (kept) refs.set(node, context.nextRef());
    return kept;
  };
  if (!keep(root)) return undefined;

  const writeRaw = (node: StructNode, parentRef: PDFRef): void => {
    const ref = refs.get(node) as PDFRef;
    const mine = content.get(node);
    const first = mine?.[0];
    let text = `<<\n/Type /StructElem\n/S /${node.role}\n/P ${parentRef.toString()}`;
    if (first !== undefined) text += `\n/Pg ${(pages[first.page] as PageMarks).page.ref.toString()}`;
    const kids: string[] = [];
    for (const c of mine ?? []) {
      kids.push(c.page === first?.page ? String(c.mcid) : `<<\n/Type /MCR\n/Pg ${(pages[c.page] as PageMarks).page.ref.toString()}\n/MCID ${c.mcid}\n>>`);
    }
    for (const child of node.children) {
      const childRef = refs.get(child);
      if (childRef === undefined) continue;
      kids.push(childRef.toString());
      writeRaw(child, ref);
    }
    for (const a of owned.get(node) ?? []) kids.push(`<<\n/Type /OBJR\n/Obj ${a.annotation.toString()}\n/Pg ${a.page.ref.toString()}\n>>`);
    text += kids.length === 1 && first !== undefined && mine?.length === 1 ? `\n/K ${kids[0] ?? ''}` : `\n/K [ ${kids.join(' ')} ]`;
    if (node.scope !== undefined) text += `\n/A <<\n/O /Table\n/Scope /${node.scope}\n>>`;
    if (node.numbering !== undefined) text += `\n/A <<\n/O /List\n/ListNumbering /${node.numbering}\n>>`;
    context.assign(ref, new RawObject(`${text}\n>>`));
  };

  const write = (node: StructNode, parentRef: PDFRef): void => {
    const ref = refs.get(node) as PDFRef;
    const dict = context.obj({}) as PDFDict;
    dict.set(N.Type, N.StructElem);
    dict.set(N.S, PDFName.of(node.role));
    dict.set(N.P, parentRef);
    const kids: PDFObject[] = [];
    const mine = content.get(node);
    const first = mine?.[0];
    if (first !== undefined) dict.set(N.Pg, (pages[first.page] as PageMarks).page.ref);
    for (const c of mine ?? []) {
      if (c.page === first?.page) {
        kids.push(PDFNumber.of(c.mcid));
      } else {
        const mcr = context.obj({}) as PDFDict;
        mcr.set(N.Type, N.MCR);
        mcr.set(N.Pg, (pages[c.page] as PageMarks).page.ref);
        mcr.set(N.MCID, PDFNumber.of(c.mcid));
        kids.push(mcr);
      }
    }
    for (const child of node.children) {
      const childRef = refs.get(child);
      if (childRef === undefined) continue;
      kids.push(childRef);
      write(child, ref);
    }
    for (const a of owned.get(node) ?? []) {
      const objr = context.obj({}) as PDFDict;
      objr.set(N.Type, N.OBJR);
      objr.set(N.Obj, a.annotation);
      objr.set(N.Pg, a.page.ref);
      kids.push(objr);
    }
    dict.set(N.K, kids.length === 1 && kids[0] instanceof PDFNumber ? kids[0] : context.obj(kids));
    if (node.scope !== undefined) dict.set(N.A, context.obj({ O: 'Table', Scope: node.scope }));
    if (node.numbering !== undefined) dict.set(N.A, context.obj({ O: 'List', ListNumbering: node.numbering }));
    context.assign(ref, dict);
  };
  if (raw) writeRaw(root, parent);
  else write(root, parent);

  // Parent tree: key → the elements of a page's MCIDs; then one key per owned annotation.
  const nums: PDFObject[] = [];
  let key = firstKey;
  for (const p of pages) {
    p.page.node.set(N.StructParents, PDFNumber.of(key));
    p.page.node.set(N.Tabs, PDFName.of('S'));
    const owners = p.marks.map((node) => refs.get(node) as PDFRef);
    nums.push(PDFNumber.of(key), raw ? new RawObject(`[ ${owners.join(' ')} ]`) : context.obj(owners));
    key++;
  }
  for (const a of annotations) {
    const ref = refs.get(a.node);
    if (ref === undefined) continue;
    context.lookup(a.annotation, PDFDict).set(N.StructParent, PDFNumber.of(key));
    nums.push(PDFNumber.of(key), ref);
    key++;
  }
  return { ref: refs.get(root) as PDFRef, nums, nextKey: key };
}

/**
 * The StructTreeRoot (at `treeRoot`, the /P of `kids`), its parent tree as one flat /Nums array, and the
 * catalogue entries of a tagged document: /MarkInfo << /Marked true >>, /StructTreeRoot.
 */
export function finishStructure(pdf: PDFDocument, treeRoot: PDFRef, kids: readonly PDFRef[], nums: readonly PDFObject[], nextKey: number): void {
  const { context, catalog } = pdf;
  context.assign(
    treeRoot,
    context.obj({
      Type: 'StructTreeRoot',
      K: kids.length === 1 ? kids[0] : [...kids],
      ParentTree: context.register(context.obj({ Nums: [...nums] })),
      ParentTreeNextKey: nextKey,
    }),
  );
  catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
  catalog.set(PDFName.of('StructTreeRoot'), treeRoot);
}

/** Whether a document is tagged: /MarkInfo /Marked true and a structure tree. */
export function isTagged(pdf: PDFDocument): boolean {
  const mark = pdf.catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict);
  return mark?.get(PDFName.of('Marked'))?.toString() === 'true' && pdf.catalog.get(PDFName.of('StructTreeRoot')) !== undefined;
}

/** Entries of a number tree (flat /Nums or /Kids), as key → value. */
export function numberTree(context: PDFContext, tree: PDFDict | undefined): Map<number, PDFObject> {
  const out = new Map<number, PDFObject>();
  const visit = (node: PDFDict | undefined): void => {
    if (node === undefined) return;
    const nums = node.lookupMaybe(N.Nums, PDFArray);
    if (nums !== undefined) {
      for (let i = 0; i + 1 < nums.size(); i += 2) {
        const k = nums.lookup(i);
        if (k instanceof PDFNumber) out.set(k.asNumber(), nums.get(i + 1));
      }
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    if (kids !== undefined) for (let i = 0; i < kids.size(); i++) visit(kids.lookupMaybe(i, PDFDict));
  };
  visit(tree);
  void context;
  return out;
}
