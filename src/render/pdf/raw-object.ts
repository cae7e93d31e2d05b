import { PDFObject } from 'pdf-lib';

/**
 * A direct object serialised from its text once (ASCII: names, numbers, references). The
 * renderer's structure elements are written this way: a few hundred small dictionaries per
 * document would otherwise cost a PDFDict, its entries and pdf-lib's generic serialisation
 * each. Nothing reads them back in the same document (`mergePdfs` and `stampFirstPage` load
 * saved bytes); a document that is garbage-collected after (the dossier) uses real objects.
 */
export class RawObject extends PDFObject {
  private readonly bytes: Uint8Array;
  constructor(private readonly text: string) {
    super();
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    this.bytes = bytes;
  }
  override clone(): RawObject {
    return this;
  }
  override toString(): string {
    return this.text;
  }
  override sizeInBytes(): number {
    return this.bytes.length;
  }
  override copyBytesInto(buffer: Uint8Array, offset: number): number {
    buffer.set(this.bytes, offset);
    return this.bytes.length;
  }
}
