/**
 * A path as messages show it: relative to `from` (the working folder by default) when it lies
 * inside it, as the user would type it; otherwise absolute, never a `../../` climb.
 */
import { isAbsolute, relative } from 'node:path';

export function displayPath(path: string, from: string = process.cwd()): string {
  const rel = relative(from, path);
  if (rel === '') return '.';
  const climbs = rel === '..' || rel.startsWith('../') || rel.startsWith('..\\');
  return climbs || isAbsolute(rel) ? path : rel;
}
