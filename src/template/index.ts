/** The clause library's template engine and the block-text parser. */
export { loadTemplates, defaultTemplatesDir, clearTemplateCache, type TemplateEngine } from './engine.js';
export { parseBlockText, defaultAnnexHeading, defaultArticleHeading, type BlockTextOptions } from './blocktext.js';
export { escapeBlockText, unescapeBlockText } from './escape.js';
export { parseInline } from './inline.js';
export { helpers, type HelperDef } from './helpers/index.js';
