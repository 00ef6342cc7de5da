import type { ExportResult } from '../../contract/api.js';
import { writeFileAtomic } from '../platform/atomic-write.js';

/** How a host hands a finished file to the user: a save dialog (desktop) or the bytes for a download (browser). */
export type SaveFileChooser = ((suggestedName: string) => Promise<string | null>) | undefined;

export async function deliverFile(chooseSaveFile: SaveFileChooser, fileName: string, bytes: Uint8Array): Promise<ExportResult> {
  if (chooseSaveFile) {
    const dest = await chooseSaveFile(fileName);
    if (!dest) return { fileName, cancelled: true };
    await writeFileAtomic(dest, bytes);
    return { fileName, savedPath: dest };
  }
  return { fileName, dataBase64: Buffer.from(bytes).toString('base64') };
}
