/**
 * Accepts or rejects every tracked change of a .docx (`w:ins`, `w:del`, tracked paragraph
 * marks), as Word's « Accepter / Refuser toutes les modifications » does for the constructs
 * convkit's redlines use. Used to check redlines: accepting all must give the new document's
 * text, rejecting all the old one's.
 */
import { unzipSync, zipSync } from 'fflate';

type Mode = 'accept' | 'reject';

const PARAGRAPH = /<w:p\b[^>]*?(?:\/>|>[\s\S]*?<\/w:p>)/g;

/** The document.xml with every change resolved. */
export function resolveRevisionsXml(xml: string, mode: Mode): string {
  const drop = mode === 'accept' ? 'del' : 'ins';
  const keep = mode === 'accept' ? 'ins' : 'del';
  // A paragraph whose mark is tracked as the dropped kind disappears with its (tracked) text.
  let out = xml.replace(PARAGRAPH, (p) => (new RegExp(`<w:pPr>(?:(?!</w:pPr>)[\\s\\S])*<w:rPr><w:${drop}\\b`).test(p) ? '' : p));
  // Tracked paragraph marks of the kept kind become ordinary marks.
  out = out.replace(new RegExp(`<w:rPr><w:${keep}\\b[^>]*/></w:rPr>`, 'g'), '');
  out = out.replace(new RegExp(`<w:${drop}\\b[^>]*>[\\s\\S]*?</w:${drop}>`, 'g'), '');
  out = out.replace(new RegExp(`<w:${keep}\\b[^>]*>([\\s\\S]*?)</w:${keep}>`, 'g'), '$1');
  if (mode === 'reject') out = out.replace(/<w:delText\b([^>]*)>([\s\S]*?)<\/w:delText>/g, '<w:t$1>$2</w:t>');
  return out;
}

/** A .docx with every change accepted or rejected. */
export function resolveRevisions(docx: Uint8Array, mode: Mode): Uint8Array {
  const files = unzipSync(docx);
  const part = files['word/document.xml'];
  if (!part) throw new Error('word/document.xml absent');
  files['word/document.xml'] = new TextEncoder().encode(resolveRevisionsXml(new TextDecoder().decode(part), mode));
  return zipSync(files);
}

/** Counts the tracked changes of a document.xml, and checks their ids are unique. */
export function revisionStats(xml: string): { ins: number; del: number; uniqueIds: boolean; authors: string[]; dates: string[] } {
  const marks = [...xml.matchAll(/<w:(ins|del)\b([^>]*)>/g)];
  const ids = marks.map((m) => /w:id="(\d+)"/.exec(m[2] ?? '')?.[1]);
  return {
    ins: marks.filter((m) => m[1] === 'ins').length,
    del: marks.filter((m) => m[1] === 'del').length,
    uniqueIds: new Set(ids).size === ids.length && ids.every((i) => i !== undefined),
    authors: [...new Set(marks.map((m) => /w:author="([^"]*)"/.exec(m[2] ?? '')?.[1] ?? ''))],
    dates: [...new Set(marks.map((m) => /w:date="([^"]*)"/.exec(m[2] ?? '')?.[1] ?? ''))],
  };
}
