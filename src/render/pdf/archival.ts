import { PDFName, PDFString, type PDFDocument } from 'pdf-lib';
import { ConvkitError } from '../../errors.js';
import { ICC_FILE, assetBytes } from './assets.js';
import { compressedOnce } from './pdf-document.js';

/** Creator and producer written in the Info dictionary and XMP. */
export const CREATOR = 'convkit';
export const PRODUCER = 'convkit (pdf-lib 1.17.1)';

/** What the Info dictionary and the XMP packet say about a document. */
export interface ArchivalMeta {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  readonly keywords?: readonly string[];
  /** BCP 47 language tag, « fr-FR ». */
  readonly language: string;
  /** ISO date (YYYY-MM-DD): creation and modification date, taken from the data. */
  readonly date: string;
  /** Stable document id (hex), for xmpMM:DocumentID. */
  readonly documentId: string;
  /**
   * The file is tagged (structure tree, every content marked): the XMP claims PDF/A-2a and
   * PDF/UA-1 instead of PDF/A-2b.
   */
  readonly tagged?: boolean;
}

/**
 * The PDF/A extension schema that declares pdfuaid (PDF/A-2 only knows the schemas it lists:
 * any other property in the XMP must be described by one).
 */
const PDFUA_EXTENSION = [
  '  <rdf:Description rdf:about=""',
  '    xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"',
  '    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"',
  '    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">',
  '   <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">',
  '    <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>',
  '    <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>',
  '    <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>',
  '    <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">',
  '     <pdfaProperty:name>part</pdfaProperty:name>',
  '     <pdfaProperty:valueType>Integer</pdfaProperty:valueType>',
  '     <pdfaProperty:category>internal</pdfaProperty:category>',
  '     <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>',
  '    </rdf:li></rdf:Seq></pdfaSchema:property>',
  '   </rdf:li></rdf:Bag></pdfaExtension:schemas>',
  '  </rdf:Description>',
];

/** `meta.date` as a UTC midnight; a ConvkitError when it is not a real AAAA-MM-JJ date. */
export function isoDate(date: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !d || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3])) {
    throw new ConvkitError(`PDF : date du document invalide, AAAA-MM-JJ attendu : « ${date} »`);
  }
  return d;
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function uuidOf(hex: string): string {
  const h = hex.padEnd(32, '0');
  return `uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Keywords as one string, identical in Info /Keywords and XMP pdf:Keywords. */
function keywordString(meta: ArchivalMeta): string {
  return (meta.keywords ?? []).join('; ');
}

/**
 * The XMP packet: Dublin Core title, creator, description, language and subject, XMP dates
 * and creator tool, PDF producer and keywords, and the PDF/A-2b identification. Every value
 * equals its Info dictionary counterpart, as PDF/A requires. Deterministic: no clock, no
 * random instance id.
 */
export function xmpPacket(meta: ArchivalMeta): string {
  const date = `${meta.date}T00:00:00Z`;
  const keywords = meta.keywords ?? [];
  const id = uuidOf(meta.documentId);
  const lines = [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '  <rdf:Description rdf:about=""',
    '    xmlns:dc="http://purl.org/dc/elements/1.1/"',
    '    xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    '    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"',
    '    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    '    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">',
    '   <dc:format>application/pdf</dc:format>',
    `   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(meta.title)}</rdf:li></rdf:Alt></dc:title>`,
    `   <dc:creator><rdf:Seq><rdf:li>${xml(meta.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(meta.subject)}</rdf:li></rdf:Alt></dc:description>`,
    `   <dc:language><rdf:Bag><rdf:li>${xml(meta.language)}</rdf:li></rdf:Bag></dc:language>`,
    ...(keywords.length > 0
      ? [`   <dc:subject><rdf:Bag>${keywords.map((k) => `<rdf:li>${xml(k)}</rdf:li>`).join('')}</rdf:Bag></dc:subject>`]
      : []),
    `   <xmp:CreateDate>${date}</xmp:CreateDate>`,
    `   <xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `   <xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    `   <xmp:CreatorTool>${xml(CREATOR)}</xmp:CreatorTool>`,
    `   <xmpMM:DocumentID>${id}</xmpMM:DocumentID>`,
    `   <xmpMM:InstanceID>${id}</xmpMM:InstanceID>`,
    `   <pdf:Producer>${xml(PRODUCER)}</pdf:Producer>`,
    ...(keywords.length > 0 ? [`   <pdf:Keywords>${xml(keywordString(meta))}</pdf:Keywords>`] : []),
    '   <pdfaid:part>2</pdfaid:part>',
    `   <pdfaid:conformance>${meta.tagged === true ? 'A' : 'B'}</pdfaid:conformance>`,
    '  </rdf:Description>',
    ...(meta.tagged === true
      ? ['  <rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">', '   <pdfuaid:part>1</pdfuaid:part>', '  </rdf:Description>', ...PDFUA_EXTENSION]
      : []),
    ' </rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ];
  return lines.join('\n');
}

/**
 * Everything PDF/A-2b asks of the document level that pdf-lib can express: Info dictionary
 * (dates from the data), an uncompressed XMP metadata stream, /Lang, an sRGB output intent
 * with its ICC profile, and the document title shown in the window title bar.
 */
export function applyArchivalMetadata(pdf: PDFDocument, meta: ArchivalMeta): void {
  const date = isoDate(meta.date);
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  pdf.setAuthor(meta.author);
  pdf.setSubject(meta.subject);
  if (meta.keywords !== undefined && meta.keywords.length > 0) pdf.setKeywords([keywordString(meta)]);
  pdf.setCreator(CREATOR);
  pdf.setProducer(PRODUCER);
  pdf.setCreationDate(date);
  pdf.setModificationDate(date);
  pdf.setLanguage(meta.language);

  const { context, catalog } = pdf;
  // PDF/A: the metadata stream is not filtered, so that any tool can read it.
  const xmp = context.stream(new TextEncoder().encode(xmpPacket(meta)), { Type: 'Metadata', Subtype: 'XML' });
  catalog.set(PDFName.of('Metadata'), context.register(xmp));

  const icc = compressedOnce(context, 'icc', assetBytes('icc', ICC_FILE), { N: 3 });
  const intent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
    Info: PDFString.of('sRGB IEC61966-2.1'),
    RegistryName: PDFString.of('http://www.color.org'),
    DestOutputProfile: context.register(icc),
  });
  catalog.set(PDFName.of('OutputIntents'), context.obj([context.register(intent)]));
}
