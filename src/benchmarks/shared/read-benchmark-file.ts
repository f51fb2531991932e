import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DatasetError } from '../../errors/culturekit-error.js';

/** Whether a path is a directory (false when it does not exist). */
export async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Whether a path exists. */
export async function pathExists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** The files of a directory whose names pass `accept`, sorted, as full paths; a missing directory is a `DatasetError`. */
export async function listFiles(directory: string, accept: (name: string) => boolean): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(directory);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DatasetError([], code === 'ENOENT' ? `benchmark folder not found: ${directory}` : `cannot read ${directory}: ${(error as Error).message}`);
  }
  return names
    .filter(accept)
    .sort()
    .map((name) => join(directory, name));
}
