/**
 * The workbook's map, read before any sheet: which part is the workbook (from `_rels/.rels`),
 * its sheets in order with their names, the date system, and which parts hold each sheet, the
 * styles and the shared strings (from the workbook's relationships). Parts are found by their
 * relationships, never by their names: a sheet may live in any part, and a target may be
 * relative (`worksheets/sheet1.xml`, as Excel and LibreOffice write) or absolute
 * (`/xl/worksheets/sheet1.xml`, as openpyxl and pandas write).
 */
import { posix } from 'node:path';
import type { LedgerLimits } from '../limits.js';
import { parsePart, type PartHandler } from './part-parser.js';
import { damaged } from './workbook-error.js';
import type { XmlScanner } from './xml-scanner.js';
import type { PartBudget, ZipArchive } from './zip-archive.js';
import { msg } from '../../messages/catalogue.js';

export interface WorkbookSheet {
  name: string;
  /** The zip entry of the sheet's XML; undefined when its relationship or part is missing. */
  part: string | undefined;
  /** A worksheet (rows) rather than a chart sheet, dialog sheet or macro sheet. */
  isWorksheet: boolean;
}

export interface WorkbookPackage {
  sheets: WorkbookSheet[];
  date1904: boolean;
  styles: string | undefined;
  sharedStrings: string | undefined;
}

const DEFAULT_WORKBOOK = 'xl/workbook.xml';

export async function readWorkbookPackage(archive: ZipArchive, file: string, limits: LedgerLimits): Promise<WorkbookPackage> {
  const workbookPart = (await officeDocument(archive, file, limits)) ?? archive.find(DEFAULT_WORKBOOK);
  if (!workbookPart) throw notAWorkbook(archive, file);
  const workbook = new WorkbookHandler();
  await parsePart(archive, file, workbookPart, mapBudget(workbookPart, limits), workbook, limits);
  const relationships = await readRelationships(archive, file, workbookPart, limits);
  const byId = new Map(relationships.map((relationship) => [relationship.id, relationship]));
  const sheets = workbook.sheets.map(({ name, relationshipId }): WorkbookSheet => {
    const relationship = relationshipId === undefined ? undefined : byId.get(relationshipId);
    return {
      name,
      part: relationship && archive.find(relationship.target),
      isWorksheet: relationship !== undefined && hasType(relationship, 'worksheet'),
    };
  });
  const partOfType = (type: string) => {
    const relationship = relationships.find((candidate) => hasType(candidate, type));
    return relationship && archive.find(relationship.target);
  };
  return { sheets, date1904: workbook.date1904, styles: partOfType('styles'), sharedStrings: partOfType('sharedStrings') };
}

export function mapBudget(part: string, limits: LedgerLimits): PartBudget {
  return { maxBytes: limits.maxPartBytes, limit: 'maxPartBytes', label: msg('xlsx.part', { part }) };
}

interface Relationship {
  id: string;
  /** Relationship types end with their kind: `…/relationships/worksheet`, `…/officeDocument`. */
  type: string;
  /** The target as a zip entry name (resolved, leading `/` dropped). */
  target: string;
}

function hasType(relationship: Relationship, kind: string): boolean {
  return relationship.type.endsWith(`/${kind}`);
}

async function officeDocument(archive: ZipArchive, file: string, limits: LedgerLimits): Promise<string | undefined> {
  const relationships = await readRelationships(archive, file, '', limits);
  const main = relationships.find((relationship) => hasType(relationship, 'officeDocument'));
  return main && archive.find(main.target);
}

/** The relationships of a part (`''` for the package itself); none when its .rels part is absent. */
async function readRelationships(archive: ZipArchive, file: string, source: string, limits: LedgerLimits): Promise<Relationship[]> {
  const directory = posix.dirname(source);
  const relsName = posix.join(directory === '.' ? '' : directory, '_rels', `${posix.basename(source)}.rels`);
  const relsPart = archive.find(relsName);
  if (!relsPart) return [];
  const handler = new RelationshipsHandler();
  await parsePart(archive, file, relsPart, mapBudget(relsPart, limits), handler, limits);
  return handler.relationships
    .filter((relationship) => relationship.targetMode !== 'External')
    .map(({ id, type, target }) => ({ id, type, target: resolveTarget(archive, directory === '.' ? '' : directory, target) }));
}

/** A relationship target as a zip entry name: absolute targets from the root, others from the source's folder. */
export function resolveTarget(archive: ZipArchive, sourceDirectory: string, target: string): string {
  const joined = target.startsWith('/') ? target : posix.join(sourceDirectory, target);
  const name = posix.normalize(joined).replace(/^\/+/, '');
  if (archive.find(name)) return name;
  // Targets are URIs: `sheet%201.xml` names the entry `sheet 1.xml`.
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

function notAWorkbook(archive: ZipArchive, file: string) {
  const names = archive.names();
  if (names.some((name) => name.toLowerCase() === 'xl/workbook.bin')) {
    return damaged(file, msg('xlsx.xlsb'));
  }
  if (names.includes('mimetype') && names.includes('content.xml')) {
    return damaged(file, msg('xlsx.ods'));
  }
  return damaged(file, msg('xlsx.noWorkbookPart'));
}

class WorkbookHandler implements PartHandler {
  readonly names = ['sheet', 'workbookPr'] as const;
  readonly wantsText = false;
  readonly sheets: { name: string; relationshipId: string | undefined }[] = [];
  date1904 = false;
  private xml!: XmlScanner;

  bind(scanner: XmlScanner): void {
    this.xml = scanner;
  }

  open(name: string): void {
    if (name === 'sheet') {
      this.sheets.push({ name: this.xml.attribute('name') ?? '', relationshipId: this.xml.attribute('id') });
    } else if (name === 'workbookPr') {
      const value = this.xml.attribute('date1904');
      this.date1904 = value === '1' || value === 'true';
    }
  }

  close(): void {}
  text(): void {}
}

class RelationshipsHandler implements PartHandler {
  readonly names = ['Relationship'] as const;
  readonly wantsText = false;
  readonly relationships: { id: string; type: string; target: string; targetMode: string | undefined }[] = [];
  private xml!: XmlScanner;

  bind(scanner: XmlScanner): void {
    this.xml = scanner;
  }

  open(name: string): void {
    if (name !== 'Relationship') return;
    const id = this.xml.attribute('Id');
    const target = this.xml.attribute('Target');
    if (id === undefined || target === undefined) return;
    this.relationships.push({ id, type: this.xml.attribute('Type') ?? '', target, targetMode: this.xml.attribute('TargetMode') });
  }

  close(): void {}
  text(): void {}
}
