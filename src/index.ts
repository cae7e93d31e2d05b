/**
 * convkit's public API (barrel only: no code here).
 *
 * ```ts
 * import { loadDataset, buildDocuments, renderDocx } from 'convkit';
 * const dataset = await loadDataset('data');
 * for (const { plan, document } of await buildDocuments(dataset)) {
 *   const bytes = await renderDocx(document);
 * }
 * ```
 */
export { loadDataset, checkDataset, type Dataset, type DataCheck } from './data/load.js';
export { ConvkitError, ConvkitErrors, formatLocated, type Location } from './errors.js';
export type * from './model/types.js';
export { runsText } from './model/types.js';
export { signatureLead } from './model/signature.js';
export {
  generate,
  buildDocuments,
  documentBuilder,
  renderDocument,
  renderOutputs,
  writeOutputs,
  planDocuments,
  planAnnexes,
  outputPath,
  parseFormats,
  defaultDataDir,
  conventionContext,
  charterContext,
  engagementContext,
  applyTypography,
  FOLDERS,
  OUTPUT_FORMATS,
  type BuildOptions,
  type BuiltDocument,
  type DocumentBuilder,
  type GenerateOptions,
  type OutputFile,
  type OutputFormat,
  type PlannedDocument,
  type WrittenFile,
  type AnnexPlan,
} from './generate/index.js';
export {
  loadTemplates,
  defaultTemplatesDir,
  clearTemplateCache,
  parseBlockText,
  escapeBlockText,
  unescapeBlockText,
  helpers,
  type TemplateEngine,
  type BlockTextOptions,
} from './template/index.js';
export * as french from './french/index.js';
export { writeFileAtomic } from './io/atomic.js';
export { renderDocx } from './render/docx.js';
export { renderPdf, type RenderPdfOptions } from './render/pdf/index.js';
export * from './lint/index.js';
