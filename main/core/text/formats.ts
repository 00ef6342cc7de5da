/**
 * The file formats Calque reads and writes. Plain text and Markdown are both handled as text
 * (paragraphs between blank lines); a new format registers its extension and reader/writer here.
 */
export interface TextFormat {
  id: string;
  extensions: string[];
}

export const FORMATS: TextFormat[] = [
  { id: 'plain-text', extensions: ['txt'] },
  { id: 'markdown', extensions: ['md', 'markdown'] },
];

const byExt = new Map(FORMATS.flatMap((f) => f.extensions.map((e) => [e, f] as const)));

export function formatForExtension(ext: string): TextFormat | undefined {
  return byExt.get(ext.toLowerCase());
}
