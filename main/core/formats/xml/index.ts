/**
 * The shared safe XML layer (XLIFF, DOCX, later TMX): parse decoded text into a tree with source
 * offsets (parse.ts), then write back by patching ranges (edit.ts), never by re-serialising.
 *
 *   const { root, raw } = parseXml(text, path);          // CalqueError on DTD, entities, depth, size, bad XML
 *   const unit = firstChild(root, 'file');                // navigate by local name
 *   applyPatches(raw, [{ start: t.openEnd, end: t.closeStart, text: escapeText('new') }]);
 */
export { parseXml, XML_LIMITS, type XmlAttribute, type XmlDocument, type XmlElement, type XmlLimits, type XmlNode, type XmlOther, type XmlText } from './parse.js';
export {
  applyPatches,
  attr,
  attributeRange,
  childElements,
  DEFAULT_ESCAPES,
  escapeAttribute,
  escapeStyleOf,
  escapeText,
  firstChild,
  indentOf,
  lineBreakBefore,
  setAttributePatch,
  textContent,
  type AttributeRange,
  type EscapeStyle,
  type Patch,
} from './edit.js';
